package org.clientela.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

/** What a merge of two companies does to their credit: one limit stays, both histories are the survivor's. */
@IntegrationTest
class CreditMergeIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    CreditTestData data;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        data = new CreditTestData(api, jdbc);
    }

    @Test
    void aSurvivorWithoutALimitTakesTheDuplicatesWithItsHistory() {
        UUID survivor = data.company("manager1", "Выживший");
        UUID duplicate = data.company("manager1", "Дубль с лимитом");
        data.limit(duplicate, "100000", 14);
        data.limit(duplicate, "300000", 30);
        String duplicateName = name(duplicate);

        merge(survivor, duplicate);

        JsonNode credit = api.as("manager1").get(CreditTestData.credit(survivor)).isJson(200).json();
        assertThat(credit.path("limit").decimalValue()).isEqualByComparingTo("300000");
        assertThat(credit.path("paymentTermsDays").asInt()).isEqualTo(30);
        assertThat(credit.path("version").asLong()).isEqualTo(1);
        JsonNode history = history(survivor);
        assertThat(history.path("totalElements").asLong()).isEqualTo(2);
        assertThat(history.path("content").get(0).path("newLimit").decimalValue()).isEqualByComparingTo("300000");
        assertThat(history.path("content")).allSatisfy(change -> {
            assertThat(change.path("mergedFrom").path("id").asString()).isEqualTo(duplicate.toString());
            assertThat(change.path("mergedFrom").path("name").asString()).isEqualTo(duplicateName);
        });
        assertThat(jdbc.sql("select count(*) from credit_account where company_id = :id").param("id", duplicate)
                .query(Long.class).single()).isZero();
        // the survivor's audit history has the duplicate's account lines and its own taking over
        List<String> lines = new ArrayList<>();
        api.as("manager1").get("/api/v1/audit/CreditAccount/" + survivor).isJson(200).json().forEach(line -> lines.add(
                line.path("entityId").asString().equals(survivor.toString()) + " " + line.path("action").asString()
                        + " " + line.path("field").asString()));
        assertThat(lines).contains("false UPDATED creditLimit", "true UPDATED creditLimit", "true MERGED mergedFrom");
        // the survivor's limit is changed on its new version
        api.as("credit").put("/api/v1/companies/" + survivor + "/credit-limit", Map.of("amount", "350000",
                "paymentTermsDays", 30, "reason", "После объединения", "version", 1)).isJson(200);
    }

    @Test
    void aSurvivorKeepsItsOwnLimitAndGetsTheDuplicatesHistoryBesideItsOwn() {
        UUID survivor = data.company("manager1", "Со своим лимитом");
        UUID duplicate = data.company("manager1", "Дубль");
        data.limit(survivor, "500000", 45);
        data.limit(duplicate, "100000", 14);

        merge(survivor, duplicate);

        JsonNode credit = api.as("manager1").get(CreditTestData.credit(survivor)).isJson(200).json();
        assertThat(credit.path("limit").decimalValue()).isEqualByComparingTo("500000");
        assertThat(credit.path("paymentTermsDays").asInt()).isEqualTo(45);
        List<String> merged = new ArrayList<>();
        history(survivor).path("content").forEach(change -> merged.add(change.path("newLimit").decimalValue()
                .stripTrailingZeros().toPlainString() + " " + change.path("mergedFrom").path("id").asString()));
        assertThat(merged).containsExactlyInAnyOrder("500000 ", "100000 " + duplicate);
    }

    @Test
    void aMergeOfTwoCompaniesWithoutLimitsLeavesTheSurvivorWithout() {
        UUID survivor = data.company("manager1", "Без лимита");
        UUID duplicate = data.company("manager1", "Дубль без лимита");

        merge(survivor, duplicate);

        assertThat(api.as("manager1").get(CreditTestData.credit(survivor)).isJson(200).json().path("limit")
                .isMissingNode()).isTrue();
        assertThat(history(survivor).path("totalElements").asLong()).isZero();
    }

    private void merge(UUID survivor, UUID duplicate) {
        api.as("head").post("/api/v1/companies/" + survivor + "/merge", Map.of("duplicateId", duplicate,
                "survivorVersion", 0, "duplicateVersion", 0)).isJson(200);
    }

    private JsonNode history(UUID company) {
        return api.as("manager1").get(CreditTestData.credit(company) + "/history").isJson(200).json();
    }

    private String name(UUID company) {
        return jdbc.sql("select name from company_ref where id = :id").param("id", company).query(String.class)
                .single();
    }
}
