package org.clientela.keyaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.clientela.WebSession;
import org.clientela.keyaccounts.SalesFacts.Company;
import org.clientela.salesfacts.internal.SalesFactTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The account plans' pages: the company section starts a plan, the plan page, the inline status, the list. */
@IntegrationTest
class AccountPlanWebIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SalesFactTable salesFactTable;

    @Autowired
    TestClock clock;

    @Test
    void theKamStartsThisYearsPlanFromTheCompanyPageAndWorksItsActions() {
        ApiClient api = new ApiClient(port);
        SalesFacts facts = new SalesFacts(api, jdbc, salesFactTable);
        Company plain = facts.company("manager1", "Страница плана");
        WebSession kam = WebSession.loggedIn(port, "kam", ApiClient.DEMO_PASSWORD);
        WebSession manager1 = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);
        int year = LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow"))).getYear();

        assertThat(manager1.get("/companies/" + plain.id() + "/account-plan").body())
                .contains("План сотрудничества составляют для ключевых клиентов.")
                .doesNotContain("company-account-plan-create");
        api.as("head").put("/api/v1/companies/" + plain.id() + "/key-account", Map.of("key", true,
                "reason", "Крупный застройщик", "kamId", userId("kam"), "version", 0)).isJson(200);
        String section = manager1.get("/companies/" + plain.id() + "/account-plan").body();
        assertThat(section).contains("Плана сотрудничества на " + year + " год ещё нет.", "Создать план");
        assertThat(WebSession.loggedIn(port, "manager3", ApiClient.DEMO_PASSWORD)
                .get("/companies/" + plain.id() + "/account-plan").statusCode()).isEqualTo(404);

        HttpResponse<String> created = manager1.submit("/companies/" + plain.id() + "/account-plan",
                "/companies/" + plain.id() + "/account-plan", Map.of());
        assertThat(created.statusCode()).isEqualTo(302);
        String page = WebSession.location(created);
        assertThat(page).startsWith("/account-plans/");
        String plan = page.substring("/account-plans/".length());

        HttpResponse<String> notANumber = kam.submit(page, page, Map.of("version", "0", "revenueGoal", "миллион"));
        assertThat(notANumber.statusCode()).isEqualTo(200);
        assertThat(notANumber.body()).contains("Это не число. Пример: 1 200 000,50.");
        assertThat(kam.submit(page, page, Map.of("version", "0", "shareOfWalletGoal", "120")).body())
                .contains("Доля — от 0 до 100 %, не больше двух знаков после запятой.");
        assertThat(kam.submit(page, page, Map.of("version", "0", "revenueGoal", "1 200 000",
                "shareOfWalletGoal", "40")).statusCode()).isEqualTo(302);
        assertThat(kam.submit(page, page + "/actions", Map.of("title", "Презентация триплекса", "ownerId",
                userId("kam"), "deadline", LocalDate.of(year, 12, 31).toString())).statusCode()).isEqualTo(302);

        String body = kam.get(page).body().replace('\u00A0', ' ').replace("&nbsp;", " ");
        assertThat(body).contains("План сотрудничества: " + plain.name() + ", " + year + " год", "Черновик",
                "1 200 000,00 ₽", "Презентация триплекса", "Ежеквартальный анализ")
                .doesNotContain("id=\"plan-approve\"", "Маржа за год");
        String action = jdbc.sql("select id::text from account_plan_action where plan_id = :plan::uuid")
                .param("plan", plan).query(String.class).single();

        HttpResponse<String> row = kam.submit(page, page + "/actions/" + action, Map.of("version", "0",
                "status", "DONE"), "HX-Request", "true");
        assertThat(row.statusCode()).isEqualTo(200);
        assertThat(row.body()).startsWith("<tr").contains("выполнено ").doesNotContain("<html");
        HttpResponse<String> stale = kam.submit(page, page + "/actions/" + action, Map.of("version", "0",
                "status", "OPEN"), "HX-Request", "true");
        assertThat(stale.body()).contains("План тем временем изменил другой пользователь.");

        WebSession head = WebSession.loggedIn(port, "head", ApiClient.DEMO_PASSWORD);
        assertThat(head.get(page).body()).contains("id=\"plan-approve\"", "Маржа за год");
        assertThat(head.submit(page, page + "/approve", Map.of("version", "2")).statusCode()).isEqualTo(302);
        assertThat(head.get(page).body()).contains("Утверждён", "id=\"plan-reopen\"");
        assertThat(manager1.submit(page, page + "/approve", Map.of("version", "3")).statusCode()).isEqualTo(403);
        assertThat(WebSession.loggedIn(port, "manager3", ApiClient.DEMO_PASSWORD).get(page).statusCode())
                .isEqualTo(404);

        assertThat(manager1.get("/companies/" + plain.id() + "/account-plan").body())
                .contains("id=\"company-account-plan-link\"", "Утверждён");
        String list = head.get("/account-plans?year=" + year).body();
        assertThat(list).contains("Планы сотрудничества", plain.name());
        assertThat(head.get("/account-plans?status=DRAFT&year=" + year).body()).doesNotContain(plain.name());
        assertThat(head.get("/").body()).contains("href=\"/account-plans\"");
    }

    private String userId(String username) {
        return jdbc.sql("select id::text from app_user where username = :username").param("username", username)
                .query(String.class).single();
    }
}
