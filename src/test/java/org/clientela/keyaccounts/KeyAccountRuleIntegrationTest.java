package org.clientela.keyaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.clientela.keyaccounts.SalesFacts.Company;
import org.clientela.salesfacts.internal.SalesFactTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The key-account rule (class A by revenue in each of the last two whole quarters) on sales facts
 * of 2045–2046, which no other test uses, evaluated on demand with the clock moved to 2046.
 * <pre>
 * revenue        2045-Q3   2045-Q4   2046-Q1
 * T              1 000     1 000     1 000
 * L              1 000     1 000     1
 * U              1 000     1 000     1 000     (unmarked by decision before the first run)
 * O              —         1         1 000
 * D              —         —         —         (marked by decision)
 * </pre>
 * With at most three clients of 1 000 in a quarter, each has at most 2 000 / 3 001 ≈ 66.6 % before
 * it: class A (below 80 %); a client of 1 is C. On 15 Feb 2046 the quarters are 2045-Q3 and Q4:
 * T and L are marked, U stays unmarked. On 15 May 2046 they are 2045-Q4 and 2046-Q1: T stays, L
 * loses the rule's flag, O (A only in 2046-Q1) is not marked, D keeps the decision's flag.
 */
@IntegrationTest
class KeyAccountRuleIntegrationTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SalesFactTable salesFactTable;

    @Autowired
    TestClock clock;

    @Test
    void marksClassATwiceRunningKeepsDecisionsAndTakesBackItsOwnFlag() {
        ApiClient api = new ApiClient(port);
        SalesFacts facts = new SalesFacts(api, jdbc, salesFactTable);
        Company t = facts.company("manager1", "Тэ");
        Company l = facts.company("manager1", "Эл");
        Company u = facts.company("manager2", "Ю");
        Company o = facts.company("manager1", "О");
        Company d = facts.company("manager1", "Дэ");
        for (Company company : List.of(t, l, u)) {
            facts.sale(company, "2045-08", "1000.00", "600.00");
            facts.sale(company, "2045-11", "1000.00", "600.00");
        }
        facts.sale(t, "2046-02", "1000.00", "600.00");
        facts.sale(u, "2046-03", "1000.00", "600.00");
        facts.sale(l, "2046-01", "1.00", "0.60");
        facts.sale(o, "2045-12", "1.00", "0.60");
        facts.sale(o, "2046-01", "1000.00", "600.00");

        decide(api, u, false, "Клиент просил не считать его ключевым", 0);
        decide(api, d, true, "Стратегический партнёр", 0);
        try {
            moveTo(LocalDate.of(2046, 2, 15));
            JsonNode first = api.as("head").post("/api/v1/key-accounts/evaluate", Map.of()).isJson(200).json();
            assertThat(first.get("from").asString()).isEqualTo("2045-07");
            assertThat(first.get("to").asString()).isEqualTo("2045-12");

            assertKey(api, t, true, "RULE");
            assertThat(state(api, t).get("reason").asString())
                    .isEqualTo("По правилу: класс A по выручке в кварталах 2045-Q3 и 2045-Q4");
            assertKey(api, l, true, "RULE");
            assertKey(api, u, false, "DECISION");
            assertThat(state(api, u).get("ruleBlocked").asBoolean()).isTrue();
            assertKey(api, o, false, null);
            assertKey(api, d, true, "DECISION");

            moveTo(LocalDate.of(2046, 5, 15));
            api.as("director").post("/api/v1/key-accounts/evaluate", Map.of()).isJson(200);

            assertKey(api, t, true, "RULE");
            assertKey(api, l, false, "RULE");
            assertThat(state(api, l).get("reason").asString())
                    .isEqualTo("По правилу: нет класса A по выручке в обоих кварталах 2045-Q4 и 2046-Q1");
            assertKey(api, u, false, "DECISION");
            assertKey(api, o, false, null);
            assertKey(api, d, true, "DECISION");

            // a person marks U again: the rule may now keep it, and never takes a decision's flag back
            decide(api, u, true, "Вернули в ключевые", state(api, u).get("version").asLong());
            api.as("admin").post("/api/v1/key-accounts/evaluate", Map.of()).isJson(200);
            assertKey(api, u, true, "DECISION");
            // a second run on the same facts changes nothing
            long version = state(api, t).get("version").asLong();
            api.as("head").post("/api/v1/key-accounts/evaluate", Map.of()).isJson(200);
            assertThat(state(api, t).get("version").asLong()).isEqualTo(version);
        } finally {
            clock.reset();
        }

        List<String> audited = jdbc.sql("""
                        select new_value from audit_log
                        where entity_type = 'KeyAccount' and entity_id = :id and field = 'reason' order by id""")
                .param("id", l.id().toString()).query(String.class).list();
        assertThat(audited).containsExactly("По правилу: класс A по выручке в кварталах 2045-Q3 и 2045-Q4",
                "По правилу: нет класса A по выручке в обоих кварталах 2045-Q4 и 2046-Q1");
    }

    @Test
    void onlyAHeadTheDirectorOrTheAdministratorEvaluatesTheRule() {
        ApiClient api = new ApiClient(port);
        api.as("manager1").post("/api/v1/key-accounts/evaluate", Map.of()).isProblem(403);
        api.as("kam").post("/api/v1/key-accounts/evaluate", Map.of()).isProblem(403);
        api.as("credit").post("/api/v1/key-accounts/evaluate", Map.of()).isProblem(403);
    }

    private void moveTo(LocalDate day) {
        clock.reset();
        clock.moveForward(Duration.between(Instant.now(), day.atTime(12, 0).atZone(MOSCOW).toInstant()));
    }

    private static void decide(ApiClient api, Company company, boolean key, String reason, long version) {
        api.as("head").put("/api/v1/companies/" + company.id() + "/key-account",
                Map.of("key", key, "reason", reason, "version", version)).isJson(200);
    }

    private static JsonNode state(ApiClient api, Company company) {
        return api.as("director").get("/api/v1/companies/" + company.id() + "/key-account").isJson(200).json();
    }

    private static void assertKey(ApiClient api, Company company, boolean key, String basis) {
        JsonNode state = state(api, company);
        assertThat(state.get("key").asBoolean()).as(company.name()).isEqualTo(key);
        JsonNode made = state.get("basis");
        assertThat(made == null || made.isNull() ? null : made.asString()).as(company.name())
                .isEqualTo(basis);
    }
}
