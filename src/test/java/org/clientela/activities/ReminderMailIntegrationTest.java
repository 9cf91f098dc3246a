package org.clientela.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.clientela.activities.internal.ReminderRun;
import org.clientela.clients.CompanyNumbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;

/**
 * The reminders by e-mail, with the clock moved by hand and the run called as the schedule would:
 * at 60 and at 15 minutes before the start, neither earlier nor twice; a run late (the application
 * was down) sends one while the activity has not started and none after; a moved start arms them
 * again; a cancelled or done activity is reminded of no more; a person's own offsets, or none;
 * two runs at once send each reminder once.
 */
@IntegrationTest
class ReminderMailIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    GreenMail greenMail;
    @Autowired
    ReminderRun reminders;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theMeetingIsRemindedAtSixtyAndAtFifteenMinutesOnceEach() throws Exception {
        ApiClient api = new ApiClient(port);
        Colleague owner = Colleague.inNewTeam(api);
        String name = ApiClient.unique("Стеклодом");
        String company = company(api, owner, name);
        String contact = owner.as(api).post("/api/v1/companies/" + company + "/contacts", Map.of(
                "fullName", "Петров Пётр Петрович", "position", "Главный инженер",
                "phones", List.of("+7 495 123-45-67"))).isJson(201).id();
        Instant start = startInThreeHours();
        Map<String, Object> meeting = meeting(company, start, contact);
        meeting.put("location", "Офис клиента, ул. Заводская, 5");
        String id = owner.as(api).post(ActivityWorld.ACTIVITIES, meeting).isJson(201).id();
        try {
            runAt(start.minus(61, ChronoUnit.MINUTES));
            assertThat(mails(owner)).isEmpty();

            runAt(start.minus(60, ChronoUnit.MINUTES));
            assertThat(mails(owner)).singleElement().satisfies(mail -> {
                assertThat(mail.getSubject()).isEqualTo("Через 60 мин: встреча с ООО \"" + name + "\"");
                assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("manager@" + owner.domain());
                String moscow = start.atZone(ActivityWorld.MOSCOW).toLocalTime().toString();
                assertThat(mail.getContent().toString()).contains("Обсуждение поставок на квартал",
                        moscow + " (Europe/Moscow)", "Офис клиента, ул. Заводская, 5",
                        "Петров Пётр Петрович, Главный инженер: +7 495 123-45-67", "/companies/" + company);
            });
            reminders.sendDue();
            runAt(start.minus(30, ChronoUnit.MINUTES));
            assertThat(mails(owner)).hasSize(1);

            runAt(start.minus(15, ChronoUnit.MINUTES));
            runAt(start.minus(14, ChronoUnit.MINUTES));
            assertThat(subjects(owner)).containsExactly("Через 60 мин: встреча с ООО \"" + name + "\"",
                    "Через 15 мин: встреча с ООО \"" + name + "\"");

            runAt(start.plus(1, ChronoUnit.MINUTES));
            assertThat(mails(owner)).hasSize(2);
            assertThat(sent(id)).containsExactlyInAnyOrder(60, 15);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aRunLateSendsOneReminderBeforeTheStartAndNoneAfterIt() throws Exception {
        ApiClient api = new ApiClient(port);
        Colleague owner = Colleague.inNewTeam(api);
        String company = company(api, owner, ApiClient.unique("Поздний"));
        Instant start = startInThreeHours();
        String soon = owner.as(api).post(ActivityWorld.ACTIVITIES, meeting(company, start)).isJson(201).id();
        Instant later = start.plus(2, ChronoUnit.HOURS);
        String missed = owner.as(api).post(ActivityWorld.ACTIVITIES, meeting(company, later)).isJson(201).id();
        try {
            // the application was down from before the 60 minutes until 10 minutes before the start
            runAt(start.minus(10, ChronoUnit.MINUTES));
            assertThat(subjects(owner)).singleElement().asString().startsWith("Через 10 мин: встреча с ООО");
            runAt(start.minus(5, ChronoUnit.MINUTES));
            assertThat(mails(owner)).hasSize(1);
            assertThat(sent(soon)).containsExactlyInAnyOrder(60, 15);

            // and down again past the start of the later one: too late to remind of it
            runAt(later.plus(1, ChronoUnit.MINUTES));
            assertThat(mails(owner)).hasSize(1);
            assertThat(sent(missed)).isEmpty();
        } finally {
            clock.reset();
        }
    }

    @Test
    void aMovedStartArmsTheRemindersAgain() throws Exception {
        ApiClient api = new ApiClient(port);
        Colleague owner = Colleague.inNewTeam(api);
        String name = ApiClient.unique("Перенос");
        String company = company(api, owner, name);
        Instant start = startInThreeHours();
        String id = owner.as(api).post(ActivityWorld.ACTIVITIES, meeting(company, start)).isJson(201).id();
        try {
            runAt(start.minus(60, ChronoUnit.MINUTES));
            assertThat(mails(owner)).hasSize(1);

            Instant moved = start.plus(2, ChronoUnit.HOURS);
            long version = owner.as(api).get(ActivityWorld.ACTIVITIES + "/" + id).json().path("version").asLong();
            owner.as(api).patch(ActivityWorld.ACTIVITIES + "/" + id, Map.of("plannedStart", moscow(moved),
                    "plannedEnd", moscow(moved.plus(1, ChronoUnit.HOURS)), "version", version)).isJson(200);
            runAt(start.minus(15, ChronoUnit.MINUTES));
            assertThat(mails(owner)).hasSize(1);

            runAt(moved.minus(60, ChronoUnit.MINUTES));
            runAt(moved.minus(15, ChronoUnit.MINUTES));
            assertThat(subjects(owner)).hasSize(3).endsWith("Через 60 мин: встреча с ООО \"" + name + "\"",
                    "Через 15 мин: встреча с ООО \"" + name + "\"");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aCancelledOrDoneActivityIsRemindedOfNoMore() throws Exception {
        ApiClient api = new ApiClient(port);
        Colleague owner = Colleague.inNewTeam(api);
        String company = company(api, owner, ApiClient.unique("Отмена"));
        Instant start = startInThreeHours();
        String cancelled = owner.as(api).post(ActivityWorld.ACTIVITIES, meeting(company, start)).isJson(201).id();
        String done = owner.as(api).post(ActivityWorld.ACTIVITIES, meeting(company, start)).isJson(201).id();
        try {
            runAt(start.minus(60, ChronoUnit.MINUTES));
            assertThat(mails(owner)).hasSize(2);

            owner.as(api).post(ActivityWorld.ACTIVITIES + "/" + cancelled + "/cancellation",
                    Map.of("reason", "Клиент попросил перенести на следующий месяц", "version", 0)).isJson(200);
            // the client came early: the meeting is held and recorded before its time
            runAt(start.minus(40, ChronoUnit.MINUTES));
            owner.as(api).post(ActivityWorld.ACTIVITIES + "/" + done + "/outcome", Map.of(
                    "actualStart", moscow(start.minus(40, ChronoUnit.MINUTES)),
                    "outcome", "Договорились о поставке", "version", 0)).isJson(200);

            runAt(start.minus(15, ChronoUnit.MINUTES));
            assertThat(mails(owner)).hasSize(2);
            assertThat(sent(cancelled)).containsExactly(60);
            assertThat(sent(done)).containsExactly(60);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aPersonsOwnOffsetsApplyAndNoneSendsNothing() throws Exception {
        ApiClient api = new ApiClient(port);
        Colleague own = Colleague.inNewTeam(api);
        Colleague none = Colleague.inNewTeam(api);
        own.as(api).put("/api/v1/me/reminder-settings", Map.of("minutesBefore", List.of(30), "version", 0))
                .isJson(200);
        none.as(api).put("/api/v1/me/reminder-settings", Map.of("minutesBefore", List.of(), "version", 0))
                .isJson(200);
        Instant start = startInThreeHours();
        own.as(api).post(ActivityWorld.ACTIVITIES, meeting(company(api, own, ApiClient.unique("Свои")), start))
                .isJson(201);
        none.as(api).post(ActivityWorld.ACTIVITIES, meeting(company(api, none, ApiClient.unique("Тихо")), start))
                .isJson(201);
        try {
            runAt(start.minus(60, ChronoUnit.MINUTES));
            assertThat(mails(own)).isEmpty();
            runAt(start.minus(30, ChronoUnit.MINUTES));
            runAt(start.minus(15, ChronoUnit.MINUTES));
            assertThat(subjects(own)).singleElement().asString().startsWith("Через 30 мин:");
            assertThat(mails(none)).isEmpty();
        } finally {
            clock.reset();
        }
    }

    @Test
    void twoRunsAtOnceSendEachReminderOnce() throws Exception {
        ApiClient api = new ApiClient(port);
        Colleague owner = Colleague.inNewTeam(api);
        String company = company(api, owner, ApiClient.unique("Гонка"));
        Instant start = startInThreeHours();
        String id = owner.as(api).post(ActivityWorld.ACTIVITIES, meeting(company, start)).isJson(201).id();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            at(start.minus(60, ChronoUnit.MINUTES));
            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                // each as a node whose lock has expired: only the record of the reminder keeps it once
                runs.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return reminders.sendDue();
                }));
            }
            ready.await();
            go.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
            assertThat(mails(owner)).hasSize(1);
            assertThat(sent(id)).containsExactly(60);
        } finally {
            threads.shutdownNow();
            clock.reset();
        }
    }

    private void at(Instant moment) {
        clock.reset();
        clock.moveForward(Duration.between(Instant.now(), moment));
    }

    private void runAt(Instant moment) {
        at(moment);
        reminders.run();
    }

    /** Three hours from now, on a whole minute, as people plan. */
    private static Instant startInThreeHours() {
        return Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    }

    private static String moscow(Instant instant) {
        return instant.atZone(ActivityWorld.MOSCOW).toOffsetDateTime().toString();
    }

    private static Map<String, Object> meeting(String company, Instant start, String... contacts) {
        return new LinkedHashMap<>(ActivityWorld.meeting(company, moscow(start),
                moscow(start.plus(1, ChronoUnit.HOURS)), contacts));
    }

    private static String company(ApiClient api, Colleague owner, String name) {
        return owner.as(api).post("/api/v1/companies", Map.of("name", name, "legalForm", "OOO",
                "inn", CompanyNumbers.organisationInn(), "kpp", "773601001", "status", "ACTIVE")).isJson(201).id();
    }

    private List<MimeMessage> mails(Colleague owner) {
        return List.of(greenMail.getReceivedMessagesForDomain(owner.domain()));
    }

    private List<String> subjects(Colleague owner) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : mails(owner)) {
            subjects.add(mail.getSubject());
        }
        return subjects;
    }

    private List<Integer> sent(String activity) {
        return jdbc.sql("select minutes_before from activity_reminder_sent where activity_id = :id")
                .param("id", UUID.fromString(activity)).query(Integer.class).list();
    }
}
