package org.clientela.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.clientela.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Punctuality computed by hand on four meetings done one day: on time, 5 and 20 minutes late, and
 * one begun early — 2 of 4 late (50 %), 12.5 minutes late on average, 20 at most. A manager sees
 * their own, their head the team's, the director everyone's; anyone else gets 404.
 */
@IntegrationTest
class PunctualityIntegrationTest {

    static final String PUNCTUALITY = "/api/v1/activities/punctuality";

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    @Test
    void figuresOfADayWithTwoLateStartsOutOfFour() {
        ApiClient api = new ApiClient(port);
        Colleague owner = Colleague.inTeamOf(api, "manager1");
        String company = ReminderWebIntegrationTest.company(api, owner, ApiClient.unique("Пунктуальность"));
        LocalDate day = LocalDate.now(ActivityWorld.MOSCOW).plusDays(1);
        List<String> ids = new ArrayList<>();
        for (String time : List.of("10:00", "11:00", "12:00", "13:00")) {
            ids.add(owner.as(api).post(ActivityWorld.ACTIVITIES, ActivityWorld.meeting(company, at(day, time),
                    at(day, LocalTime.parse(time).plusMinutes(30).toString()))).isJson(201).id());
        }
        // one not done yet: it does not count
        owner.as(api).post(ActivityWorld.ACTIVITIES, ActivityWorld.meeting(company, at(day, "15:00"),
                at(day, "16:00"))).isJson(201);
        clock.moveForward(Duration.ofDays(2));
        try {
            List<String> actual = List.of("10:00", "11:05", "12:20", "12:55");
            for (int i = 0; i < ids.size(); i++) {
                owner.as(api).post(ActivityWorld.ACTIVITIES + "/" + ids.get(i) + "/outcome", Map.of(
                        "actualStart", at(day, actual.get(i)), "outcome", "Обсудили поставки", "version", 0))
                        .isJson(200);
            }
            String query = PUNCTUALITY + "?from=" + day + "&to=" + day + "&ownerId=" + owner.id();
            JsonNode mine = owner.as(api).get(PUNCTUALITY + "?from=" + day + "&to=" + day).isJson(200).json();
            assertThat(mine.path("owners")).hasSize(1);
            JsonNode figures = mine.path("owners").get(0);
            assertThat(figures.path("ownerId").asString()).isEqualTo(owner.id());
            assertThat(figures.path("done").asInt()).isEqualTo(4);
            assertThat(figures.path("late").asInt()).isEqualTo(2);
            assertThat(figures.path("lateShare").decimalValue()).isEqualByComparingTo("50.0");
            assertThat(figures.path("averageLateMinutes").decimalValue()).isEqualByComparingTo("12.5");
            assertThat(figures.path("maxLateMinutes").asInt()).isEqualTo(20);
            // the latest start first
            assertThat(figures.path("lateStarts").findValuesAsString("id")).containsExactly(ids.get(2), ids.get(1));
            assertThat(figures.path("lateStarts").get(0).path("lateMinutes").asInt()).isEqualTo(20);
            assertThat(OffsetDateTime.parse(figures.path("lateStarts").get(0).path("actualStart").asString()))
                    .isEqualTo(OffsetDateTime.parse(at(day, "12:20")));

            for (String allowed : List.of("head", "director")) {
                JsonNode seen = api.as(allowed).get(query).isJson(200).json().path("owners");
                assertThat(seen).hasSize(1);
                assertThat(seen.get(0).path("averageLateMinutes").decimalValue()).isEqualByComparingTo("12.5");
            }
            JsonNode team = api.as("head").get(PUNCTUALITY + "?from=" + day + "&to=" + day).json().path("owners");
            assertThat(team.findValuesAsString("ownerId")).contains(owner.id());
            for (String other : List.of("manager2", "manager3")) {
                api.as(other).get(query).isProblem(404);
                assertThat(api.as(other).get(PUNCTUALITY + "?from=" + day + "&to=" + day).json().path("owners")
                        .findValuesAsString("ownerId")).doesNotContain(owner.id());
            }
            String manager1 = api.as("manager1").get("/api/v1/me").json().path("id").asString();
            owner.as(api).get(PUNCTUALITY + "?ownerId=" + manager1).isProblem(404);

            // the day before: nothing done
            JsonNode before = owner.as(api).get(PUNCTUALITY + "?from=" + day.minusDays(1) + "&to="
                    + day.minusDays(1) + "&ownerId=" + owner.id()).isJson(200).json().path("owners").get(0);
            assertThat(before.path("done").asInt()).isZero();
            assertThat(before.path("lateShare").decimalValue()).isEqualByComparingTo("0");
            assertThat(before.has("averageLateMinutes")).isFalse();

            WebSession page = WebSession.loggedIn(port, owner.username(), Colleague.PASSWORD);
            String html = page.get("/activities/punctuality?from=" + day + "&to=" + day).body();
            assertThat(html).contains("data-owner=\"" + owner.id() + "\"", "50 %", "12,5",
                    "data-activity=\"" + ids.get(2) + "\"", "data-activity=\"" + ids.get(1) + "\"")
                    .doesNotContain("data-activity=\"" + ids.get(0) + "\"");
            String headPage = WebSession.loggedIn(port, "head", ApiClient.DEMO_PASSWORD)
                    .get("/activities/punctuality?from=" + day + "&to=" + day + "&owner=" + owner.id()).body();
            assertThat(headPage).contains("id=\"punctuality-owner\"", "data-activity=\"" + ids.get(2) + "\"");
            assertThat(WebSession.loggedIn(port, "manager2", ApiClient.DEMO_PASSWORD)
                    .get("/activities/punctuality?owner=" + owner.id()).statusCode()).isEqualTo(404);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aWrongPeriodIsRefusedAtItsField() {
        ApiClient api = new ApiClient(port);
        assertThat(api.as("manager1").get(PUNCTUALITY + "?from=2026-13-01").isProblem(400).errorFields())
                .containsExactly("from");
        assertThat(api.as("manager1").get(PUNCTUALITY + "?from=2026-03-10&to=2026-03-01").isProblem(400)
                .errorFields()).containsExactly("to");
        assertThat(api.as("manager1").get(PUNCTUALITY + "?ownerId=nobody").isProblem(400).errorFields())
                .containsExactly("ownerId");
        JsonNode month = api.as("manager1").get(PUNCTUALITY).isJson(200).json();
        LocalDate today = LocalDate.now(ActivityWorld.MOSCOW);
        assertThat(month.path("from").asString()).isEqualTo(today.withDayOfMonth(1).toString());
        assertThat(month.path("to").asString()).isEqualTo(today.withDayOfMonth(today.lengthOfMonth()).toString());
        String page = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD)
                .get("/activities/punctuality?from=2026-03-10&to=2026-03-01").body();
        assertThat(page).contains("id=\"punctuality-problems\"", "Конец периода раньше начала.");
    }

    private static String at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(ActivityWorld.MOSCOW).toOffsetDateTime().toString();
    }
}
