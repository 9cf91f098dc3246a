package org.clientela.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.clientela.WebSession;
import org.clientela.salesfacts.internal.SalesFactTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The dashboards (GET /api/v1/dashboard and the page /dashboard) of the director, the head, a
 * manager and the KAM on 15 May 2087, over {@link DashboardWorld}: each figure worked out by hand
 * from what the world's parts contribute.
 */
@IntegrationTest
class DashboardApiIntegrationTest {

    /** Built once: the plan of May 2087 may exist only once. */
    private static DashboardWorld world;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SalesFactTable salesFactTable;

    @Autowired
    TestClock clock;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        clock.moveForward(Duration.between(clock.instant(),
                DashboardWorld.TODAY.atTime(12, 0).atZone(clock.getZone()).toInstant()));
        api = new ApiClient(port);
        synchronized (DashboardApiIntegrationTest.class) {
            if (world == null) {
                DashboardWorld built = new DashboardWorld(api, jdbc, salesFactTable);
                built.plan();
                built.keyAccount();
                built.invoices();
                world = built;
            }
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private JsonNode dashboard(String user) {
        return api.as(user).get("/api/v1/dashboard").isJson(200).json();
    }

    private static String money(JsonNode amount) {
        return amount.decimalValue().setScale(2).toPlainString();
    }

    private static List<String> ids(JsonNode items, String field) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path(field).asString()));
        return ids;
    }

    private static JsonNode byId(JsonNode items, String field, Object id) {
        for (JsonNode item : items) {
            if (item.path(field).asString().equals(id.toString())) {
                return item;
            }
        }
        throw new AssertionError("No " + id + " in " + items);
    }

    private static JsonNode month(JsonNode dashboard, String month) {
        return byId(dashboard.path("months"), "month", month);
    }

    private static int cell(JsonNode dashboard, String abc, String xyz) {
        for (JsonNode cell : dashboard.path("matrix").path("cells")) {
            if (cell.path("abc").asString().equals(abc) && cell.path("xyz").asString().equals(xyz)) {
                return cell.path("count").asInt();
            }
        }
        throw new AssertionError("No cell " + abc + xyz);
    }

    @Test
    void theDirectorSeesTheDepartmentAgainstItsPlan() {
        JsonNode dashboard = dashboard("director");

        assertThat(dashboard.path("view").asString()).isEqualTo("DEPARTMENT");
        assertThat(dashboard.path("wholeDepartment").asBoolean()).isTrue();
        JsonNode month = dashboard.path("month");
        assertThat(month.path("status").asString()).isEqualTo("APPROVED");
        assertThat(month.path("daysElapsed").asInt()).isEqualTo(15);
        // revenue 6 000 of 20 000: 30 %; the run rate 6 000 × 31 / 15 = 12 400
        assertThat(money(month.path("revenue").path("target"))).isEqualTo("20000.00");
        assertThat(money(month.path("revenue").path("actual"))).isEqualTo("6000.00");
        assertThat(money(month.path("revenue").path("percent"))).isEqualTo("30.00");
        assertThat(money(month.path("revenue").path("forecast"))).isEqualTo("12400.00");
        // margin 2 200 of 5 000: 44 %; 2 200 × 31 / 15 = 4 546.666… → 4 546.67
        assertThat(money(month.path("margin").path("actual"))).isEqualTo("2200.00");
        assertThat(money(month.path("margin").path("percent"))).isEqualTo("44.00");
        assertThat(money(month.path("margin").path("forecast"))).isEqualTo("4546.67");
        // no plan for the second quarter of 2087
        assertThat(dashboard.has("quarter")).isFalse();

        // manager3 2 000 of 2 500 (80 %), manager1 3 000 of 6 000 (50 %), manager2 1 000 of 4 000 (25 %)
        assertThat(ids(dashboard.path("ranking"), "managerId")).containsExactly(world.user("manager3").toString(),
                world.user("manager1").toString(), world.user("manager2").toString());
        assertThat(money(dashboard.path("ranking").get(0).path("percent"))).isEqualTo("80.00");

        assertThat(money(month(dashboard, "2087-05").path("revenue"))).isEqualTo("6000.00");
        assertThat(money(month(dashboard, "2087-05").path("margin"))).isEqualTo("2200.00");
        assertThat(money(month(dashboard, "2087-05").path("revenueYearBefore"))).isEqualTo("1500.00");
        assertThat(ids(dashboard.path("months"), "month")).hasSize(12).startsWith("2086-06").endsWith("2087-05");

        // the first quarter: manager3's client A X, manager2's A Z
        assertThat(dashboard.path("matrix").path("from").asString()).isEqualTo("2087-01");
        assertThat(cell(dashboard, "A", "X")).isEqualTo(1);
        assertThat(cell(dashboard, "A", "Z")).isEqualTo(1);

        JsonNode overdue = byId(dashboard.path("receivables").path("topOverdue"), "companyId", world.manager1Client);
        assertThat(money(overdue.path("overdue"))).isEqualTo("900000000.00");
        assertThat(money(overdue.path("total"))).isEqualTo("900000600.00");
        assertThat(overdue.path("maxDaysOverdue").asInt()).isEqualTo(45);
        JsonNode manager1 = byId(dashboard.path("receivables").path("managers"), "managerId", world.user("manager1"));
        assertThat(manager1.path("buckets").path("days31to60").decimalValue()).isGreaterThanOrEqualTo(
                new BigDecimal("900000000.00"));
        assertThat(dashboard.path("keyClients").isEmpty()).isTrue();
    }

    @Test
    void theHeadSeesTheTeamOnly() {
        JsonNode dashboard = dashboard("head");

        assertThat(dashboard.path("view").asString()).isEqualTo("DEPARTMENT");
        assertThat(dashboard.path("wholeDepartment").asBoolean()).isFalse();
        JsonNode month = dashboard.path("month");
        // the team's targets: manager1 6 000 + manager2 4 000; sales 3 000 + 1 000 = 4 000: 40 %;
        // 4 000 × 31 / 15 = 8 266.666… → 8 266.67
        assertThat(money(month.path("revenue").path("target"))).isEqualTo("10000.00");
        assertThat(money(month.path("revenue").path("actual"))).isEqualTo("4000.00");
        assertThat(money(month.path("revenue").path("percent"))).isEqualTo("40.00");
        assertThat(money(month.path("revenue").path("forecast"))).isEqualTo("8266.67");
        // margin: only manager1 has a target (1 500); 1 200 + 500 = 1 700: 113.33 %
        assertThat(money(month.path("margin").path("target"))).isEqualTo("1500.00");
        assertThat(money(month.path("margin").path("actual"))).isEqualTo("1700.00");
        assertThat(money(month.path("margin").path("percent"))).isEqualTo("113.33");

        assertThat(ids(dashboard.path("ranking"), "managerId")).containsExactly(world.user("manager1").toString(),
                world.user("manager2").toString());
        assertThat(money(month(dashboard, "2087-05").path("revenue"))).isEqualTo("4000.00");
        // manager3's client is not the team's
        assertThat(cell(dashboard, "A", "X")).isZero();
        assertThat(cell(dashboard, "A", "Z")).isEqualTo(1);
        assertThat(ids(dashboard.path("receivables").path("managers"), "managerId"))
                .doesNotContain(world.user("manager3").toString());
        assertThat(ids(dashboard.path("receivables").path("topOverdue"), "companyId"))
                .contains(world.manager1Client.toString()).doesNotContain(world.manager3Client.toString());
    }

    /**
     * The department's matrix of the closed quarter is kept between requests; a change to the
     * quarter's facts shows on the next one. 100 000 of the key client's in February 2087 make it
     * the one A of the quarter (Z: one month of three), and manager3's 900 (X) and manager2's 700
     * (Z) C: 100 000 is 98.4 % of 101 600.
     */
    @Test
    void theDirectorsMatrixFollowsAChangeToTheClosedQuarter() {
        assertThat(cell(dashboard("director"), "A", "X")).isEqualTo(1);

        world.sale(world.manager1KeyClient, "2087-02", "100000.00", "60000.00");
        try {
            JsonNode changed = dashboard("director");
            assertThat(cell(changed, "A", "X")).isZero();
            assertThat(cell(changed, "A", "Z")).isEqualTo(1);
            assertThat(cell(changed, "C", "X")).isEqualTo(1);
            assertThat(cell(changed, "C", "Z")).isEqualTo(1);
        } finally {
            world.withdrawSale(world.manager1KeyClient, "2087-02");
        }

        JsonNode after = dashboard("director");
        assertThat(cell(after, "A", "X")).isEqualTo(1);
        assertThat(cell(after, "A", "Z")).isEqualTo(1);
        assertThat(cell(after, "C", "Z")).isZero();
    }

    @Test
    void aManagerSeesTheirOwnPlanKeyClientsAndDebts() {
        JsonNode dashboard = dashboard("manager1");

        assertThat(dashboard.path("view").asString()).isEqualTo("MANAGER");
        JsonNode month = dashboard.path("month");
        // 3 000 of 6 000: 50 %; 3 000 × 31 / 15 = 6 200; no margin for a manager
        assertThat(money(month.path("revenue").path("target"))).isEqualTo("6000.00");
        assertThat(money(month.path("revenue").path("actual"))).isEqualTo("3000.00");
        assertThat(money(month.path("revenue").path("percent"))).isEqualTo("50.00");
        assertThat(money(month.path("revenue").path("forecast"))).isEqualTo("6200.00");
        assertThat(month.has("margin")).isFalse();
        assertThat(ids(month.path("managers"), "managerId")).containsExactly(world.user("manager1").toString());

        // April 1 000 + 4 000; May 3 000 against 1 500 a year before: +100 %
        assertThat(money(month(dashboard, "2087-04").path("revenue"))).isEqualTo("5000.00");
        assertThat(money(month(dashboard, "2087-05").path("revenue"))).isEqualTo("3000.00");
        assertThat(month(dashboard, "2087-05").has("margin")).isFalse();

        // the key client's revenue of February–April: 4 000 in April (the demo's key accounts of
        // manager1 are there too, without sales in 2087)
        JsonNode key = byId(dashboard.path("keyClients"), "companyId", world.manager1KeyClient);
        assertThat(money(key.path("revenue"))).isEqualTo("4000.00");
        assertThat(key.path("owned").asBoolean()).isTrue();
        assertThat(key.path("kam").asBoolean()).isFalse();
        assertThat(ids(dashboard.path("keyClients"), "companyId")).startsWith(world.manager1KeyClient.toString());

        assertThat(dashboard.has("matrix")).isFalse();
        assertThat(dashboard.path("ranking").isEmpty()).isTrue();
        JsonNode debts = dashboard.path("receivables").path("topOverdue");
        assertThat(ids(debts, "ownerId")).containsOnly(world.user("manager1").toString());
        assertThat(ids(debts, "companyId")).contains(world.manager1Client.toString());
        assertThat(ids(dashboard.path("receivables").path("managers"), "managerId"))
                .containsExactly(world.user("manager1").toString());
    }

    @Test
    void theKamSeesTheKeyAccountTheyLookAfter() {
        JsonNode key = byId(dashboard("kam").path("keyClients"), "companyId", world.manager1KeyClient);

        assertThat(key.path("owned").asBoolean()).isFalse();
        assertThat(key.path("kam").asBoolean()).isTrue();
        assertThat(money(key.path("revenue"))).isEqualTo("4000.00");
    }

    @Test
    void eachViewListsTheOpenEarlyWarningsOfItsClientsOnly() {
        UUID mine = warning(world.manager1Client, "NO_CONTACT", "OPEN");
        UUID otherTeams = warning(world.manager3Client, "VOLUME_FALLING", "OPEN");
        UUID dismissed = warning(world.manager1Client, "DEBT_GROWING", "DISMISSED");

        assertThat(ids(dashboard("director").path("warnings"), "id")).contains(mine.toString(), otherTeams.toString())
                .doesNotContain(dismissed.toString());
        assertThat(ids(dashboard("head").path("warnings"), "id")).contains(mine.toString())
                .doesNotContain(otherTeams.toString(), dismissed.toString());
        JsonNode manager1 = dashboard("manager1");
        assertThat(ids(manager1.path("warnings"), "id")).contains(mine.toString())
                .doesNotContain(otherTeams.toString(), dismissed.toString());
        assertThat(byId(manager1.path("warnings"), "id", mine).path("companyName").asString())
                .isEqualTo(world.manager1ClientName);
        assertThat(manager1.path("warningCounts").path("NO_CONTACT").asLong()).isPositive();
        assertThat(ids(dashboard("manager2").path("warnings"), "id")).doesNotContain(mine.toString());
    }

    /** A warning as the daily run would leave it, detected on the world's day (the latest of all). */
    private UUID warning(UUID company, String kind, String status) {
        UUID id = UUID.randomUUID();
        boolean dismissed = status.equals("DISMISSED");
        jdbc.sql("""
                        insert into early_warning (id, company_id, kind, status, detected_on, refreshed_on, evidence,
                                                   dismissed_by, dismissed_at, dismissal_reason)
                        values (:id, :company, :kind, :status, :day, :day, '{}'::jsonb, :by, :at, :reason)""")
                .param("id", id).param("company", company).param("kind", kind).param("status", status)
                .param("day", DashboardWorld.TODAY).param("by", dismissed ? world.user("manager1") : null)
                .param("at", dismissed ? Timestamp.from(clock.instant()) : null)
                .param("reason", dismissed ? "Знаю, клиент в отпуске" : null).update();
        return id;
    }

    @Test
    void aRoleWithoutADashboardIsRefused() {
        api.as("credit").get("/api/v1/dashboard").isProblem(403);
    }

    @Test
    void thePageShowsEachViewWithItsChartsAndTables() {
        HttpResponse<String> director = WebSession.loggedIn(port, "director", ApiClient.DEMO_PASSWORD)
                .get("/dashboard");
        assertThat(director.statusCode()).isEqualTo(200);
        assertThat(director.body()).contains("Сводка по отделу", "id=\"plan-chart\"", "id=\"plan-table\"",
                "id=\"months-chart\"", "id=\"months-table\"", "id=\"matrix-chart\"", "id=\"matrix-table\"",
                "id=\"ageing-chart\"", "id=\"ageing-table\"", "id=\"ranking-table\"", "id=\"overdue-table\"",
                "20\u00A0000,00\u00A0₽", "12\u00A0400,00\u00A0₽", "900\u00A0000\u00A0000,00\u00A0₽",
                world.manager1ClientName);

        HttpResponse<String> manager = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD)
                .get("/dashboard");
        assertThat(manager.statusCode()).isEqualTo(200);
        assertThat(manager.body()).contains("Мои показатели", "id=\"key-clients-table\"", "6\u00A0200,00\u00A0₽",
                "/companies/" + world.manager1KeyClient).doesNotContain("id=\"matrix-chart\"", "id=\"ranking-table\"");

        assertThat(WebSession.loggedIn(port, "head", ApiClient.DEMO_PASSWORD).get("/").body())
                .contains("href=\"/dashboard\"");
    }
}
