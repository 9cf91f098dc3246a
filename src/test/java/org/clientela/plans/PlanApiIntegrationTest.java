package org.clientela.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The plans' API (T1): who may do what, approval and reopening, versions, bad input. Periods of 2062. */
@IntegrationTest
class PlanApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private PlanWorld world;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        world = new PlanWorld(api, jdbc);
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

    private static Map<String, Object> body(long version, List<Map<String, Object>> targets) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("targets", targets);
        return body;
    }

    private static JsonNode row(JsonNode plan, String scope, UUID scopeId) {
        for (JsonNode row : plan.path("targets")) {
            if (row.path("scope").asString().equals(scope)
                    && (scopeId == null || row.path("scopeId").asString().equals(scopeId.toString()))) {
                return row;
            }
        }
        return null;
    }

    /** Absent: the API leaves out empty fields. */
    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static List<String> scopes(JsonNode plan) {
        List<String> scopes = new ArrayList<>();
        plan.path("targets").forEach(row -> scopes.add(row.path("scope").asString()));
        return scopes;
    }

    @Test
    void theHeadDraftsAPlanForAPeriodAndASecondOneForItIsRefused() {
        ApiClient.Response created = api.as("head").post("/api/v1/plans", Map.of("period", "2062-01")).isJson(201);
        JsonNode plan = created.json();
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(plan.path("period").asString()).isEqualTo("2062-01");
        assertThat(plan.path("status").asString()).isEqualTo("DRAFT");
        assertThat(plan.path("firstDay").asString()).isEqualTo("2062-01-01");
        assertThat(plan.path("lastDay").asString()).isEqualTo("2062-01-31");
        // the department first, then the managers (those of both teams and the key account manager), then the groups
        assertThat(scopes(plan).get(0)).isEqualTo("DEPARTMENT");
        for (String manager : List.of("manager1", "manager2", "manager3", "kam")) {
            assertThat(row(plan, "MANAGER", world.user(manager))).as(manager).isNotNull();
        }
        assertThat(row(plan, "MANAGER", world.user("head"))).isNull();
        assertThat(row(plan, "GROUP", world.group(0))).isNotNull();
        assertThat(scopes(plan)).doesNotContain("COMPANY");

        ApiClient.Response twice = api.as("director").post("/api/v1/plans", Map.of("period", "2062-01")).isProblem(409);
        assertThat(twice.detail()).contains("2062-01").contains(plan.path("id").asString());
        api.as("head").post("/api/v1/plans", Map.of("period", "2062-Q1")).isJson(201);
        assertThat(api.as("head").post("/api/v1/plans", Map.of("period", "2062-13")).isProblem(400).errorFields())
                .containsExactly("period");
        assertThat(api.as("head").post("/api/v1/plans", Map.of()).isProblem(400).errorFields())
                .containsExactly("period");
        api.as("manager1").post("/api/v1/plans", Map.of("period", "2062-02")).isProblem(403);
        api.as("kam").post("/api/v1/plans", Map.of("period", "2062-02")).isProblem(403);
        assertThat(api.as("manager1").get("/api/v1/plans").isJson(200).body()).contains("2062-01", "2062-Q1");
        api.as("credit").get("/api/v1/plans").isProblem(403);
    }

    @Test
    void targetsAreSetAllOrNoneAndEachProblemIsAtItsField() {
        String id = api.as("head").post("/api/v1/plans", Map.of("period", "2062-03")).isJson(201).id();
        UUID manager1 = world.user("manager1");
        UUID manager2 = world.user("manager2");
        UUID group = world.group(0);
        UUID company = world.company("manager2", "Ключевой");

        JsonNode saved = api.as("head").put("/api/v1/plans/" + id + "/targets", body(0, List.of(
                        target("DEPARTMENT", null, 1_000_000, 250_000, 40, 5),
                        target("MANAGER", manager1, "600000.50", 150_000, 25, 3),
                        target("MANAGER", manager2, 300_000, null, null, 1),
                        target("GROUP", group, 200_000, 50_000, null, null),
                        target("COMPANY", company, 120_000, 30_000, 1, null))))
                .isJson(200).json();
        assertThat(saved.path("version").asLong()).isEqualTo(1);
        assertThat(row(saved, "DEPARTMENT", null).path("revenue").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(row(saved, "MANAGER", manager1).path("revenue").decimalValue()).isEqualByComparingTo("600000.50");
        assertThat(absent(row(saved, "MANAGER", manager2).path("margin"))).isTrue();
        assertThat(row(saved, "COMPANY", company).path("activeClients").asInt()).isEqualTo(1);

        ApiClient.Response bad = api.as("head").put("/api/v1/plans/" + id + "/targets", body(1, List.of(
                        target("DEPARTMENT", null, -1, null, null, null),
                        target("MANAGER", manager1, 700_000, null, "12.5", null),
                        target("MANAGER", world.user("head"), 1, null, null, null),
                        target("GROUP", UUID.randomUUID(), 1, null, null, null),
                        target("COMPANY", company, "10.001", null, null, null),
                        target("REGION", null, 1, null, null, null),
                        target("MANAGER", manager1, 1, null, null, null))))
                .isProblem(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("targets[0].revenue", "targets[1].activeClients",
                "targets[2].scopeId", "targets[3].scopeId", "targets[4].revenue", "targets[5].scope",
                "targets[6].scopeId");
        JsonNode unchanged = api.as("head").get("/api/v1/plans/" + id).isJson(200).json();
        assertThat(unchanged.path("version").asLong()).isEqualTo(1);
        assertThat(row(unchanged, "MANAGER", manager1).path("revenue").decimalValue()).isEqualByComparingTo("600000.50");
        assertThat(row(unchanged, "DEPARTMENT", null).path("revenue").decimalValue()).isEqualByComparingTo("1000000");

        api.as("head").put("/api/v1/plans/" + id + "/targets", body(0, List.of(
                target("DEPARTMENT", null, 5, null, null, null)))).isProblem(409);
        api.as("head").put("/api/v1/plans/" + id + "/targets", Map.of("targets", List.of())).isProblem(428);
        api.as("head").header("If-Match", "\"1\"").put("/api/v1/plans/" + id + "/targets",
                Map.of("targets", List.of(target("DEPARTMENT", null, 900_000, 250_000, 40, 5)))).isJson(200);
        api.as("manager1").put("/api/v1/plans/" + id + "/targets", body(2, List.of())).isProblem(403);
        api.as("head").put("/api/v1/plans/" + UUID.randomUUID() + "/targets", body(0, List.of())).isProblem(404);

        assertThat(jdbc.sql("""
                        select count(*) from audit_log where entity_type = 'SalesPlan' and entity_id = :id
                        and field = :field""")
                .param("id", id).param("field", "MANAGER:" + manager1 + ".revenue").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aManagerSeesTheDepartmentsRowTheirOwnAndTheirKeyAccountsWithoutMargins() {
        String id = api.as("head").post("/api/v1/plans", Map.of("period", "2062-04")).isJson(201).id();
        UUID manager1 = world.user("manager1");
        UUID manager2 = world.user("manager2");
        UUID own = world.company("manager1", "Свой");
        UUID others = world.company("manager2", "Чужой");
        api.as("head").put("/api/v1/plans/" + id + "/targets", body(0, List.of(
                target("DEPARTMENT", null, 1000, 300, null, null),
                target("MANAGER", manager1, 600, 200, null, null),
                target("MANAGER", manager2, 400, 100, null, null),
                target("COMPANY", own, 100, 10, null, null),
                target("COMPANY", others, 100, 10, null, null)))).isJson(200);

        JsonNode seen = api.as("manager1").get("/api/v1/plans/" + id).isJson(200).json();
        assertThat(row(seen, "DEPARTMENT", null).path("revenue").decimalValue()).isEqualByComparingTo("1000");
        assertThat(absent(row(seen, "DEPARTMENT", null).path("margin"))).isTrue();
        assertThat(row(seen, "MANAGER", manager1).path("revenue").decimalValue()).isEqualByComparingTo("600");
        assertThat(row(seen, "MANAGER", manager2)).isNull();
        assertThat(row(seen, "COMPANY", own)).isNotNull();
        assertThat(row(seen, "COMPANY", others)).isNull();
        assertThat(row(seen, "GROUP", world.group(0))).isNotNull();
        assertThat(api.as("manager1").get("/api/v1/plans/" + id + "/progress").isJson(200).body())
                .doesNotContain(manager2.toString());

        assertThat(row(api.as("director").get("/api/v1/plans/" + id).isJson(200).json(), "MANAGER", manager2))
                .isNotNull();
        api.as("credit").get("/api/v1/plans/" + id).isProblem(403);
        api.as("manager1").get("/api/v1/plans/" + UUID.randomUUID()).isProblem(404);
    }

    @Test
    void anApprovedPlanIsFixedUntilTheHeadReopensItWithAReason() {
        JsonNode created = api.as("head").post("/api/v1/plans", Map.of("period", "2062-05")).isJson(201).json();
        String id = created.path("id").asString();
        api.as("manager1").post("/api/v1/plans/" + id + "/approve", Map.of("version", 0)).isProblem(403);
        api.as("admin").post("/api/v1/plans/" + id + "/approve", Map.of("version", 0)).isProblem(403);
        api.as("head").post("/api/v1/plans/" + id + "/approve", Map.of("version", 7)).isProblem(409);

        JsonNode approved = api.as("head").post("/api/v1/plans/" + id + "/approve", Map.of("version", 0))
                .isJson(200).json();
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("approvedBy").asString()).isNotBlank();
        assertThat(approved.path("approvedAt").asString()).startsWith("20");
        assertThat(approved.path("version").asLong()).isEqualTo(1);

        ApiClient.Response refused = api.as("head").put("/api/v1/plans/" + id + "/targets", body(1, List.of(
                target("DEPARTMENT", null, 1, null, null, null)))).isProblem(409);
        assertThat(refused.detail()).contains("2062-05");
        api.as("director").post("/api/v1/plans/" + id + "/approve", Map.of("version", 1)).isProblem(409);

        assertThat(api.as("director").post("/api/v1/plans/" + id + "/reopen", Map.of("version", 1, "reason", " "))
                .isProblem(400).errorFields()).containsExactly("reason");
        api.as("manager1").post("/api/v1/plans/" + id + "/reopen", Map.of("version", 1, "reason", "ошибка"))
                .isProblem(403);
        JsonNode reopened = api.as("director").post("/api/v1/plans/" + id + "/reopen",
                Map.of("version", 1, "reason", "Новый крупный заказ")).isJson(200).json();
        assertThat(reopened.path("status").asString()).isEqualTo("DRAFT");
        assertThat(absent(reopened.path("approvedBy"))).isTrue();
        api.as("head").put("/api/v1/plans/" + id + "/targets", body(2, List.of(
                target("DEPARTMENT", null, 1, null, null, null)))).isJson(200);
        api.as("head").post("/api/v1/plans/" + id + "/reopen", Map.of("version", 3, "reason", "снова"))
                .isProblem(409);

        assertThat(jdbc.sql("""
                        select new_value from audit_log where entity_type = 'SalesPlan' and entity_id = :id
                        and field in ('status', 'reopenReason') order by id""")
                .param("id", id).query(String.class).list())
                .containsExactly("DRAFT", "APPROVED", "DRAFT", "Новый крупный заказ");
    }
}
