package org.clientela.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages of activities: the company section's form (a refusal shown at its field, nothing
 * written), the section and the outcome page closed to whoever may not see the company, and the
 * agenda of the head with the team's activities and the owner filter.
 */
@IntegrationTest
class ActivityWebIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSectionPlansAnActivityAndShowsARefusalAtItsField() {
        ActivityWorld world = new ActivityWorld(new ApiClient(port));
        String company = world.company("manager1");
        WebSession manager1 = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);
        String page = "/companies/" + company;
        String yesterday = LocalDate.now(ActivityWorld.MOSCOW).minusDays(1).toString();

        HttpResponse<String> refused = manager1.submit(page, page + "/activities", Map.of("type", "CALL",
                "subject", "Уточнить сроки", "date", yesterday, "startTime", "10:00", "endTime", "10:15"),
                "HX-Request", "true");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"startTime\"", "Это время уже прошло");
        assertThat(activitiesOf(company)).isZero();

        String tomorrow = LocalDate.now(ActivityWorld.MOSCOW).plusDays(1).toString();
        HttpResponse<String> planned = manager1.submit(page, page + "/activities", Map.of("type", "CALL",
                "subject", "Уточнить сроки", "date", tomorrow, "startTime", "10:00", "endTime", "10:15"),
                "HX-Request", "true");
        assertThat(planned.body()).contains("id=\"activity-planned\"", "Уточнить сроки");
        assertThat(planned.headers().firstValue("HX-Trigger")).contains("companyChanged");
        assertThat(activitiesOf(company)).isEqualTo(1);

        WebSession manager2 = WebSession.loggedIn(port, "manager2", ApiClient.DEMO_PASSWORD);
        assertThat(manager2.get(page + "/activities").statusCode()).isEqualTo(404);
        assertThat(manager2.get(page + "/timeline").statusCode()).isEqualTo(404);
        UUID id = jdbc.sql("select id from activity where company_id = :company")
                .param("company", UUID.fromString(company)).query(UUID.class).single();
        assertThat(manager2.get("/activities/" + id + "/outcome").statusCode()).isEqualTo(404);
        assertThat(manager1.get("/activities/" + id + "/outcome").body()).contains("id=\"outcome-form\"");
    }

    @Test
    void theHeadSeesTheTeamsAgendaAndFiltersItByOwner() {
        ApiClient api = new ApiClient(port);
        ActivityWorld world = new ActivityWorld(api);
        String company = world.company("manager1");
        String id = world.meeting("manager1", company);
        String owner = api.as("manager1").get(ActivityWorld.ACTIVITIES + "/" + id).json().path("ownerId").asString();

        WebSession head = WebSession.loggedIn(port, "head", ApiClient.DEMO_PASSWORD);
        assertThat(head.get("/activities").body()).contains("data-activity=\"" + id + "\"", "id=\"agenda-owner\"");
        assertThat(head.get("/activities?owner=" + owner).body()).contains("data-activity=\"" + id + "\"");
        String someoneElse = api.as("manager2").get("/api/v1/me").json().path("id").asString();
        assertThat(head.get("/activities?owner=" + someoneElse).body()).doesNotContain("data-activity=\"" + id + "\"");

        WebSession manager1 = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);
        String agenda = manager1.get("/activities").body();
        assertThat(agenda).contains("data-activity=\"" + id + "\"").doesNotContain("id=\"agenda-owner\"");
        WebSession manager2 = WebSession.loggedIn(port, "manager2", ApiClient.DEMO_PASSWORD);
        assertThat(manager2.get("/activities").body()).doesNotContain("data-activity=\"" + id + "\"");
    }

    private long activitiesOf(String company) {
        return jdbc.sql("select count(*) from activity where company_id = :company")
                .param("company", UUID.fromString(company)).query(Long.class).single();
    }
}
