package org.clientela.keyaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.clientela.keyaccounts.SalesFacts.Company;
import org.clientela.salesfacts.internal.SalesFactTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Account plans (K3) through the API: execution from the sales facts on known figures, who may do
 * what, the key-account rule, versions, approval and reopening, overdue actions. The execution test
 * keeps its facts in 2053, which no other test uses.
 */
@IntegrationTest
class AccountPlanApiIntegrationTest {

    private static final String PLANS = "/api/v1/account-plans";
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SalesFactTable salesFactTable;

    @Autowired
    TestClock clock;

    private ApiClient api;
    private SalesFacts facts;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        facts = new SalesFacts(api, jdbc, salesFactTable);
    }

    /**
     * Goal 1 200 000 ₽ revenue and 240 000 ₽ margin for 2053; sales of 100 000 ₽ (cost 80 000 ₽) in
     * each of January, February and March, and 500 000 ₽ in December 2052, which is another year.
     * On 31 March 2053 three months of twelve are gone: 25 %. Revenue 300 000 ₽ = 25 % of the goal,
     * margin 3 × 20 000 = 60 000 ₽ = 25 % of its goal: on track.
     */
    @Test
    void executionIsTheYearsSalesSoFarAgainstTheGoalsAndTheYearGoneBy() {
        Company company = keyAccount("manager1", "Исполнение плана");
        facts.sale(company, "2052-12", "500000", "0");
        facts.sale(company, "2053-01", "100000", "80000");
        facts.sale(company, "2053-02", "100000", "80000");
        facts.sale(company, "2053-03", "100000", "80000");

        api.as("kam").post(PLANS, Map.of("companyId", company.id(), "year", 2053, "revenueGoal", 1200000,
                "marginGoal", 240000)).isProblem(403);
        JsonNode created = api.as("kam").post(PLANS, Map.of("companyId", company.id(), "year", 2053,
                "revenueGoal", 1200000, "assortmentGoal", "Стеклопакеты с мультифункциональным стеклом")).isJson(201)
                .json();
        String plan = created.path("id").asString();
        assertThat(created.path("status").asString()).isEqualTo("DRAFT");
        assertThat(created.path("kam").path("fullName").asString()).isEqualTo("Лебедева Мария Владимировна");
        assertThat(created.has("marginGoal")).as("the KAM sees no margin").isFalse();
        api.as("head").patch(PLANS + "/" + plan, Map.of("marginGoal", 240000, "version", 0)).isJson(200);

        try {
            moveTo(LocalDate.of(2053, 3, 31));
            JsonNode execution = api.as("head").get(PLANS + "/" + plan).isJson(200).json().path("execution");
            assertThat(execution.path("asOf").asString()).isEqualTo("2053-03-31");
            assertThat(execution.path("elapsedPercent").decimalValue()).isEqualByComparingTo("25.0");
            assertThat(execution.path("revenue").decimalValue()).isEqualByComparingTo("300000.00");
            assertThat(execution.path("revenuePercent").decimalValue()).isEqualByComparingTo("25.0");
            assertThat(execution.path("revenueOnTrack").asBoolean()).isTrue();
            assertThat(execution.path("margin").decimalValue()).isEqualByComparingTo("60000.00");
            assertThat(execution.path("marginPercent").decimalValue()).isEqualByComparingTo("25.0");

            JsonNode asKam = api.as("kam").get(PLANS + "/" + plan).isJson(200).json();
            assertThat(asKam.path("execution").has("margin")).isFalse();
            assertThat(asKam.has("marginGoal")).isFalse();
            // the KAM's change of the goals leaves the margin goal the KAM cannot see as it was
            api.as("kam").patch(PLANS + "/" + plan, Map.of("revenueGoal", "1 500 000", "version", 1)).isJson(200);
            JsonNode changed = api.as("head").get(PLANS + "/" + plan).isJson(200).json();
            assertThat(changed.path("revenueGoal").decimalValue()).isEqualByComparingTo("1500000.00");
            assertThat(changed.path("marginGoal").decimalValue()).isEqualByComparingTo("240000.00");
            // 300 000 of 1 500 000 = 20 %, behind the 25 % of the year
            assertThat(changed.path("execution").path("revenuePercent").decimalValue()).isEqualByComparingTo("20.0");
            assertThat(changed.path("execution").path("revenueOnTrack").asBoolean()).isFalse();

            JsonNode row = api.as("head").get(PLANS + "?year=2053&kamId=" + userId("kam")).isJson(200).json()
                    .path("content").valueStream().filter(r -> r.path("id").asString().equals(plan)).findFirst()
                    .orElseThrow();
            assertThat(row.path("revenue").decimalValue()).isEqualByComparingTo("300000.00");
            assertThat(row.path("revenuePercent").decimalValue()).isEqualByComparingTo("20.0");
            assertThat(row.path("elapsedPercent").decimalValue()).isEqualByComparingTo("25.0");
            assertThat(row.path("company").path("name").asString()).isEqualTo(company.name());

            // mid-April: 3 months and 15 of 30 days gone = 3.5 / 12 = 29.2 %
            moveTo(LocalDate.of(2053, 4, 15));
            assertThat(api.as("head").get(PLANS + "/" + plan).json().path("execution").path("elapsedPercent")
                    .decimalValue()).isEqualByComparingTo("29.2");
        } finally {
            clock.reset();
        }
    }

    @Test
    void theKamAndTheOwnerDraftTheHeadApprovesAndOthersAreRefused() {
        Company company = keyAccount("manager1", "Права плана");
        String plan = api.as("manager1").post(PLANS, Map.of("companyId", company.id(), "year", 2054,
                "revenueGoal", 1000000)).isJson(201).id();

        // someone who may not see the company: 404, exactly as for no plan at all
        api.as("manager3").get(PLANS + "/" + plan).isProblem(404);
        api.as("manager3").patch(PLANS + "/" + plan, Map.of("revenueGoal", 1, "version", 0)).isProblem(404);
        api.as("manager2").get(PLANS + "/" + plan).isProblem(404);
        api.as("manager3").post(PLANS, Map.of("companyId", company.id(), "year", 2055)).isProblem(404);
        api.as("manager1").get(PLANS + "/" + UUID.randomUUID()).isProblem(404);
        assertThat(api.as("manager3").get(PLANS + "?year=2054").json().path("content").findValuesAsString("id"))
                .doesNotContain(plan);

        api.as("kam").patch(PLANS + "/" + plan, Map.of("shareOfWalletGoal", 40, "shareOfWalletNow", "25,5",
                "version", 0)).isJson(200);
        api.as("manager1").patch(PLANS + "/" + plan, Map.of("assortmentGoal", "Триплекс", "version", 1)).isJson(200);
        api.as("manager1").patch(PLANS + "/" + plan, Map.of("assortmentGoal", "Триплекс")).isProblem(428);
        api.as("manager1").patch(PLANS + "/" + plan, Map.of("assortmentGoal", "Закалка", "version", 1)).isProblem(409);
        assertThat(api.as("manager1").patch(PLANS + "/" + plan, Map.of("revenueGoal", -5, "shareOfWalletGoal", 120,
                "assortmentGroupIds", List.of(UUID.randomUUID()), "version", 2)).isProblem(400).errorFields())
                .containsExactlyInAnyOrder("revenueGoal", "shareOfWalletGoal", "assortmentGroupIds");
        api.as("credit").patch(PLANS + "/" + plan, Map.of("revenueGoal", 1, "version", 2)).isProblem(403);

        String action = api.as("kam").post(PLANS + "/" + plan + "/actions", Map.of("title", "Презентация триплекса",
                "ownerId", userId("kam"), "deadline", "2054-03-01")).isJson(201).id();
        assertThat(api.as("kam").post(PLANS + "/" + plan + "/actions", Map.of("title", " ", "ownerId",
                UUID.randomUUID())).isProblem(400).errorFields()).containsExactlyInAnyOrder("title", "ownerId", "deadline");

        api.as("manager1").post(PLANS + "/" + plan + "/approve", Map.of("version", 3)).isProblem(403);
        api.as("kam").post(PLANS + "/" + plan + "/approve", Map.of("version", 3)).isProblem(403);
        api.as("head").post(PLANS + "/" + plan + "/approve", Map.of("version", 2)).isProblem(409);
        JsonNode approved = api.as("head").post(PLANS + "/" + plan + "/approve", Map.of("version", 3)).isJson(200).json();
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("approvedBy").asString()).isNotBlank();
        assertThat(approved.path("shareOfWalletNow").decimalValue()).isEqualByComparingTo("25.50");

        // approved: goals and new actions wait for a reopening, the actions' execution goes on
        api.as("kam").patch(PLANS + "/" + plan, Map.of("revenueGoal", 2000000, "version", 4)).isProblem(409);
        api.as("kam").post(PLANS + "/" + plan + "/actions", Map.of("title", "Ещё", "ownerId", userId("kam"),
                "deadline", "2054-04-01")).isProblem(409);
        api.as("kam").patch(PLANS + "/" + plan + "/actions/" + action, Map.of("deadline", "2054-05-01",
                "version", 0)).isProblem(409);
        JsonNode progressing = api.as("manager1").patch(PLANS + "/" + plan + "/actions/" + action,
                Map.of("status", "IN_PROGRESS", "note", "Согласовали дату", "version", 0)).isJson(200).json();
        assertThat(progressing.path("status").asString()).isEqualTo("IN_PROGRESS");
        api.as("manager1").patch(PLANS + "/" + plan + "/actions/" + action, Map.of("status", "LATER", "version", 1))
                .isProblem(400);

        assertThat(api.as("head").post(PLANS + "/" + plan + "/reopen", Map.of("version", 4)).isProblem(400)
                .errorFields()).containsExactly("reason");
        api.as("manager1").post(PLANS + "/" + plan + "/reopen", Map.of("version", 4, "reason", "x")).isProblem(403);
        JsonNode reopened = api.as("director").post(PLANS + "/" + plan + "/reopen", Map.of("version", 4,
                "reason", "Клиент просит добавить мероприятие")).isJson(200).json();
        assertThat(reopened.path("status").asString()).isEqualTo("DRAFT");
        api.as("head").post(PLANS + "/" + plan + "/reopen", Map.of("version", 5, "reason", "ещё раз")).isProblem(409);

        // quarterly reviews: the head, the director and the KAM
        api.as("manager1").put(PLANS + "/" + plan + "/reviews/1", Map.of("comment", "Хорошо", "version", 0))
                .isProblem(403);
        JsonNode review = api.as("kam").put(PLANS + "/" + plan + "/reviews/1", Map.of("comment", "Объём по плану",
                "version", 0)).isJson(200).json();
        assertThat(review.path("version").asLong()).isEqualTo(1);
        api.as("head").put(PLANS + "/" + plan + "/reviews/1", Map.of("comment", "Другое", "version", 0)).isProblem(409);
        api.as("head").put(PLANS + "/" + plan + "/reviews/1", Map.of("comment", "Объём по плану, договор затянули",
                "version", 1)).isJson(200);
        api.as("head").put(PLANS + "/" + plan + "/reviews/5", Map.of("comment", "x", "version", 0)).isProblem(400);
        JsonNode reviews = api.as("manager1").get(PLANS + "/" + plan).json().path("reviews");
        assertThat(reviews).hasSize(1);
        assertThat(reviews.get(0).path("comment").asString()).isEqualTo("Объём по плану, договор затянули");

        List<String> history = api.as("manager1").get("/api/v1/audit/AccountPlan/" + plan).isJson(200).json()
                .findValuesAsString("newValue");
        assertThat(history).contains("APPROVED", "Клиент просит добавить мероприятие", "Объём по плану",
                "Объём по плану, договор затянули");
        assertThat(api.as("kam").get("/api/v1/audit/AccountPlanAction/" + action).isJson(200).json()
                .findValuesAsString("newValue")).contains("IN_PROGRESS", "Согласовали дату");
        api.as("manager3").get("/api/v1/audit/AccountPlan/" + plan).isProblem(404);
    }

    @Test
    void aPlanIsForAKeyAccountAndOnePerYear() {
        Company plain = facts.company("manager1", "Не ключевой");
        String refusal = api.as("manager1").post(PLANS, Map.of("companyId", plain.id(), "year", 2054)).isProblem(409)
                .detail();
        assertThat(refusal).contains(plain.name(), "не ключевой клиент");

        Company key = keyAccount("manager1", "Один план в год");
        assertThat(api.as("manager1").post(PLANS, Map.of("companyId", key.id(), "year", 1999)).isProblem(400)
                .errorFields()).containsExactly("year");
        api.as("manager1").post(PLANS, Map.of("companyId", key.id(), "year", 2054)).isJson(201);
        assertThat(api.as("kam").post(PLANS, Map.of("companyId", key.id(), "year", 2054)).isProblem(409).detail())
                .contains("уже есть план сотрудничества на 2054 год");
        api.as("manager1").post(PLANS, Map.of("companyId", key.id(), "year", 2055)).isJson(201);
    }

    @Test
    void anActionPastItsDeadlineAndNotDoneIsOverdue() {
        Company company = keyAccount("manager1", "Просроченное мероприятие");
        LocalDate today = LocalDate.now(clock.withZone(MOSCOW));
        String plan = api.as("kam").post(PLANS, Map.of("companyId", company.id(), "year", today.getYear(),
                "revenueGoal", 1000000)).isJson(201).id();
        String late = api.as("kam").post(PLANS + "/" + plan + "/actions", Map.of("title", "Согласовать договор",
                "ownerId", userId("kam"), "deadline", today.plusDays(10).toString())).isJson(201).id();
        String dropped = api.as("kam").post(PLANS + "/" + plan + "/actions", Map.of("title", "Выставка",
                "ownerId", userId("manager1"), "deadline", today.plusDays(5).toString())).isJson(201).id();
        api.as("kam").patch(PLANS + "/" + plan + "/actions/" + dropped, Map.of("status", "DROPPED", "version", 0))
                .isJson(200);
        assertThat(api.as("kam").get(PLANS + "/" + plan).json().path("overdueActions").asLong()).isZero();

        try {
            clock.moveForward(Duration.ofDays(11));
            JsonNode moved = api.as("kam").get(PLANS + "/" + plan).isJson(200).json();
            assertThat(moved.path("overdueActions").asLong()).isEqualTo(1);
            assertThat(action(moved, late).path("overdue").asBoolean()).isTrue();
            assertThat(action(moved, dropped).path("overdue").asBoolean()).as("dropped is not overdue").isFalse();
            assertThat(overdueInList(plan, today.getYear())).isEqualTo(1);

            JsonNode done = api.as("kam").patch(PLANS + "/" + plan + "/actions/" + late, Map.of("status", "DONE",
                    "version", 0)).isJson(200).json();
            assertThat(done.path("overdue").asBoolean()).isFalse();
            assertThat(done.path("doneOn").asString()).isEqualTo(today.plusDays(11).toString());
            assertThat(overdueInList(plan, today.getYear())).isZero();

            // back from done, the day it was done is forgotten and it is overdue again
            HashMap<String, Object> reopen = new HashMap<>(Map.of("status", "IN_PROGRESS", "version", 1));
            reopen.put("note", null);
            JsonNode again = api.as("kam").patch(PLANS + "/" + plan + "/actions/" + late, reopen).isJson(200).json();
            assertThat(again.has("doneOn")).isFalse();
            assertThat(again.path("overdue").asBoolean()).isTrue();
        } finally {
            clock.reset();
        }
    }

    private long overdueInList(String plan, int year) {
        return api.as("kam").get(PLANS + "?year=" + year).isJson(200).json().path("content").valueStream()
                .filter(row -> row.path("id").asString().equals(plan)).findFirst().orElseThrow()
                .path("overdueActions").asLong();
    }

    private static JsonNode action(JsonNode plan, String id) {
        return plan.path("actions").valueStream().filter(action -> action.path("id").asString().equals(id))
                .findFirst().orElseThrow();
    }

    /** A new client of {@code owner} that the head marked key, with the demo KAM. */
    private Company keyAccount(String owner, String name) {
        Company company = facts.company(owner, name);
        api.as("head").put("/api/v1/companies/" + company.id() + "/key-account", Map.of("key", true,
                "reason", "Стратегический клиент", "kamId", userId("kam"), "version", 0)).isJson(200);
        return company;
    }

    private String userId(String username) {
        return jdbc.sql("select id::text from app_user where username = :username").param("username", username)
                .query(String.class).single();
    }

    private void moveTo(LocalDate day) {
        clock.reset();
        clock.moveForward(Duration.between(Instant.now(), day.atTime(12, 0).atZone(MOSCOW).toInstant()));
    }
}
