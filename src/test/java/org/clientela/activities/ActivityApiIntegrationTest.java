package org.clientela.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientela.activities.ActivityWorld.ACTIVITIES;
import static org.clientela.activities.ActivityWorld.meeting;
import static org.clientela.activities.ActivityWorld.moscow;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Activities through the API: planning, the list and its filters, each refusal with nothing
 * written, who sees what, the outcome with its next step, late minutes across time zones and
 * optimistic locking.
 */
@IntegrationTest
class ActivityApiIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    ApiClient api;
    ActivityWorld world;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        world = new ActivityWorld(api);
    }

    @Test
    void aManagerPlansAMeetingWithTheClientsPeopleAndFindsItByTheFilters() {
        String company = world.company("manager1");
        String ivanov = world.contact("manager1", company, "Иванов Иван Иванович");
        Map<String, Object> request = meeting(company, moscow(2, "10:00"), moscow(2, "11:30"), ivanov);
        request.put("location", "Офис клиента, переговорная 3");
        request.put("timeZone", "Asia/Yekaterinburg");

        ApiClient.Response created = api.as("manager1").post(ACTIVITIES, request).isJson(201);
        String id = created.id();
        assertThat(created.header("Location")).endsWith(ACTIVITIES + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        JsonNode activity = created.json();
        assertThat(activity.path("status").asString()).isEqualTo("PLANNED");
        assertThat(activity.path("type").asString()).isEqualTo("MEETING");
        assertThat(activity.path("timeZone").asString()).isEqualTo("Asia/Yekaterinburg");
        // 10:00 in Moscow is 12:00 in Yekaterinburg, where it was planned
        assertThat(time(activity, "plannedStart"))
                .isEqualTo(OffsetDateTime.parse(LocalDate.now(ActivityWorld.MOSCOW).plusDays(2) + "T12:00+05:00"));
        assertThat(activity.path("ownerName").asString()).isNotBlank();
        assertThat(activity.path("contacts").get(0).path("fullName").asString()).isEqualTo("Иванов Иван Иванович");
        assertThat(activity.path("lateMinutes").isMissingNode()).isTrue();

        assertThat(api.as("manager1").get(ACTIVITIES + "/" + id).isJson(200).json().path("subject").asString())
                .isEqualTo("Обсуждение поставок на квартал");
        assertThat(ids("manager1", "companyId=" + company)).containsExactly(id);
        assertThat(ids("manager1", "companyId=" + company + "&type=MEETING&status=PLANNED")).containsExactly(id);
        assertThat(ids("manager1", "companyId=" + company + "&type=CALL")).isEmpty();
        assertThat(ids("manager1", "companyId=" + company + "&status=DONE")).isEmpty();
        String day = LocalDate.now(ActivityWorld.MOSCOW).plusDays(2).toString();
        String dayBefore = LocalDate.now(ActivityWorld.MOSCOW).plusDays(1).toString();
        assertThat(ids("manager1", "companyId=" + company + "&from=" + day + "&to=" + day)).containsExactly(id);
        assertThat(ids("manager1", "companyId=" + company + "&to=" + dayBefore)).isEmpty();
        String owner = activity.path("ownerId").asString();
        assertThat(ids("manager1", "companyId=" + company + "&ownerId=" + owner)).containsExactly(id);

        // the head sees the team's clients; another manager of the team or of another team does not
        assertThat(ids("head", "companyId=" + company)).containsExactly(id);
        api.as("head").get(ACTIVITIES + "/" + id).isJson(200);
        api.as("manager2").get(ACTIVITIES + "/" + id).isProblem(404);
        api.as("manager3").get(ACTIVITIES + "/" + id).isProblem(404);
        assertThat(ids("manager2", "companyId=" + company)).isEmpty();

        assertThat(api.as("manager1").get(ACTIVITIES + "?type=DINNER").isProblem(400).errorFields())
                .containsExactly("type");
        assertThat(api.as("manager1").get(ACTIVITIES + "?from=" + day + "&to=" + dayBefore).isProblem(400)
                .errorFields()).containsExactly("to");
    }

    @Test
    void eachBadInputIsRefusedAtItsFieldAndNothingIsWritten() {
        String company = world.company("manager1");
        String other = world.company("manager1");
        String stranger = world.contact("manager1", other, "Сидоров Сидор Сидорович");
        String start = moscow(2, "10:00");
        String end = moscow(2, "11:00");

        assertRefused(meeting(company, start, moscow(2, "09:30")), "plannedEnd");
        assertRefused(meeting(company, ActivityWorld.now(-60), ActivityWorld.now(-30)), "plannedStart");
        Map<String, Object> zone = meeting(company, start, end);
        zone.put("timeZone", "Europe/Moskva");
        assertRefused(zone, "timeZone");
        Map<String, Object> offset = meeting(company, start, end);
        offset.put("timeZone", "+03:00");
        assertRefused(offset, "timeZone");
        assertRefused(meeting(company, start, end, stranger), "contactIds");
        Map<String, Object> type = meeting(company, start, end);
        type.put("type", "DINNER");
        assertRefused(type, "type");
        assertRefused(meeting(company, "2026-12-01 10:00", end), "plannedStart");
        assertThat(activitiesOf(company)).isZero();

        // a company one may not see is answered as one that does not exist
        api.as("manager2").post(ACTIVITIES, meeting(company, start, end)).isProblem(404);
        api.as("manager1").post(ACTIVITIES, meeting(UUID.randomUUID().toString(), start, end)).isProblem(404);
        assertThat(activitiesOf(company)).isZero();
    }

    @Test
    void theOutcomeWithANextStepPlansTheNextActivityLinkedToIt() {
        String company = world.company("manager1");
        String ivanov = world.contact("manager1", company, "Иванов Иван Иванович");
        ApiClient.Response planned = api.as("manager1").post(ACTIVITIES,
                meeting(company, ActivityWorld.now(60), ActivityWorld.now(120), ivanov)).isJson(201);
        String id = planned.id();

        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("actualStart", ActivityWorld.now(-1));
        outcome.put("outcome", "");
        assertThat(api.as("manager1").header("If-Match", "\"0\"").post(ACTIVITIES + "/" + id + "/outcome", outcome)
                .isProblem(400).errorFields()).containsExactly("outcome");
        outcome.put("outcome", "Клиент согласен на пробную партию 200 м²");
        api.as("manager1").post(ACTIVITIES + "/" + id + "/outcome", outcome).isProblem(428);
        outcome.put("actualStart", ActivityWorld.now(30));
        assertThat(api.as("manager1").header("If-Match", "\"0\"").post(ACTIVITIES + "/" + id + "/outcome", outcome)
                .isProblem(400).errorFields()).containsExactly("actualStart");
        outcome.put("actualStart", ActivityWorld.now(-1));
        outcome.put("nextStep", Map.of("subject", "Отправить договор на пробную партию",
                "plannedStart", moscow(3, "15:00")));

        JsonNode done = api.as("manager1").header("If-Match", "\"0\"")
                .post(ACTIVITIES + "/" + id + "/outcome", outcome).isJson(200).json();
        assertThat(done.path("status").asString()).isEqualTo("DONE");
        // started before the planned time: not late
        assertThat(done.path("lateMinutes").asInt()).isZero();
        assertThat(done.path("nextStep").asString()).isEqualTo("Отправить договор на пробную партию");
        assertThat(done.path("version").asLong()).isEqualTo(1);
        String nextId = done.path("nextId").asString();
        assertThat(nextId).isNotBlank();

        JsonNode next = api.as("manager1").get(ACTIVITIES + "/" + nextId).isJson(200).json();
        assertThat(next.path("status").asString()).isEqualTo("PLANNED");
        assertThat(next.path("type").asString()).isEqualTo("MEETING");
        assertThat(next.path("subject").asString()).isEqualTo("Отправить договор на пробную партию");
        assertThat(next.path("previousId").asString()).isEqualTo(id);
        // as long as the first one: an hour
        assertThat(time(next, "plannedStart")).isEqualTo(OffsetDateTime.parse(moscow(3, "15:00")));
        assertThat(time(next, "plannedEnd")).isEqualTo(OffsetDateTime.parse(moscow(3, "16:00")));
        assertThat(next.path("contacts").get(0).path("id").asString()).isEqualTo(ivanov);

        // done is done: neither a second outcome nor a cancellation
        api.as("manager1").header("If-Match", "\"1\"").post(ACTIVITIES + "/" + id + "/outcome", outcome)
                .isProblem(409);
        api.as("manager1").header("If-Match", "\"1\"").post(ACTIVITIES + "/" + id + "/cancellation",
                Map.of("reason", "Клиент передумал")).isProblem(409);
        assertThat(activitiesOf(company)).isEqualTo(2);
        assertThat(auditLinesOf(id)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void lateMinutesCountFromThePlannedStartWhateverTheZonesOfTheTimes() {
        String company = world.company("manager1");
        LocalDate day = LocalDate.now(ActivityWorld.MOSCOW).plusDays(2);
        Map<String, Object> request = meeting(company, day + "T10:00:00+03:00", day + "T11:00:00+03:00");
        request.put("timeZone", "Europe/Moscow");
        String id = api.as("manager1").post(ACTIVITIES, request).isJson(201).id();
        clock.moveForward(Duration.ofDays(3));
        try {
            // 12:20 in Yekaterinburg is 07:20Z, 10:20 in Moscow
            JsonNode done = api.as("manager1").post(ACTIVITIES + "/" + id + "/outcome",
                    Map.of("actualStart", day + "T12:20:00+05:00", "outcome", "Встретились, обсудили график",
                            "version", 0)).isJson(200).json();
            assertThat(done.path("lateMinutes").asInt()).isEqualTo(20);
            // told in the zone it was planned in
            assertThat(time(done, "actualStart")).isEqualTo(OffsetDateTime.parse(day + "T10:20:00+03:00"));
            assertThat(time(done, "actualStart").toInstant()).isEqualTo(OffsetDateTime.parse(day + "T07:20:00Z").toInstant());
        } finally {
            clock.reset();
        }
    }

    @Test
    void aChangeOverAStaleVersionIsRefused() {
        String company = world.company("manager1");
        String id = world.meeting("manager1", company);

        api.as("manager1").patch(ACTIVITIES + "/" + id, Map.of("subject", "Без версии")).isProblem(428);
        ApiClient.Response changed = api.as("manager1").header("If-Match", "\"0\"")
                .patch(ACTIVITIES + "/" + id, Map.of("subject", "Переговоры о скидке", "type", "NEGOTIATION"))
                .isJson(200);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(changed.json().path("type").asString()).isEqualTo("NEGOTIATION");
        api.as("manager1").header("If-Match", "\"0\"")
                .patch(ACTIVITIES + "/" + id, Map.of("subject", "Поверх чужого изменения")).isProblem(409);
        assertThat(api.as("manager1").header("If-Match", "\"1\"")
                .patch(ACTIVITIES + "/" + id, Map.of("plannedEnd", moscow(2, "09:00"))).isProblem(400).errorFields())
                .containsExactly("plannedEnd");
        api.as("manager2").header("If-Match", "\"1\"")
                .patch(ACTIVITIES + "/" + id, Map.of("subject", "Чужая")).isProblem(404);
        assertThat(api.as("manager1").get(ACTIVITIES + "/" + id).json().path("subject").asString())
                .isEqualTo("Переговоры о скидке");

        assertThat(api.as("manager1").header("If-Match", "\"1\"").post(ACTIVITIES + "/" + id + "/cancellation",
                Map.of("reason", " ")).isProblem(400).errorFields()).containsExactly("reason");
        JsonNode cancelled = api.as("manager1").header("If-Match", "\"1\"")
                .post(ACTIVITIES + "/" + id + "/cancellation", Map.of("reason", "Клиент перенёс на январь"))
                .isJson(200).json();
        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("cancelReason").asString()).isEqualTo("Клиент перенёс на январь");
    }

    private void assertRefused(Map<String, Object> request, String field) {
        assertThat(api.as("manager1").post(ACTIVITIES, request).isProblem(400).errorFields()).as(field)
                .containsExactly(field);
    }

    /** A time of the answer, its offset included (equal only when both the moment and the offset are). */
    private static OffsetDateTime time(JsonNode activity, String field) {
        return OffsetDateTime.parse(activity.path(field).asString());
    }

    private List<String> ids(String user, String query) {
        List<String> ids = new ArrayList<>();
        api.as(user).get(ACTIVITIES + "?" + query).isJson(200).json().path("content")
                .forEach(node -> ids.add(node.path("id").asString()));
        return ids;
    }

    private long activitiesOf(String company) {
        return jdbc.sql("select count(*) from activity where company_id = :company")
                .param("company", UUID.fromString(company)).query(Long.class).single();
    }

    private long auditLinesOf(String id) {
        return jdbc.sql("select count(*) from audit_log where entity_type = 'Activity' and entity_id = :id")
                .param("id", id).query(Long.class).single();
    }
}
