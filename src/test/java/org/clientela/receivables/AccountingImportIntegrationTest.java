package org.clientela.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.ApiClient.Response;
import org.clientela.IntegrationTest;
import org.clientela.clients.CompanyNumbers;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Payments and invoices from the accounting system: a bank statement as CSV (UTF-8 or
 * Windows-1251), invoices as XLSX; every problem at its row and column, all or nothing, and what
 * is there already skipped rather than written twice.
 */
@IntegrationTest
class AccountingImportIntegrationTest {

    static final String PAYMENTS = "/api/v1/payments/import";
    static final String INVOICES = "/api/v1/invoices/import";
    static final String HEADER = "Дата;Номер п/п;ИНН плательщика;КПП плательщика;Сумма;Назначение платежа\n";
    static final DateTimeFormatter RUSSIAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    ReceivablesWorld world;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        world = new ReceivablesWorld(api);
        today = ReceivablesWorld.today();
    }

    @Test
    void aStatementWithMistakesIsRefusedRowByRowAndNothingIsWritten() {
        UUID company = world.companyOf("manager1", "Выписка");
        String inn = world.innOf(company);
        String invoice = world.invoice(company, today.minusDays(20), today.minusDays(5), "1000.00").path("number")
                .asString();
        String csv = HEADER
                + day(1) + ";101;" + inn + ";773601001;600,00;Оплата по счёту " + invoice + " от 01.03.2025\n"
                + day(1) + ";102;" + CompanyNumbers.organisationInn() + ";773601001;100,00;Оплата\n"
                + day(1) + ";103;" + inn + ";773601001;12,345;Оплата\n"
                + "32.13.2025;104;" + inn + ";773601001;100,00;Оплата\n"
                + day(1) + ";105;" + inn + ";;5 000,00;Оплата\n";

        Response refused = upload(PAYMENTS, "statement.csv", utf8WithBom(csv)).isProblem(422);

        JsonNode report = refused.json().path("report");
        assertThat(report.path("rows").asInt()).isEqualTo(5);
        assertThat(report.path("valid").asBoolean()).isFalse();
        assertThat(report.path("committed").asBoolean()).isFalse();
        assertThat(problems(report)).containsExactly("3 inn ИНН плательщика", "4 amount Сумма", "5 date Дата",
                "6 amount Сумма");
        // the fifth row: 5 000 for a debt of 1 000 less the 600 of the second row
        assertThat(report.path("problems").get(3).path("message").asString()).contains("400,00");
        assertThat(report.path("results").get(0).path("status").asString()).isEqualTo("OK");
        assertThat(report.path("results").get(0).path("companyId").asString()).isEqualTo(company.toString());
        assertThat(paymentsOf(company)).isZero();

        JsonNode checked = upload(PAYMENTS + "?dryRun=true", "statement.csv", utf8WithBom(csv)).isJson(200).json();
        assertThat(checked.path("problemCount").asInt()).isEqualTo(4);
        assertThat(paymentsOf(company)).isZero();
    }

    @Test
    void aStatementIsWrittenInTheOrderOfItsDatesAndWhatIsThereAlreadySkipped() {
        UUID company = world.companyOf("manager2", "Выписка");
        String inn = world.innOf(company);
        JsonNode first = world.invoice(company, today.minusDays(30), today.minusDays(10), "1000.00");
        JsonNode second = world.invoice(company, today.minusDays(20), today.minusDays(5), "500.00");
        // recorded by hand already: 50 to the first invoice
        world.pay(company, today.minusDays(4), "50.00", Map.of("reference", "10")).isJson(201);
        String csv = "Дата,Номер п/п,ИНН плательщика,КПП плательщика,Сумма,Назначение платежа,Аванс\n"
                + day(3) + ",11," + inn + ",773601001,700.00,\"Оплата по счёту, в т.ч. НДС\",\n"
                + day(2) + ",12," + inn + ",773601001,900.00,\"Предоплата по договору\",да\n"
                + day(3) + ",11," + inn + ",773601001,700.00,\"Оплата по счёту, в т.ч. НДС\",\n"
                + day(4) + ",10," + inn + ",773601001,50.00,\"Оплата\",нет\n";
        byte[] windows1251 = csv.getBytes(Charset.forName("windows-1251"));

        JsonNode report = upload(PAYMENTS, "выписка.csv", windows1251).isJson(200).json();

        assertThat(report.path("committed").asBoolean()).isTrue();
        assertThat(report.path("toWrite").asInt()).isEqualTo(2);
        assertThat(report.path("duplicateCount").asInt()).isEqualTo(2);
        assertThat(report.path("results").findValuesAsString("status"))
                .containsExactly("OK", "OK", "DUPLICATE", "DUPLICATE");
        // 700 (3 days ago) to the first (950 owed); 900 (2 days ago): its last 250, the second's 500, 150 left
        JsonNode firstNow = world.invoiceById(first.path("id").asString());
        JsonNode secondNow = world.invoiceById(second.path("id").asString());
        assertThat(firstNow.path("paidAmount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(firstNow.path("settledOn").asString()).isEqualTo(today.minusDays(2).toString());
        assertThat(secondNow.path("paidAmount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(paymentsOf(company)).isEqualTo(3);
        JsonNode balance = api.as("credit").get("/api/v1/companies/" + company + "/balance").isJson(200).json();
        assertThat(balance.path("unallocated").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(jdbc.sql("select count(*) from payment where company_id = :c and source = 'IMPORT'")
                .param("c", company).query(Long.class).single()).isEqualTo(2);

        // the same statement again: nothing new
        JsonNode again = upload(PAYMENTS, "выписка.csv", windows1251).isJson(200).json();
        assertThat(again.path("toWrite").asInt()).isZero();
        assertThat(again.path("duplicateCount").asInt()).isEqualTo(4);
        assertThat(paymentsOf(company)).isEqualTo(3);
    }

    @Test
    void invoicesFromAWorkbookAreWrittenAndPaidFromTheClientsCredit() throws IOException {
        UUID company = world.companyOf("manager1", "Счета");
        String inn = world.innOf(company);
        world.pay(company, today.minusDays(10), "300.00", Map.of("advance", true)).isJson(201);
        String first = ApiClient.unique("БУХ");
        String second = ApiClient.unique("БУХ");
        byte[] workbook = workbook(List.of(
                List.of(first, today.minusDays(5), today.plusDays(5), inn, "773601001", 240, 40),
                List.of(second, RUSSIAN.format(today.minusDays(1)), "", inn, "773601001", "120,00", "20,00")));

        JsonNode report = upload(INVOICES, "счета.xlsx", workbook).isJson(200).json();

        assertThat(report.path("committed").asBoolean()).isTrue();
        assertThat(report.path("toWrite").asInt()).isEqualTo(2);
        JsonNode written = api.as("credit").get("/api/v1/invoices?companyId=" + company + "&sort=number,asc")
                .isJson(200).json().path("content");
        JsonNode firstNow = byNumber(written, first);
        JsonNode secondNow = byNumber(written, second);
        // the date cells of a spreadsheet are days since 1899: read as dates
        assertThat(firstNow.path("issueDate").asString()).isEqualTo(today.minusDays(5).toString());
        assertThat(firstNow.path("dueDate").asString()).isEqualTo(today.plusDays(5).toString());
        assertThat(firstNow.path("source").asString()).isEqualTo("IMPORT");
        // no due date and no terms: due on its date
        assertThat(secondNow.path("dueDate").asString()).isEqualTo(today.minusDays(1).toString());
        // written in the order of their dates, each paid from what credit is left: 240, then 60 of 120
        assertThat(firstNow.path("paidAmount").decimalValue()).isEqualByComparingTo("240.00");
        assertThat(firstNow.path("settledOn").asString()).isEqualTo(today.minusDays(5).toString());
        assertThat(secondNow.path("paidAmount").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(secondNow.path("vatAmount").decimalValue()).isEqualByComparingTo("20.00");

        JsonNode again = upload(INVOICES, "счета.xlsx", workbook).isJson(200).json();
        assertThat(again.path("duplicateCount").asInt()).isEqualTo(2);
        // a number another invoice has is a problem, not a duplicate
        byte[] clash = workbook(List.<List<Object>>of(
                List.of(first, today.minusDays(4), today.plusDays(5), inn, "773601001", 999, 0)));
        JsonNode refused = upload(INVOICES, "счета.xlsx", clash).isProblem(422).json().path("report");
        assertThat(problems(refused)).containsExactly("2 number Номер счёта");
    }

    @Test
    void aHeadFindsOnlyTheClientsOfTheTeamByTheirInn() {
        UUID otherTeams = world.companyOf("manager3", "Чужая выписка");
        String csv = HEADER + day(1) + ";1;" + world.innOf(otherTeams) + ";773601001;10,00;Аванс\n";

        JsonNode report = api.as("head").upload(PAYMENTS + "?dryRun=true", "file", "s.csv", utf8WithBom(csv),
                Map.of()).isJson(200).json();

        assertThat(problems(report)).containsExactly("2 inn ИНН плательщика");
        assertThat(report.path("results").get(0).has("companyName")).isFalse();
    }

    @Test
    void aFileThatIsNoStatementIsRefusedAtTheFieldFile() {
        Response pdf = upload(PAYMENTS, "scan.pdf", "%PDF-1.7 binary".getBytes(StandardCharsets.ISO_8859_1))
                .isProblem(415);
        assertThat(pdf.errorFields()).containsExactly("file");
        Response noAmount = upload(PAYMENTS, "s.csv", utf8WithBom("Дата;Номер п/п;ИНН плательщика\n01.03.2025;1;7707083893\n"))
                .isProblem(400);
        assertThat(noAmount.errorFields()).containsExactly("file");
        assertThat(noAmount.body()).contains("Сумма");
        api.as("manager1").upload(PAYMENTS, "file", "s.csv", utf8WithBom(HEADER), Map.of()).isProblem(403);
    }

    private Response upload(String path, String name, byte[] content) {
        return api.as("credit").upload(path, "file", name, content, Map.of());
    }

    private String day(int daysAgo) {
        return RUSSIAN.format(today.minusDays(daysAgo));
    }

    private static byte[] utf8WithBom(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Invoices as a spreadsheet has them: dates as date cells, amounts as numbers where given so. */
    private static byte[] workbook(List<List<Object>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Счета");
        List<String> headers = List.of("Номер счёта", "Дата счёта", "Срок оплаты", "ИНН", "КПП", "Сумма с НДС", "НДС");
        for (int column = 0; column < headers.size(); column++) {
            sheet.value(0, column, headers.get(column));
        }
        for (int row = 0; row < rows.size(); row++) {
            for (int column = 0; column < rows.get(row).size(); column++) {
                Object value = rows.get(row).get(column);
                if (value instanceof LocalDate date) {
                    sheet.value(row + 1, column, date);
                    sheet.style(row + 1, column).format("dd.mm.yyyy").set();
                } else if (value instanceof Number number) {
                    sheet.value(row + 1, column, number);
                } else if (!value.toString().isEmpty()) {
                    sheet.value(row + 1, column, value.toString());
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    private static JsonNode byNumber(JsonNode invoices, String number) {
        for (JsonNode invoice : invoices) {
            if (invoice.path("number").asString().equals(number)) {
                return invoice;
            }
        }
        throw new AssertionError("No invoice " + number + " in " + invoices);
    }

    /** Each problem as «row field column». */
    private static List<String> problems(JsonNode report) {
        List<String> problems = new ArrayList<>();
        for (JsonNode problem : report.path("problems")) {
            problems.add(problem.path("row").asInt() + " " + problem.path("field").asString() + " "
                    + problem.path("column").asString());
        }
        return problems;
    }

    private long paymentsOf(UUID company) {
        return jdbc.sql("select count(*) from payment where company_id = :c").param("c", company).query(Long.class)
                .single();
    }
}
