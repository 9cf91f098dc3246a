package org.clientela.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.clientela.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The contact cadence's screens: the line of the company page's «Активности» and its form (a
 * refusal at its field, nothing written; only for who may set it), the start page's panel, the
 * agenda's overdue contacts for the manager and the head, and the plan form's refusals.
 */
@IntegrationTest
class ContactCadenceWebIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCompanyPageShowsTheCadenceAndItsOwnerChangesIt() {
        ApiClient api = new ApiClient(port);
        String company = new ActivityWorld(api).company("manager1");
        String page = "/companies/" + company;
        WebSession manager1 = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);

        String section = manager1.get(page + "/activities").body();
        assertThat(section).contains("Периодичность контакта:", "раз в квартал", "(без класса)",
                "Контактов не было", "id=\"change-cadence\"");

        HttpResponse<String> refused = manager1.submit(page, page + "/activities/cadence",
                Map.of("days", "0", "reason", "", "version", "0"), "HX-Request", "true");
        assertThat(refused.body()).contains("data-field=\"days\"", "От 1 до 365 дней.", "data-field=\"reason\"",
                "Укажите причину.");
        assertThat(api.as("manager1").get(CadenceWorld.cadence(company)).json().get("version").asLong()).isZero();

        String saved = manager1.submit(page, page + "/activities/cadence",
                Map.of("days", "14", "reason", "Запуск нового объекта", "version", "0"), "HX-Request", "true").body();
        assertThat(saved).contains("id=\"cadence-saved\"", "раз в 2 недели", "(индивидуально)",
                "Причина: Запуск нового объекта");
        assertThat(api.as("manager1").get(CadenceWorld.cadence(company)).json().get("days").asInt()).isEqualTo(14);

        // the credit controller sees the line but not the way to change it; a post of theirs is refused as
        // the pages refuse whatever is denied (the API answers 403), and changes nothing
        WebSession credit = WebSession.loggedIn(port, "credit", ApiClient.DEMO_PASSWORD);
        assertThat(credit.get(page + "/activities").body()).contains("раз в 2 недели")
                .doesNotContain("id=\"change-cadence\"");
        assertThat(credit.submit(page, page + "/activities/cadence",
                Map.of("days", "7", "reason", "Чаще", "version", "1"), "HX-Request", "true").statusCode())
                .isEqualTo(404);
        assertThat(api.as("manager1").get(CadenceWorld.cadence(company)).json().get("days").asInt()).isEqualTo(14);
        WebSession manager2 = WebSession.loggedIn(port, "manager2", ApiClient.DEMO_PASSWORD);
        assertThat(manager2.get(page + "/activities/cadence").statusCode()).isEqualTo(404);
    }

    @Test
    void theAgendaListsTheOverdueContactsAndTheStartPageCountsThem() {
        ApiClient api = new ApiClient(port);
        CadenceWorld world = new CadenceWorld(api, clock, jdbc);
        String company = new ActivityWorld(api).company("manager1");
        String name = api.as("manager1").get("/api/v1/companies/" + company).json().get("name").asString();
        world.individually("manager1", company, 1);
        world.contactedDaysAgo("manager1", company, 4);

        WebSession manager1 = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);
        String agenda = manager1.get("/activities").body();
        assertThat(agenda).contains("id=\"overdue-contacts\"", "data-company=\"" + company + "\"", name,
                "просрочено на 3 дн.");
        long count = world.overdue("manager1", null).size();
        assertThat(manager1.get("/").body()).contains("/activities/overdue-contacts/panel");
        assertThat(manager1.get("/activities/overdue-contacts/panel").body())
                .contains("Просроченные контакты: " + count);

        WebSession head = WebSession.loggedIn(port, "head", ApiClient.DEMO_PASSWORD);
        assertThat(head.get("/activities").body()).contains("data-company=\"" + company + "\"");
        assertThat(head.get("/activities?owner=" + world.userId("manager2")).body())
                .doesNotContain("data-company=\"" + company + "\"");
        assertThat(head.get("/activities/overdue-contacts/panel").body())
                .contains("Просроченные контакты: " + world.overdue("head", null).size());
        WebSession manager2 = WebSession.loggedIn(port, "manager2", ApiClient.DEMO_PASSWORD);
        assertThat(manager2.get("/activities").body()).doesNotContain("data-company=\"" + company + "\"");
        assertThat(manager2.get("/activities/overdue-contacts/" + company + "/plan").statusCode()).isEqualTo(404);

        String form = "/activities/overdue-contacts/" + company + "/plan";
        assertThat(manager1.get(form).body()).contains("id=\"quick-plan-" + company + "\"");
        HttpResponse<String> refused = manager1.submit("/activities", form, Map.of("type", "CALL", "subject", "",
                "date", "", "startTime", "10:00", "duration", "0"), "HX-Request", "true");
        assertThat(refused.body()).contains("data-field=\"date\"", "data-field=\"duration\"", "От 5 до 480 минут.");
        assertThat(jdbc.sql("select count(*) from activity where company_id = cast(:id as uuid) and status = 'PLANNED'")
                .param("id", company).query(Long.class).single()).isZero();
    }
}
