package org.clientela.salesfacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clientela.orders.OrderWorld.ORDERS;
import static org.clientela.orders.OrderWorld.glassLine;
import static org.clientela.orders.OrderWorld.line;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.clientela.orders.OrderWorld;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * On a seeded random mix of orders made through the API — several assortment groups and months,
 * confirmations, credit holds approved or rejected, cancellations, shipments and returns, and a
 * merge of two of the clients — the sales facts and their monthly rollup equal a bare-SQL
 * aggregate over the order lines and returns, row by row, the rollup the cells summed per month
 * (but for the distinct orders), and the running totals the rollup's months summed up to each
 * month, and the department's month totals the rollup of all clients summed per month: once the
 * listeners have caught up, and again after a rebuild.
 */
@IntegrationTest
class SalesFactEqualityTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Test
    void theFactsEqualTheBareAggregateOfTheOrdersAfterTheEventsAndAfterARebuild() {
        ApiClient api = new ApiClient(port);
        OrderWorld world = new OrderWorld(api);
        List<String> products = new ArrayList<>();
        // priced since half a year ago, so that orders of the past months find their prices
        clock.moveForward(Duration.ofDays(-200));
        try {
            products.add(world.glassUnit("2150.00", "1480.00"));
            products.add(world.piece(OrderWorld.ENERGY, "1000.00", "600.00"));
            products.add(world.piece(OrderWorld.SERVICES, "333.33", null));
            products.add(world.piece(OrderWorld.DOUBLE, "777.77", "555.55"));
        } finally {
            clock.reset();
        }
        String onLimit = world.company("manager1");
        String merged = world.company("manager1");
        String withoutLimit = world.company("manager1");
        world.limit(onLimit, "100000000.00", 30);
        world.limit(merged, "100000000.00", 30);
        List<String> companies = List.of(onLimit, merged, withoutLimit);

        Random random = new Random(20261127L);
        LocalDate today = LocalDate.now();
        for (int n = 0; n < 30; n++) {
            String company = companies.get(random.nextInt(companies.size()));
            LocalDate month = today.minusMonths(random.nextInt(6)).withDayOfMonth(1);
            LocalDate day = month.plusDays(random.nextInt(month.lengthOfMonth()));
            LocalDate orderDate = day.isAfter(today) ? today : day;
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int i = 0, count = 1 + random.nextInt(3); i < count; i++) {
                int which = random.nextInt(products.size());
                lines.add(which == 0 ? glassLine(products.get(0), 1 + random.nextInt(9),
                        "0." + (40 + random.nextInt(60)), "1." + (10 + random.nextInt(80)), random.nextInt(3))
                        : line(products.get(which), 1 + random.nextInt(20)));
            }
            Map<String, Object> order = new LinkedHashMap<>();
            order.put("companyId", company);
            order.put("orderDate", orderDate.toString());
            order.put("lines", lines);
            String id = api.as("head").post(ORDERS, order).isJson(201).id();
            if (random.nextInt(8) == 0) {
                continue;
            }
            ApiClient.Response confirmed = api.as("head").post(ORDERS + "/" + id + "/confirm", Map.of());
            if (confirmed.status() == 409) {
                boolean approve = random.nextInt(5) > 0;
                api.as("credit").post(ORDERS + "/" + id + (approve ? "/approve-credit" : "/reject-credit"),
                        Map.of("reason", "Проверка фактов продаж")).isJson(200);
                if (!approve) {
                    continue;
                }
            } else {
                confirmed.isJson(200);
            }
            int fate = random.nextInt(10);
            if (fate < 2) {
                api.as("head").post(ORDERS + "/" + id + "/cancel", Map.of("reason", "Клиент передумал")).isJson(200);
            } else if (fate < 6) {
                for (String status : List.of("IN_PRODUCTION", "READY", "SHIPPED")) {
                    api.as("production").post(ORDERS + "/" + id + "/status", Map.of("status", status)).isJson(200);
                }
                JsonNode placed = api.as("head").get(ORDERS + "/" + id).isJson(200).json().path("lines");
                JsonNode returnedLine = placed.get(random.nextInt(placed.size()));
                long days = ChronoUnit.DAYS.between(orderDate, today);
                LocalDate returnDate = orderDate.plusDays(days == 0 ? 0 : random.nextInt((int) days + 1));
                api.as("head").post(ORDERS + "/" + id + "/returns", Map.of("date", returnDate.toString(),
                        "reason", "DEFECT", "lines", List.of(Map.of("lineId", returnedLine.path("id").asString(),
                                "quantity", 1)))).isJson(201);
            }
        }
        // a merge while the listeners may still be at work on the duplicate's orders
        long survivorVersion = api.as("head").get("/api/v1/companies/" + onLimit).json().path("version").asLong();
        long duplicateVersion = api.as("head").get("/api/v1/companies/" + merged).json().path("version").asLong();
        api.as("head").post("/api/v1/companies/" + onLimit + "/merge", Map.of("duplicateId", merged,
                "survivorVersion", survivorVersion, "duplicateVersion", duplicateVersion)).isJson(200);

        Set<String> mine = new LinkedHashSet<>(companies);
        List<String> expected = SalesFactRows.bareAggregate(jdbc, mine);
        assertThat(expected).as("the generated orders count in many cells").hasSizeGreaterThan(10);
        assertThat(jdbc.sql("""
                        select count(*) from order_return r join sales_order o on o.id = r.order_id
                        where o.company_id = any(:companies)""")
                .param("companies", mine.stream().map(UUID::fromString).toArray(UUID[]::new))
                .query(Long.class).single()).as("and some of them came back").isPositive();
        List<String> expectedMonths = SalesFactRows.bareMonthAggregate(jdbc, mine);
        assertThat(expectedMonths).as("fewer months than cells").hasSizeLessThan(expected.size());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertEqualToTheOrders(mine, expected, expectedMonths));

        api.as("admin").post("/api/v1/admin/sales-facts/rebuild", Map.of()).isJson(200);
        assertEqualToTheOrders(mine, expected, expectedMonths);
        assertThat(jdbc.sql("""
                        select count(*)
                        from (select company_id, month, sum(order_count) as orders from sales_fact
                              where company_id = any(:companies) group by company_id, month) as cells
                        join sales_fact_month m using (company_id, month)
                        where cells.orders > m.order_count""")
                .param("companies", mine.stream().map(UUID::fromString).toArray(UUID[]::new))
                .query(Long.class).single()).as("orders with lines in several groups, counted once in their month")
                .isPositive();
    }

    private void assertEqualToTheOrders(Set<String> companies, List<String> expected, List<String> expectedMonths) {
        assertThat(SalesFactRows.facts(jdbc, companies)).containsExactlyElementsOf(expected);
        assertThat(SalesFactRows.months(jdbc, companies)).containsExactlyElementsOf(expectedMonths);
        assertThat(SalesFactRows.monthFiguresOfRollup(jdbc, companies))
                .containsExactlyElementsOf(SalesFactRows.monthFiguresOfCells(jdbc, companies));
        assertThat(SalesFactRows.running(jdbc, companies))
                .containsExactlyElementsOf(SalesFactRows.runningOfRollup(jdbc, companies));
        assertThat(SalesFactRows.monthTotalsApartFromTheRollup(jdbc)).as("the department's month totals").isEmpty();
    }
}
