package org.clientela.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.clientela.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The plans' pages without a browser: the list's errors, who sees what, the start page's panel. Periods of 2066. */
@IntegrationTest
class PlanWebIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    private String page(String username, String path) {
        HttpResponse<String> response = WebSession.loggedIn(port, username, ApiClient.DEMO_PASSWORD).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body().replace('\u00A0', ' ');
    }

    @Test
    void aSecondPlanForAPeriodIsRefusedAtTheField() {
        WebSession head = WebSession.loggedIn(port, "head", ApiClient.DEMO_PASSWORD);
        HttpResponse<String> created = head.submit("/plans", "/plans", Map.of("period", "2066-02"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(created)).startsWith("/plans/");
        HttpResponse<String> twice = head.submit("/plans", "/plans", Map.of("period", "2066-02"));
        assertThat(twice.statusCode()).isEqualTo(200);
        assertThat(twice.body()).contains("План на период 2066-02 уже есть");
        assertThat(head.submit("/plans", "/plans", Map.of("period", "февраль")).body())
                .contains("Период — месяц (2026-11) или квартал (2026-Q4).");
        assertThat(WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD).get("/plans").body())
                .contains("2066-02").doesNotContain("id=\"new-plan\"");
    }

    @Test
    void theHeadAddsAKeyAccountToThePlanByItsInn() {
        ApiClient api = new ApiClient(port);
        UUID company = new PlanWorld(api, jdbc).company("manager2", "Ключевой по ИНН");
        String inn = jdbc.sql("select inn from company_ref where id = :id").param("id", company)
                .query(String.class).single();
        String id = api.as("head").post("/api/v1/plans", Map.of("period", "2066-03")).isJson(201).id();
        WebSession head = WebSession.loggedIn(port, "head", ApiClient.DEMO_PASSWORD);

        HttpResponse<String> added = head.submit("/plans/" + id, "/plans/" + id + "/companies",
                Map.of("version", "0", "inn", inn));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(head.get("/plans/" + id).body()).contains("data-id=\"" + company + "\"");
        assertThat(api.as("head").get("/api/v1/plans/" + id).json().path("version").asLong()).isEqualTo(1);

        head.submit("/plans/" + id, "/plans/" + id + "/companies", Map.of("version", "1", "inn", "7700000000"));
        assertThat(head.get("/plans/" + id).body()).contains("Такой компании нет.");
        assertThat(api.as("head").get("/api/v1/plans/" + id).json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void theStartPageShowsTheManagersOwnPlanAndTheHeadsTheDepartments() {
        ApiClient api = new ApiClient(port);
        PlanWorld world = new PlanWorld(api, jdbc);
        UUID manager1 = world.user("manager1");
        UUID company = world.company("manager1", "Стартовая");
        world.sale(company, world.group(0), "2066-06", "3000.00", "1000.00");
        String id = api.as("head").post("/api/v1/plans", Map.of("period", "2066-Q2")).isJson(201).id();
        api.as("head").put("/api/v1/plans/" + id + "/targets", Map.of("version", 0, "targets", List.of(
                Map.of("scope", "DEPARTMENT", "revenue", 100_000),
                Map.of("scope", "MANAGER", "scopeId", manager1.toString(), "revenue", 6_000)))).isJson(200);

        clock.moveForward(Duration.between(clock.instant(),
                LocalDate.of(2066, 6, 30).atTime(12, 0).atZone(clock.getZone()).toInstant()));
        try {
            String managers = page("manager1", "/plans/panel");
            // the quarter's plan (no plan for June): 3 000 of 6 000 = 50 %, the whole quarter elapsed
            assertThat(managers).contains("План на 2066-Q2", "прошло 91 из 91 дн.", "6 000,00 ₽", "3 000,00 ₽ (50 %)");
            String heads = page("head", "/plans/panel");
            assertThat(heads).contains("100 000,00 ₽", "(3 %)");
            assertThat(page("manager2", "/plans/panel")).contains("Вашей цели по выручке в плане нет.");
        } finally {
            clock.reset();
        }
        assertThat(page("manager1", "/plans/" + id)).doesNotContain(world.user("manager2").toString());
        // the pages answer a refused page as one that does not exist (the platform's rule for pages)
        assertThat(WebSession.loggedIn(port, "credit", ApiClient.DEMO_PASSWORD).get("/plans/" + id).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aStepOnAPlanOnesRoleDoesNotAllowAnswers403AndOneWhoMayNotReadPlansGets404() {
        String id = new ApiClient(port).as("head").post("/api/v1/plans", Map.of("period", "2066-04")).isJson(201).id();
        String page = "/plans/" + id;
        WebSession manager = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);
        assertThat(manager.get(page).statusCode()).isEqualTo(200);
        assertThat(manager.submit(page, page + "/approve", Map.of("version", "0")).statusCode()).isEqualTo(403);
        assertThat(manager.submit(page, page + "/cells", Map.of("version", "0", "scope", "DEPARTMENT",
                "measure", "revenue", "value", "100")).statusCode()).isEqualTo(403);
        assertThat(manager.submit(page, page + "/companies", Map.of("version", "0", "inn", "7700000000"))
                .statusCode()).isEqualTo(403);
        assertThat(manager.submit("/plans", "/plans", Map.of("period", "2066-05")).statusCode()).isEqualTo(403);
        // the administrator edits plans but does not approve them
        WebSession admin = WebSession.loggedIn(port, "admin", ApiClient.DEMO_PASSWORD);
        assertThat(admin.submit(page, page + "/approve", Map.of("version", "0")).statusCode()).isEqualTo(403);
        assertThat(new ApiClient(port).as("head").get("/api/v1/plans/" + id).json().path("version").asLong())
                .isZero();
        // a plan that does not exist stays a 404 for a reader too
        assertThat(manager.submit(page, "/plans/" + UUID.randomUUID() + "/approve", Map.of("version", "0"))
                .statusCode()).isEqualTo(404);

        WebSession credit = WebSession.loggedIn(port, "credit", ApiClient.DEMO_PASSWORD);
        assertThat(credit.get("/plans").statusCode()).isEqualTo(404);
        assertThat(credit.get(page + "/export.xlsx").statusCode()).isEqualTo(404);
    }

    @Test
    void theNavigationShowsPlansOnlyToThoseWhoMayReadThem() {
        String link = "href=\"/plans\"";
        for (String reader : List.of("manager1", "kam", "head", "director", "admin")) {
            assertThat(page(reader, "/")).as(reader).contains(link);
        }
        assertThat(page("credit", "/")).contains("href=\"/companies\"").doesNotContain(link);
    }
}
