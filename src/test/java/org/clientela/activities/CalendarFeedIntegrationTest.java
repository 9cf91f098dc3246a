package org.clientela.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;

/**
 * The personal iCalendar feed, read back by an independent parser (biweekly): the events' moments
 * are the activities' in their own zones — the parser is made to rely on the feed's VTIMEZONE
 * components, not on its own zone data — text with commas, semicolons and Cyrillic past a folded
 * line comes back whole, a cancelled activity is CANCELLED, another's activities are absent, a
 * revoked address is dead at once, and the address itself is only for a logged-in user.
 */
@IntegrationTest
class CalendarFeedIntegrationTest {

    static final String FEED = "/api/v1/me/calendar-feed";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");

    @LocalServerPort
    int port;

    @Test
    void theFeedHasTheUsersActivitiesAtTheirMomentsInTheirZones() {
        ApiClient api = new ApiClient(port);
        ActivityWorld world = new ActivityWorld(api);
        String company = world.company("manager1");
        String contact = world.contact("manager1", company, "Кузнецова Мария Павловна");

        String subject = "Цены; объёмы, сроки и упаковка \\ стеклопакеты СПД 4М1-16-4М1, 4М1-10-4М1-10-4М1 — "
                + "согласовать до конца квартала";
        ZonedDateTime moscowStart = LocalDate.now(ActivityWorld.MOSCOW).plusDays(3).atTime(LocalTime.of(10, 0))
                .atZone(ActivityWorld.MOSCOW);
        String moscow = plan(api, company, subject, moscowStart, moscowStart.plusHours(1), contact);

        // Berlin's next change of the clocks: a meeting from half an hour before it to an hour after
        ZoneOffsetTransition change = BERLIN.getRules().nextTransition(Instant.now());
        ZonedDateTime berlinStart = change.getInstant().minusSeconds(30 * 60).atZone(BERLIN);
        ZonedDateTime berlinEnd = change.getInstant().plusSeconds(60 * 60).atZone(BERLIN);
        assertThat(berlinStart.getOffset()).isNotEqualTo(berlinEnd.getOffset());
        String berlin = plan(api, company, "Выставка в Мюнхене", berlinStart, berlinEnd);
        // and one a week after the change, in the other offset all day
        ZonedDateTime afterChange = change.getInstant().atZone(BERLIN).toLocalDate().plusDays(7)
                .atTime(LocalTime.of(9, 30)).atZone(BERLIN);
        String berlinLater = plan(api, company, "Визит к дилеру", afterChange, afterChange.plusMinutes(90));

        ZonedDateTime vladivostokStart = LocalDate.now(VLADIVOSTOK).plusDays(5).atTime(LocalTime.of(8, 0))
                .atZone(VLADIVOSTOK);
        String vladivostok = plan(api, company, "Созвон с филиалом", vladivostokStart,
                vladivostokStart.plusMinutes(30));
        String cancelled = plan(api, company, "Отменённая встреча", moscowStart.plusDays(1),
                moscowStart.plusDays(1).plusHours(1));
        api.as("manager1").post(ActivityWorld.ACTIVITIES + "/" + cancelled + "/cancellation",
                Map.of("reason", "Клиент перенёс закупку", "version", 0)).isJson(200);

        String othersCompany = world.company("manager2");
        String others = world.meeting("manager2", othersCompany);

        ApiClient.Response feed = fetch(api, feedUrl(api, "manager1"));
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar").containsIgnoringCase("charset=utf-8");
        assertFolded(feed.body());
        assertThat(feed.body()).contains("DTSTART;TZID=Europe/Moscow:" + moscowStart.toLocalDateTime()
                .format(DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss")) + "\r\n");
        assertThat(feed.body()).contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n",
                "BEGIN:VTIMEZONE\r\nTZID:Europe/Moscow\r\n", "BEGIN:VTIMEZONE\r\nTZID:Asia/Vladivostok\r\n");

        // zone ids the parser does not know: only the feed's own VTIMEZONEs can place the events
        ICalendar calendar = parse(feed.body().replace("Europe/Berlin", "Feed-Berlin")
                .replace("Europe/Moscow", "Feed-Moscow").replace("Asia/Vladivostok", "Feed-Vladivostok"));
        assertThat(calendar.getVersion().getVersion()).isEqualTo("2.0");
        assertThat(calendar.getProductId().getValue()).isNotBlank();

        VEvent inMoscow = event(calendar, moscow);
        assertThat(inMoscow.getDateStart().getValue().toInstant()).isEqualTo(moscowStart.toInstant());
        assertThat(inMoscow.getDateEnd().getValue().toInstant()).isEqualTo(moscowStart.plusHours(1).toInstant());
        assertThat(subject.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(75);
        assertThat(inMoscow.getSummary().getValue()).isEqualTo("Встреча — " + companyName(api, company) + ": " + subject);
        assertThat(inMoscow.getDescription().getValue()).contains("Кузнецова Мария Павловна, Начальник отдела снабжения");
        assertThat(inMoscow.getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(inMoscow.getUrl().getValue()).endsWith("/companies/" + company);
        assertThat(inMoscow.getSequence().getValue()).isZero();

        VEvent acrossTheChange = event(calendar, berlin);
        assertThat(acrossTheChange.getDateStart().getValue().toInstant()).isEqualTo(berlinStart.toInstant());
        assertThat(acrossTheChange.getDateEnd().getValue().toInstant()).isEqualTo(berlinEnd.toInstant());
        assertThat(event(calendar, berlinLater).getDateStart().getValue().toInstant())
                .isEqualTo(afterChange.toInstant());
        assertThat(event(calendar, vladivostok).getDateStart().getValue().toInstant())
                .isEqualTo(vladivostokStart.toInstant());

        VEvent off = event(calendar, cancelled);
        assertThat(off.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(off.getSequence().getValue()).isEqualTo(1);
        assertThat(off.getDescription().getValue()).contains("Клиент перенёс закупку");

        assertThat(find(calendar, others)).isEmpty();
        assertThat(feed.body()).doesNotContain(others);
    }

    @Test
    void theAddressStaysUntilRevokedAndThenIsDeadAtOnce() {
        ApiClient api = new ApiClient(port);
        String first = feedUrl(api, "manager3");
        assertThat(URI.create(first).getPath()).matches("/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(feedUrl(api, "manager3")).isEqualTo(first);
        assertThat(fetch(api, first).status()).isEqualTo(200);

        api.as("manager3").delete(FEED).hasStatus(204);
        ApiClient.Response dead = fetch(api, first);
        assertThat(dead.status()).isEqualTo(404);
        assertThat(dead.body()).isEmpty();

        String second = feedUrl(api, "manager3");
        assertThat(second).isNotEqualTo(first);
        assertThat(fetch(api, second).status()).isEqualTo(200);
        assertThat(fetch(api, first).status()).isEqualTo(404);
    }

    @Test
    void theAddressIsForALoggedInUserAndAnUnknownTokenSaysNothing() {
        ApiClient api = new ApiClient(port);
        api.anonymous().get(FEED).isProblem(401);
        api.anonymous().delete(FEED).isProblem(401);
        ApiClient.Response unknown = api.anonymous().get("/calendar-feeds/" + "A".repeat(43) + ".ics");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEmpty();
        // the open door is the feed's file only: the folder beside it still wants a login
        assertThat(api.anonymous().get("/calendar-feeds/" + "A".repeat(43)).status()).isNotEqualTo(200);
    }

    private static String plan(ApiClient api, String company, String subject, ZonedDateTime start, ZonedDateTime end,
            String... contacts) {
        Map<String, Object> body = ActivityWorld.meeting(company, start.toOffsetDateTime().toString(),
                end.toOffsetDateTime().toString(), contacts);
        body.put("subject", subject);
        body.put("timeZone", start.getZone().getId());
        return api.as("manager1").post(ActivityWorld.ACTIVITIES, body).isJson(201).id();
    }

    private static String feedUrl(ApiClient api, String user) {
        return api.as(user).get(FEED).isJson(200).json().path("url").asString();
    }

    /** A calendar program's fetch: no login, nothing but the address. */
    private static ApiClient.Response fetch(ApiClient api, String url) {
        return api.anonymous().get(URI.create(url).getRawPath());
    }

    private static String companyName(ApiClient api, String company) {
        return api.as("manager1").get("/api/v1/companies/" + company).json().path("name").asString();
    }

    private static ICalendar parse(String text) {
        List<List<ParseWarning>> warnings = new ArrayList<>();
        ICalendar calendar = Biweekly.parse(text).warnings(warnings).first();
        assertThat(warnings).allSatisfy(list -> assertThat(list).isEmpty());
        return calendar;
    }

    private static Optional<VEvent> find(ICalendar calendar, String activity) {
        return calendar.getEvents().stream().filter(event -> event.getUid().getValue().equals(activity + "@clientela"))
                .findFirst();
    }

    private static VEvent event(ICalendar calendar, String activity) {
        return find(calendar, activity).orElseThrow(() -> new AssertionError("no event of " + activity));
    }

    /** RFC 5545 §3.1: CRLF line ends, no line over 75 octets, no UTF-8 character cut by a fold. */
    private static void assertFolded(String body) {
        assertThat(body).endsWith("\r\n");
        assertThat(body.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : body.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\uFFFD");
        }
    }
}
