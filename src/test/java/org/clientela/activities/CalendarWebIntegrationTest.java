package org.clientela.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The calendar pages: the week draws an activity in its day and hour, the month in its day, a
 * cancelled one struck out; a manager sees only their own, a head the team's with the owner
 * filter; and the agenda's card gives, copies and revokes the calendar feed's address.
 */
@IntegrationTest
class CalendarWebIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theWeekAndTheMonthShowTheActivitiesOfTheirDays() {
        ApiClient api = new ApiClient(port);
        ActivityWorld world = new ActivityWorld(api);
        String company = world.company("manager1");
        LocalDate day = LocalDate.now(ActivityWorld.MOSCOW).plusDays(2);
        String meeting = world.meeting("manager1", company);
        String call = api.as("manager1").post(ActivityWorld.ACTIVITIES, ActivityWorld.meeting(company,
                ActivityWorld.moscow(2, "15:30"), ActivityWorld.moscow(2, "16:00"))).isJson(201).id();
        api.as("manager1").post(ActivityWorld.ACTIVITIES + "/" + call + "/cancellation",
                Map.of("reason", "Клиент в отпуске", "version", 0)).isJson(200);

        WebSession manager1 = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);
        String week = manager1.get("/activities/calendar?view=week&date=" + day).body();
        assertThat(hourRow(week, 10)).contains(block(meeting)).contains("data-day=\"" + day + "\"")
                .contains("/activities/" + meeting + "/outcome");
        assertThat(hourRow(week, 15)).contains(block(call) + " data-status=\"cancelled\"")
                .contains("text-decoration-line-through");
        assertThat(hourRow(week, 11)).doesNotContain(block(meeting));

        String month = manager1.get("/activities/calendar?view=month&date=" + day).body();
        assertThat(month).contains("id=\"calendar-month-grid\"", block(meeting), block(call));
        String cell = month.substring(month.indexOf("data-day=\"" + day + "\""));
        assertThat(cell.substring(0, cell.indexOf("</td>"))).contains(block(meeting), block(call));

        assertThat(manager1.get("/activities/calendar?view=week&date=" + day.plusWeeks(1)).body())
                .doesNotContain(block(meeting));
        // two months on: the next month's grid may open with the last days of this one
        assertThat(manager1.get("/activities/calendar?view=month&date=" + day.plusMonths(2)).body())
                .doesNotContain(block(meeting));
        assertThat(manager1.get("/activities/calendar?view=week&date=not-a-day").body())
                .contains("id=\"calendar-bad-date\"", "Дата «not-a-day» не распознана");
        assertThat(manager1.get("/activities").body()).contains("href=\"/activities/calendar\"");
    }

    @Test
    void aManagerSeesTheirOwnAndAHeadTheTeamsByOwner() {
        ApiClient api = new ApiClient(port);
        ActivityWorld world = new ActivityWorld(api);
        String meeting = world.meeting("manager1", world.company("manager1"));
        String owner = api.as("manager1").get("/api/v1/me").json().path("id").asString();
        String someoneElse = api.as("manager2").get("/api/v1/me").json().path("id").asString();
        String page = "/activities/calendar?view=month&date=" + LocalDate.now(ActivityWorld.MOSCOW).plusDays(2);

        WebSession manager2 = WebSession.loggedIn(port, "manager2", ApiClient.DEMO_PASSWORD);
        String ofManager2 = manager2.get(page).body();
        assertThat(ofManager2).contains("id=\"calendar-month-grid\"").doesNotContain(block(meeting))
                .doesNotContain("id=\"calendar-owner\"");

        WebSession head = WebSession.loggedIn(port, "head", ApiClient.DEMO_PASSWORD);
        assertThat(head.get(page).body()).contains(block(meeting), "id=\"calendar-owner\"");
        assertThat(head.get(page + "&owner=" + owner).body()).contains(block(meeting));
        assertThat(head.get(page + "&owner=" + someoneElse).body()).doesNotContain(block(meeting));
    }

    @Test
    void theAgendasCardGivesAndRevokesTheFeedsAddress() {
        WebSession manager2 = WebSession.loggedIn(port, "manager2", ApiClient.DEMO_PASSWORD);
        String card = "/activities/calendar-feed";
        if (manager2.get(card).body().contains("id=\"calendar-feed-url\"")) {
            manager2.submit("/activities", card + "/revoke", Map.of(), "HX-Request", "true");
        }
        assertThat(manager2.get(card).body()).contains("id=\"calendar-feed-make\"")
                .doesNotContain("id=\"calendar-feed-url\"");

        HttpResponse<String> made = manager2.submit("/activities", card, Map.of(), "HX-Request", "true");
        assertThat(made.body()).contains("id=\"calendar-feed-url\"", "Скопировать", "Отозвать");
        String url = made.body().replaceAll("(?s).*id=\"calendar-feed-url\"[^>]*value=\"([^\"]+)\".*", "$1");
        assertThat(url).matches("http://localhost:" + port + "/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(manager2.get(card).body()).contains(url);
        assertThat(new ApiClient(port).as("manager2").get(CalendarFeedIntegrationTest.FEED).json().path("url")
                .asString()).isEqualTo(url);

        HttpResponse<String> revoked = manager2.submit("/activities", card + "/revoke", Map.of(), "HX-Request",
                "true");
        assertThat(revoked.body()).contains("id=\"calendar-feed-revoked\"", "id=\"calendar-feed-make\"")
                .doesNotContain(url);
        assertThat(new ApiClient(port).anonymous().get(url.substring(url.indexOf("/calendar-feeds/"))).status())
                .isEqualTo(404);
    }

    private static String block(String activity) {
        return "data-activity=\"" + activity + "\"";
    }

    /** The week's row of {@code hour}, up to the next row. */
    private static String hourRow(String week, int hour) {
        String row = week.substring(week.indexOf("<tr data-hour=\"" + hour + "\""));
        return row.substring(0, row.indexOf("</tr>"));
    }
}
