package org.clientela.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * The credit list's numbers on a few companies of known debt: exposure added up in SQL for every
 * company exactly as for one, utilisation, the filters, the order, the scope.
 */
@IntegrationTest
class CreditListIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    ApiClient api;
    CreditTestData data;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        data = new CreditTestData(api, jdbc);
        today = LocalDate.now(clock);
    }

    @Test
    void theListShowsLimitExposureAndUtilisationAndFiltersByThem() {
        // over: 150 000 owed on 100 000, 150 %; near: 95 000 − 5 000 paid = 90 000 on 100 000, 90 %;
        // fine: 50 000 owed less an advance of 20 000 = 30 000 on 100 000, 30 %; none: 7 000 owed, no limit
        UUID over = data.company("manager1", "Сверх");
        UUID near = data.company("manager1", "У лимита");
        UUID fine = data.company("manager1", "В пределах");
        UUID none = data.company("manager1", "Без лимита");
        UUID others = data.company("manager2", "Чужой сверх");
        for (UUID company : List.of(over, near, fine, others)) {
            data.limit(company, "100000", 30);
        }
        data.invoice(over, "150000.00", today.minusDays(5), today.plusDays(25));
        data.invoice(near, "95000.00", today.minusDays(5), today.plusDays(25)).paid("5000.00", today);
        data.invoice(fine, "50000.00", today.minusDays(5), today.plusDays(25));
        data.advancePayment(fine, "20000.00", today);
        data.invoice(none, "7000.00", today.minusDays(40), today.minusDays(10));
        data.invoice(others, "300000.00", today.minusDays(5), today.plusDays(25));

        Map<UUID, JsonNode> all = rows("manager1", "ALL");
        assertThat(all).doesNotContainKey(others);
        assertThat(all.get(over).path("exposure").decimalValue()).isEqualByComparingTo("150000");
        assertThat(all.get(over).path("utilisation").decimalValue()).isEqualByComparingTo("150.0");
        assertThat(all.get(over).path("overLimit").decimalValue()).isEqualByComparingTo("50000");
        assertThat(all.get(near).path("utilisation").decimalValue()).isEqualByComparingTo("90.0");
        assertThat(all.get(fine).path("exposure").decimalValue()).isEqualByComparingTo("30000");
        assertThat(all.get(fine).path("overLimit").decimalValue()).isEqualByComparingTo("0");
        assertThat(all.get(none).path("limit").isMissingNode()).isTrue();
        assertThat(all.get(none).path("exposure").decimalValue()).isEqualByComparingTo("7000");
        assertThat(all.get(none).path("overdue").asBoolean()).isTrue();
        assertThat(all.get(over).path("overdue").asBoolean()).isFalse();

        assertThat(rows("manager1", "OVER_LIMIT").keySet()).contains(over).doesNotContain(near, fine, none, others);
        assertThat(rows("manager1", "NEAR_LIMIT").keySet()).contains(over, near).doesNotContain(fine, none);
        assertThat(rows("manager1", "NO_LIMIT").keySet()).contains(none).doesNotContain(over, near, fine);
        assertThat(rows("head", "OVER_LIMIT").keySet()).contains(over, others);
        assertThat(rows("credit", "OVER_LIMIT").keySet()).contains(over, others);
        assertThat(rows("manager3", "OVER_LIMIT").keySet()).doesNotContain(over, others);

        // the list, which joins the sources' queries for every company, says what the credit rule reads
        // for one company
        Map<UUID, JsonNode> everything = rows("credit", "ALL");
        for (UUID company : List.of(over, near, fine, none, others)) {
            assertThat(everything.get(company).path("exposure").decimalValue()).as("exposure of %s", company)
                    .isEqualByComparingTo(api.as("credit").get("/api/v1/companies/" + company + "/credit")
                            .isJson(200).json().path("exposure").decimalValue());
        }
    }

    @Test
    void theListSortsByUtilisationTheCompaniesWithoutALimitLast() {
        UUID half = data.company("kam", "Половина");
        UUID twice = data.company("kam", "Вдвое");
        UUID without = data.company("kam", "Без лимита");
        data.limit(half, "100000", 30);
        data.limit(twice, "100000", 30);
        data.invoice(half, "50000.00", today, today.plusDays(30));
        data.invoice(twice, "200000.00", today, today.plusDays(30));
        data.invoice(without, "900000.00", today, today.plusDays(30));

        List<UUID> order = new ArrayList<>();
        api.as("kam").get("/api/v1/credit/companies?sort=utilisation,desc&size=100").isJson(200).json()
                .path("content").forEach(row -> order.add(UUID.fromString(row.path("companyId").asString())));

        assertThat(order).containsSubsequence(twice, half, without);
        api.as("kam").get("/api/v1/credit/companies?sort=score").isProblem(400);
        api.as("kam").get("/api/v1/credit/companies?filter=SOMETHING").isProblem(400);
    }

    private Map<UUID, JsonNode> rows(String user, String filter) {
        Map<UUID, JsonNode> rows = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = api.as(user).get("/api/v1/credit/companies?filter=" + filter + "&size=100&page=" + page)
                    .isJson(200).json();
            answer.path("content").forEach(row -> rows.put(UUID.fromString(row.path("companyId").asString()), row));
            if (page + 1 >= answer.path("totalPages").asInt()) {
                return rows;
            }
        }
    }
}
