package org.clientela.receivables.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.clientela.clients.CompanyId;
import org.clientela.receivables.InvoiceView;
import org.clientela.receivables.Invoices;
import org.clientela.receivables.ReceivablesTestData;
import org.clientela.receivables.ReceivablesWorld;
import org.clientela.receivables.ReceivablesWorld.Manager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The collection on screen: the company's section with its forms, the start page's tasks, the
 * claim letter, the schedule and the administrator's run.
 */
@IntegrationTest
class CollectionWebIntegrationTest {

    static final String[] HTMX = {"HX-Request", "true"};

    @LocalServerPort
    int port;
    @Autowired
    CollectionRun run;
    @Autowired
    Invoices invoices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    ReceivablesTestData data;
    LocalDate today;

    @BeforeEach
    void setUp() {
        data = new ReceivablesTestData(new ApiClient(port), invoices, jdbc);
        today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow")));
    }

    @Test
    void theSectionShowsTheActionsAndRecordsAPromiseWithTheMistakesAtTheirFields() {
        String name = ApiClient.unique("Секция");
        CompanyId company = data.company("manager1", name);
        InvoiceView invoice = data.invoice(company, today.minusDays(10), "50000.00");
        run.runFor(today);
        WebSession manager = session("manager1");
        String section = "/companies/" + company + "/collection";

        String html = manager.get(section, HTMX).body().replace('\u00A0', ' ');
        assertThat(html).contains("id=\"open-actions\"", "Звонок клиенту", "Напоминание по e-mail", invoice.number(),
                "Ни у кого из контактов клиента нет e-mail", "Кузнецов Дмитрий Александрович", "50 000,00 ₽",
                "id=\"no-promises\"");
        assertThat(session("manager3").get(section, HTMX).statusCode()).isEqualTo(404);
        assertThat(manager.get(section + "/promises/new", HTMX).body()).contains("id=\"promise-form\"");

        HttpResponse<String> wrong = manager.submit(section + "/promises/new", section + "/promises",
                Map.of("promisedDate", today.minusDays(1).toString(), "amount", "0", "invoiceId", ""), HTMX);
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("data-field=\"promisedDate\"", "data-field=\"amount\"",
                "Сумма должна быть больше нуля.");
        assertThat(promisesOf(company)).isZero();

        HttpResponse<String> saved = manager.submit(section + "/promises/new", section + "/promises", Map.of("promisedDate",
                today.plusDays(3).toString(), "amount", "10 000", "invoiceId", invoice.id().toString(), "madeBy",
                "Петрова", "note", ""), HTMX);
        String after = saved.body().replace('\u00A0', ' ');
        assertThat(after).contains("id=\"promise-saved\"", "data-status=\"OPEN\"", "обещал(а): Петрова",
                "Записано обещание оплатить 10 000,00 ₽ по счёту " + invoice.number());
        assertThat(promisesOf(company)).isEqualTo(1);
    }

    @Test
    void theAssigneeMarksAnActionDoneWithItsOutcomeAndTheHeadsEscalationIsTheHeads() {
        CompanyId company = data.company("manager1", ApiClient.unique("Выполнено"));
        InvoiceView invoice = data.invoice(company, today.minusDays(40), "8000.00");
        run.runFor(today);
        UUID call = action(invoice, "CALL_TASK");
        UUID escalation = action(invoice, "ESCALATION");
        WebSession manager = session("manager1");
        String section = "/companies/" + company + "/collection";
        String done = section + "/actions/" + call + "/done";

        assertThat(manager.get(done, HTMX).body()).contains("id=\"done-form\"");
        HttpResponse<String> empty = manager.submit(done, done, Map.of("outcome", " ", "version", "0"), HTMX);
        assertThat(empty.body()).contains("data-field=\"outcome\"", "Напишите итог");
        assertThat(status(call)).isEqualTo("OPEN");

        HttpResponse<String> stale = manager.submit(done, done, Map.of("outcome", "Дозвонился", "version", "7"), HTMX);
        assertThat(stale.body()).contains("Запись уже изменил кто-то другой");
        assertThat(status(call)).isEqualTo("OPEN");

        HttpResponse<String> finished = manager.submit(done, done,
                Map.of("outcome", "Бухгалтер обещала оплатить в пятницу", "version", "0"), HTMX);
        assertThat(finished.body()).contains("id=\"action-done\"", "id=\"closed-actions\"",
                "Бухгалтер обещала оплатить в пятницу", "Звонок клиенту по счёту " + invoice.number() + " выполнено");
        assertThat(status(call)).isEqualTo("DONE");
        assertThat(jdbc.sql("select done_by from collection_action where id = :id").param("id", call)
                .query(UUID.class).single()).isEqualTo(CollectionRunIntegrationTest.MANAGER1);

        assertThat(manager.get(section + "/actions/" + escalation + "/done", HTMX).statusCode())
                .as("the head's escalation is not the manager's to close").isEqualTo(403);
        assertThat(session("head").get(section + "/actions/" + escalation + "/done", HTMX).statusCode())
                .isEqualTo(200);
        assertThat(session("manager3").get(done, HTMX).statusCode()).isEqualTo(404);
    }

    @Test
    void theStartPageListsTheUsersOpenTasksThoseLateFirst() {
        // a manager of one's own: every run acts on all overdue invoices, and the panel shows twenty tasks
        ReceivablesWorld world = new ReceivablesWorld(new ApiClient(port));
        Manager manager = world.newManager();
        CompanyId late = data.company(world.as(manager), ApiClient.unique("Опоздавший"));
        InvoiceView old = data.invoice(late, today.minusDays(60), "1000.00");
        run.runFor(today.minusDays(50));
        CompanyId fresh = data.company(world.as(manager), ApiClient.unique("Свежий"));
        InvoiceView recent = data.invoice(fresh, today.minusDays(8), "2000.00");
        run.runFor(today);

        String panel = WebSession.loggedIn(port, manager.username(), ReceivablesWorld.PASSWORD)
                .get("/collection/tasks", HTMX).body();

        assertThat(panel).contains(old.number(), recent.number(), "data-late=\"true\"");
        assertThat(panel.indexOf(old.number())).as("late tasks first").isLessThan(panel.indexOf(recent.number()));
        assertThat(session("manager2").get("/collection/tasks", HTMX).body()).doesNotContain(old.number());
        assertThat(session("head").get("/").body()).contains("/collection/tasks");
    }

    @Test
    void theLetterTaskPrintsTheClaimWithTheInvoice() {
        String name = ApiClient.unique("Претензия");
        CompanyId company = data.company("manager1", name);
        InvoiceView invoice = data.invoice(company, today.minusDays(20), "64000.00");
        data.pay(invoice, today.minusDays(2), "4000.00");
        run.runFor(today);
        String letter = "/collection/actions/" + action(invoice, "LETTER") + "/letter";

        String html = session("manager1").get(letter).body().replace('\u00A0', ' ');

        assertThat(html).contains("Претензия (напоминание об оплате)", "ООО «" + name + "»",
                "счёт № " + invoice.number(), "на сумму 64 000,00 ₽", "оплачено 4 000,00 ₽",
                "задолженность составляет 60 000,00 ₽, просрочка — 20 дн.", "ООО «СтеклоПрофи»",
                "Исполнитель: Кузнецов Дмитрий Александрович");
        assertThat(session("manager3").get(letter).statusCode()).isEqualTo(404);
    }

    @Test
    void theScheduleIsKeptByTheHeadWithItsMistakesAtTheirFields() {
        assertThat(session("manager1").get("/collection/steps").statusCode()).isEqualTo(403);
        assertThat(session("credit").get("/collection/steps").statusCode()).isEqualTo(200);
        WebSession head = session("head");
        assertThat(head.get("/collection/steps").body()).contains("data-kind=\"ESCALATION\" data-days=\"30\"")
                .doesNotContain("id=\"run-now\"");

        HttpResponse<String> taken = head.submit("/collection/steps", "/collection/steps",
                Map.of("kind", "CALL_TASK", "days", "7"));
        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(taken.body()).contains("data-field=\"days\"",
                "Шаг «Звонок клиенту» на 7-й день после срока оплаты в графике уже есть.");
        HttpResponse<String> negative = head.submit("/collection/steps", "/collection/steps",
                Map.of("kind", "LETTER", "days", "-1"));
        assertThat(negative.body()).contains("data-field=\"days\"", "Число дней — от 0 до 3650.");

        try {
            HttpResponse<String> added = head.submit("/collection/steps", "/collection/steps",
                    Map.of("kind", "CALL_TASK", "days", "3333"));
            assertThat(added.statusCode()).isEqualTo(302);
            assertThat(head.get("/collection/steps").body()).contains("data-kind=\"CALL_TASK\" data-days=\"3333\"",
                    "График сохранён.");
            UUID step = jdbc.sql("select id from collection_step where kind = 'CALL_TASK' and days_after_due = 3333")
                    .query(UUID.class).single();
            head.submit("/collection/steps", "/collection/steps/" + step,
                    Map.of("kind", "LETTER", "days", "3334", "version", "0"));
            assertThat(head.get("/collection/steps").body()).contains("data-kind=\"LETTER\" data-days=\"3334\"");
            HttpResponse<String> stale = head.submit("/collection/steps", "/collection/steps/" + step + "/remove",
                    Map.of("version", "0"));
            assertThat(stale.statusCode()).isEqualTo(302);
            assertThat(head.get("/collection/steps").body()).contains("data-days=\"3334\"", "id=\"flash-error\"");
            head.submit("/collection/steps", "/collection/steps/" + step + "/remove", Map.of("version", "1"));
            assertThat(head.get("/collection/steps").body()).doesNotContain("data-days=\"3334\"")
                    .contains("Шаг удалён из графика");
        } finally {
            jdbc.sql("delete from collection_step where days_after_due in (3333, 3334)").update();
        }
    }

    @Test
    void theAdministratorRunsTheCollectionNowAndNobodyElseMay() {
        CompanyId company = data.company("manager1", ApiClient.unique("Сейчас"));
        InvoiceView invoice = data.invoice(company, today.minusDays(2), "900.00");
        WebSession head = session("head");
        HttpResponse<String> refused = head.submit("/collection/steps", "/collection/run", Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from collection_action where invoice_id = :id").param("id", invoice.id())
                .query(Long.class).single()).isZero();

        WebSession admin = session("admin");
        assertThat(admin.get("/collection/steps").body()).contains("id=\"run-now\"");
        HttpResponse<String> ran = admin.submit("/collection/steps", "/collection/run", Map.of());

        assertThat(ran.statusCode()).isEqualTo(302);
        assertThat(admin.get("/collection/steps").body()).contains("id=\"run-outcome\"");
        assertThat(action(invoice, "EMAIL_REMINDER")).isNotNull();
    }

    private WebSession session(String user) {
        return WebSession.loggedIn(port, user, ApiClient.DEMO_PASSWORD);
    }

    private UUID action(InvoiceView invoice, String kind) {
        return jdbc.sql("select id from collection_action where invoice_id = :invoice and kind = :kind")
                .param("invoice", invoice.id()).param("kind", kind).query(UUID.class).single();
    }

    private String status(UUID action) {
        return jdbc.sql("select status from collection_action where id = :id").param("id", action)
                .query(String.class).single();
    }

    private long promisesOf(CompanyId company) {
        return jdbc.sql("select count(*) from payment_promise where company_id = :company")
                .param("company", company.value()).query(Long.class).single();
    }
}
