package org.clientela.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * GET /api/v1/plans/{id}/progress (T2) on small data of 2063, every figure worked out by hand in
 * the comments. The clock is moved into 2063 and back.
 */
@IntegrationTest
class PlanProgressIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    private ApiClient api;
    private PlanWorld world;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        world = new PlanWorld(api, jdbc);
    }

    private void moveClockTo(LocalDate day) {
        clock.moveForward(Duration.between(clock.instant(), day.atTime(12, 0).atZone(clock.getZone()).toInstant()));
    }

    private String plan(String period, List<Map<String, Object>> targets) {
        JsonNode plan = api.as("head").post("/api/v1/plans", Map.of("period", period)).isJson(201).json();
        api.as("head").put("/api/v1/plans/" + plan.path("id").asString() + "/targets",
                Map.of("version", 0, "targets", targets)).isJson(200);
        return plan.path("id").asString();
    }

    private static Map<String, Object> target(String scope, UUID scopeId, Object revenue, Object margin,
            Object active, Object fresh) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("scope", scope);
        target.put("scopeId", scopeId == null ? null : scopeId.toString());
        target.put("revenue", revenue);
        target.put("margin", margin);
        target.put("activeClients", active);
        target.put("newClients", fresh);
        return target;
    }

    private static JsonNode row(JsonNode progress, String scope, UUID scopeId) {
        for (JsonNode row : progress.path("rows")) {
            JsonNode target = row.path("target");
            if (target.path("scope").asString().equals(scope)
                    && (scopeId == null || target.path("scopeId").asString().equals(scopeId.toString()))) {
                return row;
            }
        }
        throw new AssertionError("No row " + scope + " " + scopeId + " in " + progress);
    }

    private static void assertAmount(JsonNode node, String expected) {
        assertThat(node.decimalValue()).as(node.toString()).isEqualByComparingTo(expected);
    }

    @Test
    void oneManagerInTheMiddleOfAMonthWithTheRunRateAndTheOpenOrders() {
        UUID manager1 = world.user("manager1");
        UUID group = world.group(0);
        UUID a = world.company("manager1", "Первая покупка");
        UUID b = world.company("manager1", "Давний");
        world.sale(a, group, "2063-03", "6200.00", "4000.00");
        world.sale(b, group, "2063-01", "500.00", "250.00");
        world.sale(b, group, "2063-03", "1000.00", "900.00");
        // open: 500 (cost 300) + 100 (cost 100); a confirmed order and one of April are no open orders
        world.openOrder(a, group, LocalDate.of(2063, 3, 20), "DRAFT", "500.00", "300.00");
        world.openOrder(b, group, LocalDate.of(2063, 3, 31), "CREDIT_HOLD", "100.00", "100.00");
        world.openOrder(b, group, LocalDate.of(2063, 3, 12), "CONFIRMED", "999.00", "0.00");
        world.openOrder(a, group, LocalDate.of(2063, 4, 1), "DRAFT", "777.00", "0.00");
        String id = plan("2063-03", List.of(
                target("DEPARTMENT", null, 20_000, 5_000, 4, 2),
                target("MANAGER", manager1, 10_000, 3_000, 2, 1),
                target("GROUP", group, 8_000, null, null, null)));

        moveClockTo(LocalDate.of(2063, 3, 10));
        try {
            JsonNode progress = api.as("head").get("/api/v1/plans/" + id + "/progress").isJson(200).json();
            assertThat(progress.path("asOf").asString()).isEqualTo("2063-03-10");
            assertThat(progress.path("daysElapsed").asInt()).isEqualTo(10);
            assertThat(progress.path("days").asInt()).isEqualTo(31);

            // revenue 6 200 + 1 000 = 7 200 (72 % of 10 000); margin 2 200 + 100 = 2 300 (76.67 % of 3 000)
            JsonNode mine = row(progress, "MANAGER", manager1);
            assertAmount(mine.path("revenue"), "7200.00");
            assertAmount(mine.path("margin"), "2300.00");
            assertAmount(mine.path("revenuePercent"), "72.00");
            assertAmount(mine.path("marginPercent"), "76.67");
            // both bought in March; only A for the first time ever
            assertThat(mine.path("activeClients").asInt()).isEqualTo(2);
            assertThat(mine.path("newClients").asInt()).isEqualTo(1);
            assertAmount(mine.path("activeClientsPercent"), "100.00");
            // run rate 7 200 ÷ 10 × 31 = 22 320, open 500 + 100 = 600: 22 920, 229.20 % of 10 000
            assertAmount(mine.path("revenueForecast").path("runRate"), "22320.00");
            assertAmount(mine.path("revenueForecast").path("openOrders"), "600.00");
            assertAmount(mine.path("revenueForecast").path("total"), "22920.00");
            assertAmount(mine.path("revenueForecast").path("percent"), "229.20");
            // margin: 2 300 ÷ 10 × 31 = 7 130, open 200 + 0: 7 330, 244.33 % of 3 000
            assertAmount(mine.path("marginForecast").path("runRate"), "7130.00");
            assertAmount(mine.path("marginForecast").path("total"), "7330.00");
            assertAmount(mine.path("marginForecast").path("percent"), "244.33");

            JsonNode department = row(progress, "DEPARTMENT", null);
            assertAmount(department.path("revenuePercent"), "36.00");
            assertAmount(department.path("activeClientsPercent"), "50.00");
            assertAmount(department.path("newClientsPercent"), "50.00");
            assertAmount(department.path("revenueForecast").path("percent"), "114.60");
            assertAmount(row(progress, "GROUP", group).path("revenuePercent"), "90.00");
            assertThat(row(progress, "GROUP", world.group(1)).path("revenue").decimalValue()).isZero();

            JsonNode seenByManager = api.as("manager1").get("/api/v1/plans/" + id + "/progress").isJson(200).json();
            JsonNode own = row(seenByManager, "MANAGER", manager1);
            assertAmount(own.path("revenue"), "7200.00");
            assertThat(own.path("margin").isMissingNode() || own.path("margin").isNull()).isTrue();
            assertThat(own.path("marginForecast").isMissingNode() || own.path("marginForecast").isNull()).isTrue();
            assertThat(seenByManager.path("ranking")).hasSize(1);
            assertThat(seenByManager.path("ranking").get(0).path("position").asInt()).isEqualTo(1);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aPeriodWithoutSalesIsAtZeroAndItsForecastIsTheOpenOrders() {
        UUID c = world.company("manager2", "Без продаж");
        world.openOrder(c, world.group(0), LocalDate.of(2063, 5, 20), "DRAFT", "1234.56", "1000.00");
        String id = plan("2063-05", List.of(target("DEPARTMENT", null, 10_000, 1_000, 3, 1)));

        moveClockTo(LocalDate.of(2063, 5, 15));
        try {
            JsonNode department = row(api.as("director").get("/api/v1/plans/" + id + "/progress").isJson(200).json(),
                    "DEPARTMENT", null);
            assertAmount(department.path("revenue"), "0.00");
            assertAmount(department.path("revenuePercent"), "0.00");
            assertAmount(department.path("activeClientsPercent"), "0.00");
            assertAmount(department.path("revenueForecast").path("runRate"), "0.00");
            assertAmount(department.path("revenueForecast").path("total"), "1234.56");
            // 1 234.56 ÷ 10 000 = 12.3456 %
            assertAmount(department.path("revenueForecast").path("percent"), "12.35");
            assertAmount(department.path("marginForecast").path("total"), "234.56");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aQuarterAddsItsThreeMonthsAndAReturnMakesAMonthNegative() {
        UUID manager2 = world.user("manager2");
        UUID group = world.group(0);
        UUID c = world.company("manager2", "Квартальный");
        UUID d = world.company("manager2", "Вернувший");
        world.sale(c, group, "2063-07", "1000.00", "600.00");
        world.sale(c, group, "2063-08", "-300.00", "-180.00");
        world.sale(d, group, "2063-06", "200.00", "100.00");
        world.sale(d, group, "2063-09", "-50.00", "-20.00");
        String quarter = plan("2063-Q3", List.of(target("MANAGER", manager2, 1_300, 500, 2, 1)));
        String august = plan("2063-08", List.of(target("DEPARTMENT", null, 1_000, null, null, null)));

        moveClockTo(LocalDate.of(2063, 9, 15));
        try {
            JsonNode progress = api.as("head").get("/api/v1/plans/" + quarter + "/progress").isJson(200).json();
            // 31 (July) + 31 (August) + 15 of 92 days
            assertThat(progress.path("daysElapsed").asInt()).isEqualTo(77);
            assertThat(progress.path("days").asInt()).isEqualTo(92);
            JsonNode row = row(progress, "MANAGER", manager2);
            // 1 000 − 300 − 50 = 650, 50 % of 1 300; margin 400 − 120 − 30 = 250
            assertAmount(row.path("revenue"), "650.00");
            assertAmount(row.path("margin"), "250.00");
            assertAmount(row.path("revenuePercent"), "50.00");
            // C bought for 700 in the quarter, its first sales ever; D only returned (−50): not active
            assertThat(row.path("activeClients").asInt()).isEqualTo(1);
            assertThat(row.path("newClients").asInt()).isEqualTo(1);
            // 650 × 92 ÷ 77 = 776.623…; 776.62 ÷ 1 300 = 59.74 %; margin 250 × 92 ÷ 77 = 298.701…
            assertAmount(row.path("revenueForecast").path("runRate"), "776.62");
            assertAmount(row.path("revenueForecast").path("total"), "776.62");
            assertAmount(row.path("revenueForecast").path("percent"), "59.74");
            assertAmount(row.path("marginForecast").path("runRate"), "298.70");

            // August is over: all 31 days elapsed, only C's return of 300 in it
            JsonNode month = api.as("head").get("/api/v1/plans/" + august + "/progress").isJson(200).json();
            assertThat(month.path("daysElapsed").asInt()).isEqualTo(31);
            JsonNode department = row(month, "DEPARTMENT", null);
            assertAmount(department.path("revenue"), "-300.00");
            assertAmount(department.path("revenuePercent"), "-30.00");
            assertAmount(department.path("revenueForecast").path("total"), "-300.00");
            assertThat(department.path("activeClients").asInt()).isZero();
        } finally {
            clock.reset();
        }
    }

    @Test
    void theManagersAreRankedByRevenuePercentOfPlanAndEqualOnesByName() {
        UUID manager1 = world.user("manager1");
        UUID manager2 = world.user("manager2");
        UUID kam = world.user("kam");
        UUID group = world.group(0);
        world.sale(world.company("manager1", "Рейтинг-1"), group, "2063-11", "500.00", "100.00");
        world.sale(world.company("manager2", "Рейтинг-2"), group, "2063-11", "1000.00", "100.00");
        world.sale(world.company("kam", "Рейтинг-К"), group, "2063-11", "800.00", "100.00");
        // manager3 has no revenue target: not ranked
        String id = plan("2063-11", List.of(
                target("MANAGER", manager2, 2_000, null, null, null),
                target("MANAGER", manager1, 1_000, null, null, null),
                target("MANAGER", kam, 1_000, null, null, null),
                target("MANAGER", world.user("manager3"), null, null, 5, null)));

        JsonNode ranking = api.as("director").get("/api/v1/plans/" + id + "/progress").isJson(200).json()
                .path("ranking");
        // kam 800 of 1 000 = 80 %; Кузнецов (manager1) 500 of 1 000 and Смирнова (manager2) 1 000 of 2 000: 50 % each
        assertThat(ranking).hasSize(3);
        assertThat(ranking.get(0).path("managerId").asString()).isEqualTo(kam.toString());
        assertAmount(ranking.get(0).path("percent"), "80.00");
        assertThat(ranking.get(1).path("managerId").asString()).isEqualTo(manager1.toString());
        assertThat(ranking.get(1).path("name").asString()).startsWith("Кузнецов");
        assertThat(ranking.get(2).path("managerId").asString()).isEqualTo(manager2.toString());
        assertAmount(ranking.get(2).path("percent"), "50.00");
        assertThat(ranking.get(2).path("position").asInt()).isEqualTo(3);

        JsonNode seenByManager2 = api.as("manager2").get("/api/v1/plans/" + id + "/progress").isJson(200).json();
        assertThat(seenByManager2.path("ranking")).hasSize(1);
        assertThat(seenByManager2.path("ranking").get(0).path("position").asInt()).isEqualTo(3);
        assertThat(seenByManager2.path("rankedManagers").asInt()).isEqualTo(3);
    }
}
