package org.clientela.receivables.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.clients.CompanyId;
import org.clientela.receivables.InvoiceView;
import org.clientela.receivables.Invoices;
import org.clientela.receivables.ReceivablesTestData;
import org.clientela.receivables.collection.CollectionRun.RunOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * The daily collection run on days the test chooses: which steps appear on which day, once; what
 * a promise to pay holds back and what its breaking brings forward; what a payment cancels; and
 * that the run's lock lets one run work at a time.
 */
@IntegrationTest
class CollectionRunIntegrationTest {

    static final UUID HEAD = UUID.nameUUIDFromBytes("clientela-demo:user:head".getBytes());
    static final UUID DIRECTOR = UUID.nameUUIDFromBytes("clientela-demo:user:director".getBytes());
    static final UUID MANAGER1 = UUID.nameUUIDFromBytes("clientela-demo:user:manager1".getBytes());

    @LocalServerPort
    int port;
    @Autowired
    CollectionRun run;
    @Autowired
    Invoices invoices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenMail greenMail;
    @Autowired
    LockProvider lockProvider;
    @Autowired
    Clock clock;

    ApiClient api;
    ReceivablesTestData data;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        data = new ReceivablesTestData(api, invoices, jdbc);
        today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow")));
    }

    @Test
    void eachStepAppearsOnItsDayOnceAndTheReminderReachesTheDecisionMaker() throws Exception {
        String domain = ApiClient.unique("steps") + ".collection.test";
        CompanyId company = data.company("manager1", ApiClient.unique("Стеклодом"));
        data.contact("manager1", company, "Петров Пётр Петрович", "USER", "buyer@" + domain);
        data.contact("manager1", company, "Сидорова Анна Павловна", "DECISION_MAKER", "director@" + domain);
        LocalDate due = today.minusDays(60);
        InvoiceView invoice = data.invoice(company, due, "120000.00");

        run.runFor(due);
        assertThat(actions(invoice)).isEmpty();

        run.runFor(due.plusDays(1));
        run.runFor(due.plusDays(1));
        assertThat(actions(invoice)).singleElement().satisfies(action -> {
            assertThat(action.get("kind")).isEqualTo("EMAIL_REMINDER");
            assertThat(action.get("created_on")).isEqualTo(due.plusDays(1));
            assertThat(action.get("status")).isEqualTo("DONE");
            assertThat(action.get("mailed_to")).isEqualTo("director@" + domain);
        });
        MimeMessage[] mails = greenMail.getReceivedMessagesForDomain(domain);
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("director@" + domain);
        assertThat(mails[0].getSubject()).isEqualTo("Напоминание об оплате счёта № " + invoice.number() + " от "
                + Dates.russian(due));
        String body = ((String) mails[0].getContent()).replace('\u00A0', ' ');
        assertThat(body).startsWith("Здравствуйте, Сидорова Анна Павловна!")
                .contains("счёта № " + invoice.number() + " от " + Dates.russian(due) + " на сумму 120 000,00 руб.")
                .contains("истёк " + Dates.russian(due) + "; просрочка составляет 1 дн.")
                .contains("Остаток к оплате: 120 000,00 руб.")
                .contains("Кузнецов Дмитрий Александрович");

        run.runFor(due.plusDays(6));
        assertThat(kinds(invoice)).containsExactly("EMAIL_REMINDER");

        run.runFor(due.plusDays(7));
        run.runFor(due.plusDays(7));
        assertThat(kinds(invoice)).containsExactly("EMAIL_REMINDER", "CALL_TASK");
        Map<String, Object> call = actions(invoice).get(1);
        assertThat(call.get("status")).isEqualTo("OPEN");
        assertThat(call.get("assigned_to")).isEqualTo(MANAGER1);
        assertThat(call.get("created_on")).isEqualTo(due.plusDays(7));
        assertThat(call.get("due_on")).isEqualTo(due.plusDays(10));

        run.runFor(due.plusDays(14));
        assertThat(kinds(invoice)).containsExactly("EMAIL_REMINDER", "CALL_TASK", "LETTER");

        run.runFor(due.plusDays(29));
        assertThat(kinds(invoice)).hasSize(3);
        run.runFor(due.plusDays(30));
        run.runFor(due.plusDays(30));
        assertThat(kinds(invoice)).containsExactly("EMAIL_REMINDER", "CALL_TASK", "LETTER", "ESCALATION");
        Map<String, Object> escalation = actions(invoice).get(3);
        assertThat(escalation.get("assigned_to")).as("the head of manager1's team").isEqualTo(HEAD);
        assertThat(escalation.get("mailed_to")).isEqualTo("head@demo.clientela.local");
        assertThat(mailsTo("demo.clientela.local", invoice.number())).singleElement().satisfies(mail -> {
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("head@demo.clientela.local");
            assertThat(mail.getSubject()).contains("Эскалация", invoice.number(), "30 дн.");
        });
        assertThat(greenMail.getReceivedMessagesForDomain(domain)).as("one reminder, whatever the runs").hasSize(1);
    }

    @Test
    void aRunAfterMissedDaysCatchesUpAndAnEscalationWithoutAHeadGoesToTheDirector() {
        CompanyId company = data.company("manager3", ApiClient.unique("Регион-Стекло"));
        InvoiceView invoice = data.invoice(company, today.minusDays(90), "5000.00");

        run.runFor(today.minusDays(55));

        assertThat(kinds(invoice)).containsExactly("EMAIL_REMINDER", "CALL_TASK", "LETTER", "ESCALATION");
        assertThat(actions(invoice)).allSatisfy(action -> assertThat(action.get("created_on"))
                .isEqualTo(today.minusDays(55)));
        assertThat(actions(invoice).get(0).get("status"))
                .as("no one at the client to e-mail: the reminder is the manager's task").isEqualTo("OPEN");
        assertThat(actions(invoice).get(0).get("mailed_to")).isNull();
        assertThat(actions(invoice).get(3).get("assigned_to"))
                .as("manager3's team has no head").isEqualTo(DIRECTOR);
    }

    @Test
    void aPromiseHoldsTheStepsBackAndItsBreakingBringsTheNextStepAtOnce() {
        CompanyId company = data.company("manager1", ApiClient.unique("Обещалкин"));
        InvoiceView invoice = data.invoice(company, today.minusDays(10), "50000.00");
        run.runFor(today);
        assertThat(kinds(invoice)).containsExactly("EMAIL_REMINDER", "CALL_TASK");

        String promise = api.as("manager1").post("/api/v1/companies/" + company + "/promises", Map.of(
                "promisedDate", today.plusDays(5).toString(), "amount", 50000, "madeBy", "главный бухгалтер"))
                .isJson(201).id();

        run.runFor(today.plusDays(4));
        run.runFor(today.plusDays(5));
        assertThat(kinds(invoice)).as("the letter's day (+4) came while the promise held")
                .containsExactly("EMAIL_REMINDER", "CALL_TASK");
        assertThat(promiseStatus(promise)).isEqualTo("OPEN");

        run.runFor(today.plusDays(6));

        assertThat(promiseStatus(promise)).isEqualTo("BROKEN");
        assertThat(kinds(invoice)).containsExactly("EMAIL_REMINDER", "CALL_TASK", "LETTER", "ESCALATION");
        Map<String, Object> letter = actions(invoice).get(2);
        assertThat(letter.get("created_on")).isEqualTo(today.plusDays(6));
        assertThat(letter.get("raised_by_promise")).as("its day had come").isNull();
        Map<String, Object> escalation = actions(invoice).get(3);
        assertThat(escalation.get("created_on")).as("brought forward from day 30 (+20)").isEqualTo(today.plusDays(6));
        assertThat(escalation.get("raised_by_promise")).isEqualTo(UUID.fromString(promise));

        run.runFor(today.plusDays(20));
        assertThat(kinds(invoice)).hasSize(4);
    }

    @Test
    void aKeptPromiseBringsNothingForwardAndTheScheduleGoesOn() {
        CompanyId company = data.company("manager1", ApiClient.unique("Держислово"));
        InvoiceView invoice = data.invoice(company, today.minusDays(10), "50000.00");
        run.runFor(today);
        String promise = api.as("manager1").post("/api/v1/companies/" + company + "/promises", Map.of(
                "promisedDate", today.plusDays(2).toString(), "amount", "20 000,00", "invoiceId",
                invoice.id().toString())).isJson(201).id();
        data.pay(invoice, today.plusDays(1), "20000.00");

        run.runFor(today.plusDays(3));

        assertThat(promiseStatus(promise)).isEqualTo("KEPT");
        assertThat(kinds(invoice)).as("nothing brought forward").containsExactly("EMAIL_REMINDER", "CALL_TASK");
        run.runFor(today.plusDays(4));
        assertThat(kinds(invoice)).as("30 000 still owed: the letter on its day")
                .containsExactly("EMAIL_REMINDER", "CALL_TASK", "LETTER");
        assertThat(actions(invoice).get(2).get("raised_by_promise")).isNull();
    }

    @Test
    void anInvoicePaidMeanwhileHasItsOpenActionsCancelledAndGetsNoMore() {
        CompanyId company = data.company("manager1", ApiClient.unique("Платёжный"));
        LocalDate due = today.minusDays(60);
        InvoiceView invoice = data.invoice(company, due, "7000.00");
        run.runFor(due.plusDays(7));
        assertThat(statuses(invoice)).containsExactly("OPEN", "OPEN");

        data.pay(invoice, due.plusDays(8), "7000.00");
        run.runFor(due.plusDays(9));

        assertThat(statuses(invoice)).containsExactly("CANCELLED", "CANCELLED");
        run.runFor(due.plusDays(30));
        assertThat(kinds(invoice)).containsExactly("EMAIL_REMINDER", "CALL_TASK");
    }

    @Test
    void twoRunsAtOnceMakeOneSetOfActionsAndOneReminder() throws Exception {
        String domain = ApiClient.unique("lock") + ".collection.test";
        CompanyId company = data.company("manager1", ApiClient.unique("Двойной запуск"));
        data.contact("manager1", company, "Орлов Олег Олегович", "DECISION_MAKER", "orlov@" + domain);
        LocalDate due = today.minusDays(60);
        InvoiceView invoice = data.invoice(company, due, "15000.00");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<RunOutcome>>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<Optional<RunOutcome>> call = () -> {
                    start.await();
                    return run.runFor(due.plusDays(14));
                };
                runs.add(pool.submit(call));
            }
            start.countDown();
            int worked = 0;
            for (Future<Optional<RunOutcome>> outcome : runs) {
                worked += outcome.get().isPresent() ? 1 : 0;
            }
            assertThat(worked).isBetween(1, 2);
        } finally {
            pool.shutdownNow();
        }

        assertThat(kinds(invoice)).containsExactly("EMAIL_REMINDER", "CALL_TASK", "LETTER");
        assertThat(greenMail.getReceivedMessagesForDomain(domain)).hasSize(1);
    }

    @Test
    void aRunWhileAnotherHoldsTheLockDoesNothing() {
        CompanyId company = data.company("manager1", ApiClient.unique("Под замком"));
        LocalDate due = today.minusDays(60);
        InvoiceView invoice = data.invoice(company, due, "3000.00");
        SimpleLock held = lockProvider.lock(new LockConfiguration(clock.instant(), CollectionRun.LOCK,
                Duration.ofMinutes(5), Duration.ZERO)).orElseThrow();
        try {
            assertThat(run.runFor(due.plusDays(1))).isEmpty();
            assertThat(kinds(invoice)).isEmpty();
        } finally {
            held.unlock();
        }

        assertThat(run.runFor(due.plusDays(1))).hasValueSatisfying(outcome ->
                assertThat(outcome.day()).isEqualTo(due.plusDays(1)));
        assertThat(kinds(invoice)).containsExactly("EMAIL_REMINDER");
    }

    private List<Map<String, Object>> actions(InvoiceView invoice) {
        return jdbc.sql("""
                        select kind, status, created_on, due_on, assigned_to, mailed_to, raised_by_promise
                        from collection_action where invoice_id = :invoice
                        order by days_after_due""")
                .param("invoice", invoice.id())
                .query((rs, row) -> {
                    Map<String, Object> action = new java.util.HashMap<>();
                    action.put("kind", rs.getString("kind"));
                    action.put("status", rs.getString("status"));
                    action.put("created_on", rs.getObject("created_on", LocalDate.class));
                    action.put("due_on", rs.getObject("due_on", LocalDate.class));
                    action.put("assigned_to", rs.getObject("assigned_to", UUID.class));
                    action.put("mailed_to", rs.getString("mailed_to"));
                    action.put("raised_by_promise", rs.getObject("raised_by_promise", UUID.class));
                    return action;
                }).list();
    }

    private List<String> kinds(InvoiceView invoice) {
        return actions(invoice).stream().map(action -> (String) action.get("kind")).toList();
    }

    private List<String> statuses(InvoiceView invoice) {
        return actions(invoice).stream().map(action -> (String) action.get("status")).toList();
    }

    private String promiseStatus(String id) {
        return jdbc.sql("select status from payment_promise where id = :id").param("id", UUID.fromString(id))
                .query(String.class).single();
    }

    private List<MimeMessage> mailsTo(String domain, String invoiceNumber) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage mail : greenMail.getReceivedMessagesForDomain(domain)) {
            if (mail.getSubject().contains(invoiceNumber)) {
                found.add(mail);
            }
        }
        return found;
    }
}
