package org.clientela.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.clientela.WebSession;
import org.clientela.clients.CompanyNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The reminders on the pages: the fragment every page polls lists the owner's activity about to
 * start (not another manager's, not one further off than the largest offset), and closing it
 * hides it for the session; a person chooses their own offsets, or none, on the agenda and
 * through the API, with bad input refused at its field.
 */
@IntegrationTest
class ReminderWebIntegrationTest {

    static final String SETTINGS = "/api/v1/me/reminder-settings";

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    @Test
    void thePagesShowTheOwnersImminentActivityUntilClosed() {
        ApiClient api = new ApiClient(port);
        Colleague owner = Colleague.inTeamOf(api, "manager1");
        String name = ApiClient.unique("Окна");
        String company = company(api, owner, name);
        Instant start = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> call = ActivityWorld.meeting(company, moscow(start), moscow(start.plus(15, ChronoUnit.MINUTES)));
        call.put("type", "CALL");
        String id = owner.as(api).post(ActivityWorld.ACTIVITIES, call).isJson(201).id();
        WebSession ownerSession = WebSession.loggedIn(port, owner.username(), Colleague.PASSWORD);
        WebSession manager2 = WebSession.loggedIn(port, "manager2", ApiClient.DEMO_PASSWORD);
        String shown = "data-activity=\"" + id + "\"";
        try {
            assertThat(ownerSession.get("/activities").body())
                    .contains("id=\"activity-reminders\"", "hx-get=\"/activities/reminders\"");

            at(start.minus(70, ChronoUnit.MINUTES));
            assertThat(ownerSession.get("/activities/reminders").body()).doesNotContain(shown);

            at(start.minus(50, ChronoUnit.MINUTES));
            HttpResponse<String> fragment = ownerSession.get("/activities/reminders");
            assertThat(fragment.statusCode()).isEqualTo(200);
            assertThat(fragment.body()).contains(shown, "Через 50 мин: Звонок — ООО &quot;" + name + "&quot;",
                    "href=\"/companies/" + company + "\"");
            assertThat(manager2.get("/activities/reminders").body()).doesNotContain(shown);

            HttpResponse<String> closed = ownerSession.submit("/activities",
                    "/activities/reminders/" + id + "/dismissal?start=" + start.getEpochSecond(), Map.of());
            assertThat(closed.statusCode()).isEqualTo(200);
            assertThat(ownerSession.get("/activities/reminders").body()).doesNotContain(shown);
            // another session of the same person still shows it
            assertThat(WebSession.loggedIn(port, owner.username(), Colleague.PASSWORD).get("/activities/reminders")
                    .body()).contains(shown);

            at(start.plus(1, ChronoUnit.MINUTES));
            assertThat(WebSession.loggedIn(port, owner.username(), Colleague.PASSWORD).get("/activities/reminders")
                    .body()).doesNotContain(shown);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aPersonChoosesTheirOwnRemindersOrNoneOnTheAgenda() {
        ApiClient api = new ApiClient(port);
        Colleague owner = Colleague.inNewTeam(api);
        String company = company(api, owner, ApiClient.unique("Настройки"));
        Instant start = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        String id = owner.as(api).post(ActivityWorld.ACTIVITIES, ActivityWorld.meeting(company, moscow(start),
                moscow(start.plus(1, ChronoUnit.HOURS)))).isJson(201).id();
        WebSession session = WebSession.loggedIn(port, owner.username(), Colleague.PASSWORD);

        assertThat(session.get("/activities").body()).contains("id=\"punctuality-link\"",
                "hx-get=\"/activities/reminder-settings\"");
        String form = session.get("/activities/reminder-settings").body();
        assertThat(form).contains("id=\"reminder-settings-form\"", "Сейчас: за 60, 15 мин. до начала");
        assertThat(form).containsPattern("id=\"reminder-mode-DEPARTMENT\"[^>]*checked");

        HttpResponse<String> refused = session.submit("/activities", "/activities/reminder-settings",
                Map.of("mode", "OWN", "minutes", "45, час", "version", "0"), "HX-Request", "true");
        assertThat(refused.body()).contains("data-field=\"minutes\"", "«час» — не число минут.");
        assertThat(api(api, owner).path("own").asBoolean()).isFalse();

        HttpResponse<String> saved = session.submit("/activities", "/activities/reminder-settings",
                Map.of("mode", "OWN", "minutes", "10, 45", "version", "0"), "HX-Request", "true");
        assertThat(saved.body()).contains("id=\"reminders-saved\"", "Сейчас: за 45, 10 мин. до начала");
        JsonNode own = api(api, owner);
        assertThat(own.path("minutesBefore").toString()).isEqualTo("[45,10]");
        assertThat(own.path("own").asBoolean()).isTrue();
        assertThat(own.path("department").toString()).isEqualTo("[60,15]");

        HttpResponse<String> stale = session.submit("/activities", "/activities/reminder-settings",
                Map.of("mode", "NONE", "version", "0"), "HX-Request", "true");
        assertThat(stale.body()).doesNotContain("id=\"reminders-saved\"").contains("alert-danger");
        assertThat(api(api, owner).path("minutesBefore").toString()).isEqualTo("[45,10]");

        session.submit("/activities", "/activities/reminder-settings", Map.of("mode", "NONE", "version", "1"),
                "HX-Request", "true");
        assertThat(api(api, owner).path("minutesBefore").toString()).isEqualTo("[]");
        try {
            at(start.minus(10, ChronoUnit.MINUTES));
            assertThat(session.get("/activities/reminders").body()).doesNotContain(id);
        } finally {
            clock.reset();
        }
    }

    @Test
    void theApiChangesTheCallersRemindersWithTheirVersion() {
        ApiClient api = new ApiClient(port);
        Colleague owner = Colleague.inNewTeam(api);
        ApiClient.Response first = owner.as(api).get(SETTINGS).isJson(200);
        assertThat(first.header("ETag")).isEqualTo("\"0\"");
        assertThat(first.json().path("minutesBefore").toString()).isEqualTo("[60,15]");

        assertThat(owner.as(api).put(SETTINGS, Map.of("minutesBefore", List.of(30))).status()).isEqualTo(428);
        ApiClient.Response refused = owner.as(api).put(SETTINGS, Map.of("minutesBefore", List.of(0, 2000),
                "version", 0)).isProblem(400);
        assertThat(refused.errorFields()).containsExactly("minutesBefore");
        assertThat(owner.as(api).put(SETTINGS, Map.of("minutesBefore", List.of(5, 10, 15, 20, 25, 30),
                "version", 0)).isProblem(400).errorFields()).containsExactly("minutesBefore");

        ApiClient.Response chosen = owner.as(api).header("If-Match", "\"0\"").put(SETTINGS,
                Map.of("minutesBefore", List.of(15, 120, 15))).isJson(200);
        assertThat(chosen.json().path("minutesBefore").toString()).isEqualTo("[120,15]");
        assertThat(chosen.header("ETag")).isEqualTo("\"1\"");
        owner.as(api).put(SETTINGS, Map.of("minutesBefore", List.of(), "version", 0)).isProblem(409);

        Map<String, Object> back = new HashMap<>();
        back.put("minutesBefore", null);
        back.put("version", 1);
        JsonNode department = owner.as(api).put(SETTINGS, back).isJson(200).json();
        assertThat(department.path("own").asBoolean()).isFalse();
        assertThat(department.path("minutesBefore").toString()).isEqualTo("[60,15]");
        // someone else's choice is their own
        assertThat(api.as("manager1").get(SETTINGS).json().path("minutesBefore").toString()).isEqualTo("[60,15]");
    }

    private void at(Instant moment) {
        clock.reset();
        clock.moveForward(Duration.between(Instant.now(), moment));
    }

    private static JsonNode api(ApiClient api, Colleague owner) {
        return owner.as(api).get(SETTINGS).isJson(200).json();
    }

    private static String moscow(Instant instant) {
        return instant.atZone(ActivityWorld.MOSCOW).toOffsetDateTime().toString();
    }

    static String company(ApiClient api, Colleague owner, String name) {
        return owner.as(api).post("/api/v1/companies", Map.of("name", name, "legalForm", "OOO",
                "inn", CompanyNumbers.organisationInn(), "kpp", "773601001", "status", "ACTIVE")).isJson(201).id();
    }
}
