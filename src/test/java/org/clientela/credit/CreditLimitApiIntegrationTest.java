package org.clientela.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.clientela.ApiClient;
import org.clientela.ApiClient.Response;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Setting a company's credit limit and terms through the API: who may, what is refused, the history. */
@IntegrationTest
class CreditLimitApiIntegrationTest {

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
    void onlyTheCreditControllerTheHeadAndTheDirectorSetALimit() {
        UUID company = data.company("manager1", "Лимит");
        UUID kams = data.company("kam", "Ключевой");

        // each sees the company, and may not change its limit
        api.as("manager1").put(limit(company), body("100000", 30, "Хочу", 0L)).isProblem(403);
        api.as("admin").put(limit(company), body("100000", 30, "Хочу", 0L)).isProblem(403);
        api.as("kam").put(limit(kams), body("100000", 30, "Хочу", 0L)).isProblem(403);
        assertThat(api.as("credit").put(limit(company), body("100000", 30, "Первый заказ", 0L)).isJson(200)
                .json().path("version").asLong()).isEqualTo(1);
        assertThat(api.as("head").put(limit(company), body("150000", 30, "Рост оборота", 1L)).isJson(200)
                .header("ETag")).isEqualTo("\"2\"");
        JsonNode credit = api.as("director").put(limit(company), body("200 000,50", 45, "Решение директора", 2L))
                .isJson(200).json();

        assertThat(credit.path("limit").decimalValue()).isEqualByComparingTo("200000.50");
        assertThat(credit.path("paymentTermsDays").asInt()).isEqualTo(45);
        assertThat(credit.path("currency").asString()).isEqualTo("RUB");
        // the owner sees the terms, without the right to change them
        assertThat(api.as("manager1").get(CreditTestData.credit(company)).isJson(200).json().path("limit")
                .decimalValue()).isEqualByComparingTo("200000.50");
    }

    @Test
    void aCompanyOneMayNotSeeIsNotFoundWhateverOnesRole() {
        UUID company = data.company("manager1", "Чужой");

        api.as("manager3").put(limit(company), body("100000", 30, "Хочу", 0L)).isProblem(404);
        api.as("manager3").get(CreditTestData.credit(company)).isProblem(404);
        api.as("manager3").get(CreditTestData.credit(company) + "/history").isProblem(404);
        api.as("manager3").get("/api/v1/companies/" + company + "/credit-score").isProblem(404);
        api.as("credit").put(limit(UUID.randomUUID()), body("100000", 30, "Нет такой", 0L)).isProblem(404);
        assertThat(count(company)).isZero();
    }

    @Test
    void aHeadSetsLimitsOnlyForTheCompaniesOfTheTeam() {
        UUID otherTeam = data.company("manager3", "Другая команда");

        api.as("head").put(limit(otherTeam), body("100000", 30, "Не мой отдел", 0L)).isProblem(404);
        api.as("credit").put(limit(otherTeam), body("100000", 30, "Контролёр видит всех", 0L)).isJson(200);
    }

    @Test
    void badInputIsRefusedAtItsFieldAndNothingIsWritten() {
        UUID company = data.company("manager1", "Ошибки");

        assertThat(api.as("credit").put(limit(company), body("100000", 30, "  ", 0L)).isProblem(400).errorFields())
                .containsExactly("reason");
        assertThat(api.as("credit").put(limit(company), body("100000", 30, null, 0L)).isProblem(400).errorFields())
                .containsExactly("reason");
        for (Object amount : List.of("-1", "сто тысяч", "100000.555", "", "1e20")) {
            Response refused = api.as("credit").put(limit(company), body(amount, 30, "Причина", 0L)).isProblem(400);
            assertThat(refused.errorFields()).as("amount %s", amount).containsExactly("amount");
        }
        assertThat(api.as("credit").put(limit(company), body("-1", 30, "Причина", 0L)).json().path("errors").get(0)
                .path("message").asString()).isEqualTo("Лимит не может быть отрицательным.");
        assertThat(api.as("credit").put(limit(company), "{\"amount\": 1000.555, \"paymentTermsDays\": 30, "
                + "\"reason\": \"Причина\", \"version\": 0}").isProblem(400).errorFields()).containsExactly("amount");
        for (int terms : List.of(-1, 366)) {
            assertThat(api.as("credit").put(limit(company), body("100000", terms, "Причина", 0L)).isProblem(400)
                    .errorFields()).containsExactly("paymentTermsDays");
        }
        assertThat(api.as("credit").put(limit(company), body("100000", null, "Причина", 0L)).isProblem(400)
                .errorFields()).containsExactly("paymentTermsDays");
        assertThat(api.as("credit").put(limit(company), body("-5", 400, "", 0L)).isProblem(400).errorFields())
                .containsExactlyInAnyOrder("amount", "paymentTermsDays", "reason");
        assertThat(count(company)).isZero();

        // the limit may be zero, the terms 0 (prepayment) or 365 days, the amount a JSON number
        api.as("credit").put(limit(company), "{\"amount\": 0, \"paymentTermsDays\": 0, \"reason\": \"Только "
                + "предоплата\", \"version\": 0}").isJson(200);
        assertThat(api.as("credit").put(limit(company), "{\"amount\": 250000.5, \"paymentTermsDays\": 365, "
                + "\"reason\": \"Годовой договор\", \"version\": 1}").isJson(200).json().path("limit").decimalValue())
                .isEqualByComparingTo("250000.50");
    }

    @Test
    void aChangeNeedsTheVersionAndAStaleOneIsRefused() {
        UUID company = data.company("manager1", "Версии");

        api.as("credit").put(limit(company), body("100000", 30, "Без версии", null)).isProblem(428);
        api.as("credit").put(limit(company), body("100000", 30, "Не та версия", 3L)).isProblem(409);
        api.as("credit").put(limit(company), body("100000", 30, "Первый", 0L)).isJson(200);
        api.as("credit").header("If-Match", "\"1\"").put(limit(company), body("120000", 30, "По заголовку", null))
                .isJson(200);
        api.as("head").put(limit(company), body("500000", 30, "Устаревшая форма", 1L)).isProblem(409);
        // a manager is refused for the role before being asked for a version
        api.as("manager1").put(limit(company), body("100000", 30, "Хочу", null)).isProblem(403);

        assertThat(api.as("credit").get(CreditTestData.credit(company)).isJson(200).json().path("limit")
                .decimalValue()).isEqualByComparingTo("120000");
        assertThat(count(company)).isEqualTo(2);
    }

    @Test
    void twoFirstLimitsAtOnceOneWinsTheOtherIsToldItIsStale() throws Exception {
        UUID company = data.company("manager1", "Гонка");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (String[] who : new String[][] {{"credit", "300000"}, {"head", "400000"}}) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.as(who[0]).put(limit(company), body(who[1], 30, "Одновременно " + who[0], 0L));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                statuses.add(answer.get().status());
            }

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(count(company)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHistoryListsEachChangeNewestFirstWithWhoAndWhy() {
        UUID company = data.company("manager1", "История");
        api.as("credit").put(limit(company), body("100000", 0, "Первая поставка", 0L)).isJson(200);
        api.as("head").put(limit(company), body("250000", 30, "Год без просрочек", 1L)).isJson(200);
        api.as("director").put(limit(company), body("50000", 14, "Просрочка по двум счетам", 2L)).isJson(200);

        JsonNode page = api.as("manager1").get(CreditTestData.credit(company) + "/history").isJson(200).json();

        assertThat(page.path("totalElements").asLong()).isEqualTo(3);
        JsonNode newest = page.path("content").get(0);
        assertThat(newest.path("oldLimit").decimalValue()).isEqualByComparingTo("250000");
        assertThat(newest.path("newLimit").decimalValue()).isEqualByComparingTo("50000");
        assertThat(newest.path("oldPaymentTermsDays").asInt()).isEqualTo(30);
        assertThat(newest.path("newPaymentTermsDays").asInt()).isEqualTo(14);
        assertThat(newest.path("reason").asString()).isEqualTo("Просрочка по двум счетам");
        assertThat(newest.path("changedBy").path("fullName").asString()).isEqualTo("Соколов Андрей Викторович");
        JsonNode first = page.path("content").get(2);
        assertThat(first.path("oldLimit").isMissingNode() || first.path("oldLimit").isNull()).isTrue();
        assertThat(first.path("newLimit").decimalValue()).isEqualByComparingTo("100000");
        assertThat(first.path("changedBy").path("fullName").asString()).isEqualTo("Васильева Ольга Николаевна");
        assertThat(page.path("content").get(1).path("reason").asString()).isEqualTo("Год без просрочек");

        JsonNode second = api.as("manager1").get(CreditTestData.credit(company) + "/history?size=2&page=1")
                .isJson(200).json();
        assertThat(second.path("content")).hasSize(1);
        assertThat(second.path("content").get(0).path("reason").asString()).isEqualTo("Первая поставка");
        api.as("manager1").get(CreditTestData.credit(company) + "/history?sort=reason").isProblem(400);

        // the audit log has the same changes, for those who may see the company
        List<String> limits = new ArrayList<>();
        api.as("manager1").get("/api/v1/audit/CreditAccount/" + company).isJson(200).json().forEach(line -> {
            if (line.path("field").asString().equals("creditLimit")) {
                limits.add(line.path("actor").asString() + " " + line.path("newValue").asString());
            }
        });
        assertThat(limits).containsExactly("credit 100000.00", "head 250000.00", "director 50000.00");
        api.as("manager3").get("/api/v1/audit/CreditAccount/" + company).isProblem(404);
    }

    private long count(UUID company) {
        return jdbc.sql("select count(*) from credit_limit_change where company_id = :company")
                .param("company", company).query(Long.class).single();
    }

    private static String limit(UUID company) {
        return "/api/v1/companies/" + company + "/credit-limit";
    }

    private static Map<String, Object> body(Object amount, Integer terms, String reason, Long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("paymentTermsDays", terms);
        body.put("reason", reason);
        body.put("version", version);
        return body;
    }
}
