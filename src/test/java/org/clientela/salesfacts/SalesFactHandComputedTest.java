package org.clientela.salesfacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clientela.orders.OrderWorld.ORDERS;
import static org.clientela.orders.OrderWorld.line;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.clientela.WebSession;
import org.clientela.clients.CompanyId;
import org.clientela.orders.OrderWorld;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One client, two assortment groups, two months, the figures written by hand: what the facts and
 * their monthly rollup hold (the order of both groups counted once in its month), what
 * {@link SalesFacts} answers, what the company page shows, and that a rebuild gives
 * the same again and is for administrators only.
 */
@IntegrationTest
class SalesFactHandComputedTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    SalesFacts salesFacts;

    @Test
    void confirmedCancelledAndReturnedOrdersGiveTheFactsComputedByHand() {
        ApiClient api = new ApiClient(port);
        OrderWorld world = new OrderWorld(api);
        String windows;
        String services;
        clock.moveForward(Duration.ofDays(-70));
        try {
            windows = world.piece(OrderWorld.ENERGY, "1000.00", "600.00");
            services = world.piece(OrderWorld.SERVICES, "250.00", "100.00");
        } finally {
            clock.reset();
        }
        String company = world.company("manager1");
        world.limit(company, "10000000.00", 30);
        YearMonth thisMonth = YearMonth.now();
        YearMonth lastMonth = thisMonth.minusMonths(1);

        // last month: 3 windows and 4 services, 1 window cancelled, 2 services, 5 windows left a draft
        String first = confirmed(api, company, lastMonth.atDay(5), line(windows, 3), line(services, 4));
        String cancelled = confirmed(api, company, lastMonth.atDay(10), line(windows, 1));
        api.as("manager1").post(ORDERS + "/" + cancelled + "/cancel", Map.of("reason", "Объект заморожен")).isJson(200);
        confirmed(api, company, lastMonth.atDay(20), line(services, 2));
        api.as("head").post(ORDERS, order(company, lastMonth.atDay(25), line(windows, 5))).isJson(201);
        // this month 2 of the first order's windows come back
        for (String status : List.of("IN_PRODUCTION", "READY", "SHIPPED")) {
            api.as("production").post(ORDERS + "/" + first + "/status", Map.of("status", status)).isJson(200);
        }
        String windowLine = api.as("manager1").get(ORDERS + "/" + first).json().path("lines").get(0).path("id")
                .asString();
        api.as("manager1").post(ORDERS + "/" + first + "/returns", Map.of("reason", "DEFECT",
                "lines", List.of(Map.of("lineId", windowLine, "quantity", 2)))).isJson(201);

        String windowsGroup = group(windows);
        String servicesGroup = group(services);
        List<String> expected = new ArrayList<>(List.of(
                SalesFactRows.line(company, windowsGroup, lastMonth.atDay(1).toString(), new BigDecimal("3000.00"),
                        new BigDecimal("1800.00"), new BigDecimal("3"), 1),
                SalesFactRows.line(company, windowsGroup, thisMonth.atDay(1).toString(), new BigDecimal("-2000.00"),
                        new BigDecimal("-1200.00"), new BigDecimal("-2"), 0),
                SalesFactRows.line(company, servicesGroup, lastMonth.atDay(1).toString(), new BigDecimal("1500.00"),
                        new BigDecimal("600.00"), new BigDecimal("6"), 2)));
        expected.sort(null);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(SalesFactRows.facts(jdbc, Set.of(company)))
                        .containsExactlyElementsOf(expected));
        // last month the first order (windows and services) and the third (services): 2 orders, not 1 + 2
        List<String> expectedMonths = List.of(
                SalesFactRows.monthLine(company, lastMonth.atDay(1).toString(), new BigDecimal("4500.00"),
                        new BigDecimal("2400.00"), new BigDecimal("9"), 2),
                SalesFactRows.monthLine(company, thisMonth.atDay(1).toString(), new BigDecimal("-2000.00"),
                        new BigDecimal("-1200.00"), new BigDecimal("-2"), 0));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(SalesFactRows.months(jdbc, Set.of(company)))
                        .containsExactlyElementsOf(expectedMonths));

        List<SalesFacts.MonthlyTotal> totals = salesFacts.monthlyTotals(Set.of(new CompanyId(UUID.fromString(company))),
                lastMonth.minusMonths(1), thisMonth);
        assertThat(totals).extracting(SalesFacts.MonthlyTotal::month).containsExactly(lastMonth, thisMonth);
        assertThat(totals.get(0).revenue()).isEqualByComparingTo("4500.00");
        assertThat(totals.get(0).cost()).isEqualByComparingTo("2400.00");
        assertThat(totals.get(0).margin()).isEqualByComparingTo("2100.00");
        assertThat(totals.get(1).revenue()).isEqualByComparingTo("-2000.00");
        assertThat(totals.get(1).margin()).isEqualByComparingTo("-800.00");

        String section = "/companies/" + company + "/sales-by-month";
        String byHead = nbsp(WebSession.loggedIn(port, "head", "demo").get(section).body());
        assertThat(byHead).contains("Маржа", "4 500,00 ₽", "2 100,00 ₽", "2 000,00 ₽", "800,00 ₽",
                "/orders?companyId=" + company + "&amp;from=" + lastMonth.atDay(1) + "&amp;to=" + lastMonth.atEndOfMonth());
        String byManager = nbsp(WebSession.loggedIn(port, "manager1", "demo").get(section).body());
        assertThat(byManager).contains("Выручка без НДС", "4 500,00 ₽").doesNotContain("Маржа", "2 100,00 ₽");
        assertThat(WebSession.loggedIn(port, "manager3", "demo").get(section).statusCode()).isEqualTo(404);

        api.as("manager1").post("/api/v1/admin/sales-facts/rebuild", Map.of()).isProblem(403);
        api.as("head").post("/api/v1/admin/sales-facts/rebuild", Map.of()).isProblem(403);
        long rows = api.as("admin").post("/api/v1/admin/sales-facts/rebuild", Map.of()).isJson(200).json()
                .path("rows").asLong();
        assertThat(rows).isGreaterThanOrEqualTo(3);
        assertThat(SalesFactRows.facts(jdbc, Set.of(company))).containsExactlyElementsOf(expected);
        assertThat(SalesFactRows.months(jdbc, Set.of(company))).containsExactlyElementsOf(expectedMonths);
        api.as("admin").post("/api/v1/admin/sales-facts/rebuild", Map.of()).isJson(200);
        assertThat(SalesFactRows.facts(jdbc, Set.of(company))).containsExactlyElementsOf(expected);
        assertThat(SalesFactRows.months(jdbc, Set.of(company))).containsExactlyElementsOf(expectedMonths);
        assertThat(jdbc.sql("""
                        select count(*) from audit_log
                        where entity_type = 'SalesFacts' and actor = 'admin' and occurred_at > now() - interval '1 hour'""")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @SafeVarargs
    private static Map<String, Object> order(String company, LocalDate day, Map<String, Object>... lines) {
        Map<String, Object> order = OrderWorld.order(company, lines);
        order.put("orderDate", day.toString());
        return order;
    }

    @SafeVarargs
    private static String confirmed(ApiClient api, String company, LocalDate day, Map<String, Object>... lines) {
        String id = api.as("head").post(ORDERS, order(company, day, lines)).isJson(201).id();
        api.as("head").post(ORDERS + "/" + id + "/confirm", Map.of()).isJson(200);
        return id;
    }

    private String group(String product) {
        return jdbc.sql("select group_id::text from product where id = :id").param("id", UUID.fromString(product))
                .query(String.class).single();
    }

    private static String nbsp(String html) {
        return html.replace('\u00A0', ' ').replace('\u202F', ' ');
    }
}
