package org.clientela.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.clientela.receivables.ReceivablesWorld.Manager;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The receivables' screens as a browser without JavaScript gets them, and as htmx posts to them:
 * the debt list of a manager with a team of their own (so every client on it is known), the
 * company page's section with its payment form, the start page's panel, the ageing report with
 * its export, and the import of a bank statement.
 *
 * <p>The manager's clients: Z owes 1 500 due 45 days ago and 700 due in 7 days; W owes 300 due 5
 * days ago; V owes 100 due in 3 days.
 */
@IntegrationTest
class ReceivablesWebIntegrationTest {

    static final String NBSP = "\u00a0";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    ReceivablesWorld world;
    LocalDate today;
    Manager manager;
    UUID z;
    UUID w;
    UUID v;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        world = new ReceivablesWorld(api);
        today = ReceivablesWorld.today();
        manager = world.newManager();
        z = world.companyOf(manager, "Зет");
        w = world.companyOf(manager, "Дубль-вэ");
        v = world.companyOf(manager, "Вэ");
        world.invoice(z, today.minusDays(60), today.minusDays(45), "1500.00");
        world.invoice(z, today.minusDays(3), today.plusDays(7), "700.00");
        world.invoice(w, today.minusDays(20), today.minusDays(5), "300.00");
        world.invoice(v, today.minusDays(1), today.plusDays(3), "100.00");
    }

    private WebSession asManager() {
        return WebSession.loggedIn(port, manager.username(), ReceivablesWorld.PASSWORD);
    }

    @Test
    void theDebtListShowsTheManagersOverdueClientsTheMostOverdueFirst() {
        WebSession session = asManager();

        String page = session.get("/receivables").body();

        assertThat(rows(page)).containsExactly(z.toString(), w.toString());
        // Z: 2 200 owed, 1 500 overdue 45 days, next due in 7 days; W: 300 overdue 5 days
        assertThat(row(page, z)).contains(money("2 200,00"), money("1 500,00"), ">45<", "31–60 дней",
                today.plusDays(7).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        assertThat(row(page, w)).contains(money("300,00"), ">5<", "1–30 дней");
        // the buckets of both: 700 not due, 300 of 1–30, 1 500 of 31–60; 1 800 overdue
        assertThat(card(page, "total-NOT_DUE")).contains(money("700,00"));
        assertThat(card(page, "total-DAYS_1_30")).contains(money("300,00"));
        assertThat(card(page, "total-DAYS_31_60")).contains(money("1 500,00"));
        assertThat(card(page, "total-overdue")).contains(money("1 800,00"));
        // a manager who sees only their own clients gets no choice of manager
        assertThat(page).doesNotContain("id=\"ownerId\"");

        assertThat(rows(session.get("/receivables?bucket=DAYS_31_60").body())).containsExactly(z.toString());
        String all = session.get("/receivables?all=true").body();
        assertThat(rows(all)).containsExactly(z.toString(), w.toString(), v.toString());
        assertThat(card(all, "total-NOT_DUE")).contains(money("800,00"));
        assertThat(session.get("/receivables?bucket=LATE").body()).contains("is-invalid");
        assertThat(session.get("/").body()).contains("href=\"/receivables\"", "Дебиторка");
    }

    @Test
    void theHeadChoosesAManagerOfTheTeam() {
        String page = WebSession.loggedIn(port, "head", ApiClient.DEMO_PASSWORD).get("/receivables").body();

        assertThat(page).contains("id=\"ownerId\"", "Кузнецов Дмитрий Александрович")
                .doesNotContain(manager.fullName(), "Попов Игорь Петрович");
        String director = WebSession.loggedIn(port, "director", ApiClient.DEMO_PASSWORD)
                .get("/receivables?ownerId=" + manager.id()).body();
        assertThat(rows(director)).containsExactly(z.toString(), w.toString());
    }

    @Test
    void theCompanyPageShowsTheAccountAndTakesAPaymentInPlace() {
        WebSession session = asManager();
        assertThat(session.get("/companies/" + z).body()).contains("/companies/" + z + "/receivables", "Расчёты");

        String section = session.get("/companies/" + z + "/receivables").body();
        assertThat(section).contains(money("2 200,00"), money("1 500,00"), "open-invoice", "payment-form",
                "Внести оплату");

        String wrong = session.submit("/companies/" + z, "/companies/" + z + "/receivables/payments",
                Map.of("date", today.plusDays(1).toString(), "amount", "сто", "reference", "", "purpose", "",
                        "invoiceNumber", ""), "HX-Request", "true").body();
        assertThat(invalid(wrong)).containsExactlyInAnyOrder("date", "amount", "reference");
        assertThat(wrong).contains("Дата не может быть позже сегодняшнего дня", "«сто» — не сумма в рублях");
        String tooMuch = session.submit("/companies/" + z, "/companies/" + z + "/receivables/payments",
                Map.of("date", today.toString(), "amount", "5 000", "reference", "77", "purpose", "",
                        "invoiceNumber", ""), "HX-Request", "true").body();
        assertThat(invalid(tooMuch)).containsExactly("amount");
        assertThat(tooMuch).contains("аванс");
        assertThat(paymentsOf(z)).isZero();

        String recorded = session.submit("/companies/" + z, "/companies/" + z + "/receivables/payments",
                Map.of("date", today.toString(), "amount", "1 500,00", "reference", "77", "purpose", "Оплата",
                        "invoiceNumber", ""), "HX-Request", "true").body();
        assertThat(recorded).contains("payment-recorded", money("1 500,00"));
        // the oldest invoice is paid: 700 owed, nothing overdue
        assertThat(figure(recorded, "account-owed")).isEqualTo(money("700,00"));
        assertThat(figure(recorded, "account-overdue")).isEqualTo(money("0,00"));
        assertThat(invalid(recorded)).isEmpty();

        WebSession other = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);
        assertThat(other.get("/companies/" + z + "/receivables").statusCode()).isEqualTo(404);
        assertThat(other.submit("/", "/companies/" + z + "/receivables/payments", Map.of("date", today.toString(),
                "amount", "1", "reference", "1"), "HX-Request", "true").statusCode()).isEqualTo(404);
    }

    @Test
    void theStartPageListsTheClientsWithOverdueDebts() {
        WebSession session = asManager();

        assertThat(session.get("/").body()).contains("Просроченная задолженность", "/receivables/panel");
        String panel = session.get("/receivables/panel", "HX-Request", "true").body();

        assertThat(panel).contains(money("1 800,00")).contains("/companies/" + z, "/companies/" + w)
                .doesNotContain("/companies/" + v);
        assertThat(panel.indexOf("/companies/" + z)).isLessThan(panel.indexOf("/companies/" + w));
    }

    @Test
    void theAgeingReportIsShownAndExportedWithItsTotal() throws IOException {
        WebSession session = asManager();

        String page = session.get("/receivables/aging?groupBy=company").body();
        assertThat(page).contains("Зет-", "Дубль-вэ-", "Вэ-", money("2 600,00"));

        HttpResponse<byte[]> file = session.download("/receivables/aging/export?groupBy=company&asOf=" + today);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"aging-" + today + "-company.xlsx\"");
        List<Row> rows = xlsx(file.body());
        assertThat(rowNumber(rows, 1).getCellText(0)).contains("Дебиторская задолженность на");
        assertThat(rowNumber(rows, 3).getCellText(0)).isEqualTo("По клиентам");
        // Z, W, V by what is overdue, then the total: 700 + 100 not due, 300 of 1–30, 1 500 of 31–60
        assertThat(rowNumber(rows, 4).getCellText(0)).startsWith("Зет-");
        assertThat(number(rowNumber(rows, 4), 3)).isEqualByComparingTo("1500");
        assertThat(number(rowNumber(rows, 4), 7)).isEqualByComparingTo("2200");
        assertThat(rowNumber(rows, 6).getCellText(0)).startsWith("Вэ-");
        Row total = rowNumber(rows, 7);
        assertThat(total.getCellText(0)).isEqualTo("Итого");
        assertThat(number(total, 1)).isEqualByComparingTo("800");
        assertThat(number(total, 2)).isEqualByComparingTo("300");
        assertThat(number(total, 3)).isEqualByComparingTo("1500");
        assertThat(number(total, 6)).isEqualByComparingTo("1800");
        assertThat(number(total, 7)).isEqualByComparingTo("2600");
        assertThat(jdbc.sql("""
                        select count(*) from audit_log
                        where entity_type = 'Receivables' and action = 'EXPORTED' and actor = :actor""")
                .param("actor", manager.username()).query(Long.class).single()).isEqualTo(1);
        assertThat(session.download("/receivables/aging/export?asOf=" + today.plusDays(1)).statusCode())
                .isEqualTo(400);
        assertThat(session.get("/receivables/aging?asOf=" + today.plusDays(1)).body()).contains("is-invalid",
                "Отчёт строится на сегодня или на прошедший день");
    }

    @Test
    void aBankStatementIsCheckedRowByRowThenImported() {
        WebSession credit = WebSession.loggedIn(port, "credit", ApiClient.DEMO_PASSWORD);
        String csv = "Дата;Номер п/п;ИНН плательщика;КПП плательщика;Сумма;Назначение платежа\n"
                + today.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + ";9;" + world.innOf(w)
                + ";773601001;300,00;Оплата\n";

        HttpResponse<String> uploaded = credit.upload("/receivables/import", "/receivables/import", "file",
                "statement.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).isEqualTo(302);
        String preview = WebSession.location(uploaded);
        String checked = credit.get(preview).body();
        assertThat(checked).contains("import-valid", "Дубль-вэ-", money("300,00"), "Будет загружена");
        assertThat(paymentsOf(w)).isZero();

        HttpResponse<String> imported = credit.submit(preview, preview + "/commit", Map.of());
        assertThat(WebSession.location(imported)).isEqualTo(preview);
        assertThat(credit.get(preview).body()).contains("import-done", "Загружено: 1");
        assertThat(paymentsOf(w)).isEqualTo(1);

        assertThat(asManager().get("/receivables/import").statusCode()).isEqualTo(403);
        assertThat(WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD).get(preview).statusCode())
                .isEqualTo(403);
        HttpResponse<String> notATable = credit.upload("/receivables/import", "/receivables/import", "file",
                "scan.pdf", "%PDF-1.7".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(notATable.statusCode()).isEqualTo(400);
        assertThat(notATable.body()).contains("import-file-error", "Это не таблица CSV или XLSX");
    }

    private long paymentsOf(UUID company) {
        return jdbc.sql("select count(*) from payment where company_id = :c").param("c", company).query(Long.class)
                .single();
    }

    /** The Russian UI's amount: no-break spaces between the thousands and before the sign. */
    private static String money(String amount) {
        return amount.replace(" ", NBSP) + NBSP + "₽";
    }

    /** The companies of the debt list in their order. */
    private static List<String> rows(String html) {
        return Stream.of(html.split("class=\"debt-row\"")).skip(1)
                .map(row -> row.substring(row.indexOf("data-id=\"") + 9, row.indexOf("data-id=\"") + 45)).toList();
    }

    private static String row(String html, UUID company) {
        int start = html.indexOf("data-id=\"" + company + "\"");
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static String card(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        return html.substring(start, html.indexOf("</span>", html.indexOf("bucket-amount", start)));
    }

    private static String figure(String html, String id) {
        int start = html.indexOf(">", html.indexOf("id=\"" + id + "\"")) + 1;
        return html.substring(start, html.indexOf("<", start));
    }

    /** The fields of the answer marked wrong, by their messages' {@code data-field}. */
    private static List<String> invalid(String html) {
        return Stream.of(html.split("data-field=\"")).skip(1).map(part -> part.substring(0, part.indexOf('"')))
                .toList();
    }

    private static List<Row> xlsx(byte[] file) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file));
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            return rows.toList();
        }
    }

    /** A row as a spreadsheet numbers it (from 1): the empty ones are not in the file. */
    private static Row rowNumber(List<Row> rows, int number) {
        return rows.stream().filter(row -> row.getRowNum() == number).findFirst().orElseThrow();
    }

    private static BigDecimal number(Row row, int column) {
        return row.getCellAsNumber(column).orElseThrow();
    }
}
