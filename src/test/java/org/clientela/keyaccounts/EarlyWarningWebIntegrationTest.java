package org.clientela.keyaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

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

/**
 * The early warnings' screens without a browser, on a client of manager1 whose revenue fell in
 * 2073 (recent 2073-03..05: 120 000 against 410 000 on average, −71 %): the start page's panel,
 * the evidence page, the company section, the dismissal by htmx, the demo world's warnings.
 */
@IntegrationTest
class EarlyWarningWebIntegrationTest {

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
    void theOwnerSeesTheWarningOnTheStartPageOpensItsEvidenceAndDismissesIt() {
        ApiClient api = new ApiClient(port);
        WarningWorld world = new WarningWorld(api, jdbc, salesFactTable);
        UUID group = world.group("Двухкамерные");
        Company company = world.company("manager1", "Сигнальный");
        world.sale(company, group, "2072-07", "410000.00", 1);
        world.sale(company, group, "2072-10", "410000.00", 1);
        world.sale(company, group, "2073-01", "410000.00", 1);
        world.sale(company, group, "2073-04", "120000.00", 1);
        try {
            clock.moveForward(Duration.between(Instant.now(),
                    LocalDate.of(2073, 6, 10).atTime(12, 0).atZone(MOSCOW).toInstant()));
            api.as("admin").post("/api/v1/early-warnings/run", Map.of()).isJson(200);
        } finally {
            clock.reset();
        }
        String id = api.as("manager1").get("/api/v1/early-warnings?companyId=" + company.id()).isJson(200).json()
                .get("content").get(0).get("id").asString();
        // thousands and units apart by no-break spaces, as everywhere in the Russian UI
        String text = "Выручка за 3 мес. 120\u00a0000\u00a0₽ против 410\u00a0000\u00a0₽ в среднем ранее (−71\u00a0%)";

        WebSession owner = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);
        assertThat(owner.get("/").body()).contains("Сигналы по клиентам").contains("/early-warnings/panel");
        String panel = owner.get("/early-warnings/panel").body();
        assertThat(panel).contains(company.name()).contains(text).contains("/early-warnings/" + id);
        assertThat(WebSession.loggedIn(port, "head", ApiClient.DEMO_PASSWORD).get("/early-warnings/panel").body())
                .contains(company.name());
        assertThat(WebSession.loggedIn(port, "manager2", ApiClient.DEMO_PASSWORD).get("/early-warnings/panel").body())
                .doesNotContain(company.name());

        String evidence = owner.get("/early-warnings/" + id).body();
        assertThat(evidence).contains(text).contains("120\u00a0000,00\u00a0₽").contains("410\u00a0000,00\u00a0₽")
                .contains("/orders?companyId=" + company.id());
        assertThat(owner.get("/companies/" + company.id() + "/early-warnings").body()).contains(text);
        assertThat(WebSession.loggedIn(port, "manager3", ApiClient.DEMO_PASSWORD).get("/early-warnings/" + id)
                .statusCode()).isEqualTo(404);
        assertThat(owner.get("/early-warnings?status=open").body()).contains(company.name());

        HttpResponse<String> refused = owner.submit("/early-warnings/" + id, "/early-warnings/" + id + "/dismissal",
                Map.of("reason", ""), "HX-Request", "true");
        assertThat(refused.body()).contains("Укажите причину").contains("data-field=\"reason\"");
        HttpResponse<String> dismissed = owner.submit("/early-warnings/" + id, "/early-warnings/" + id + "/dismissal",
                Map.of("reason", "Клиент перешёл на квартальные закупки"), "HX-Request", "true");
        assertThat(dismissed.body()).contains("Отклонён").contains("Клиент перешёл на квартальные закупки")
                .doesNotContain("warning-dismiss-form");
        assertThat(owner.get("/early-warnings/panel").body()).doesNotContain(company.name());
    }

    /**
     * The demo world's run finds clients of four kinds on its two years of orders (the 2071–2073
     * warnings of these tests lie after today and do not count).
     */
    @Test
    void theDemoWorldHasWarningsOfSeveralKinds() {
        assertThat(jdbc.sql("select count(distinct kind) from early_warning where detected_on <= current_date")
                .query(Long.class).single()).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("""
                        select u.username from early_warning w join company_ref c on c.id = w.company_id
                        join app_user u on u.id = c.owner_id where w.detected_on <= current_date""")
                .query(String.class).list()).isNotEmpty();
    }
}
