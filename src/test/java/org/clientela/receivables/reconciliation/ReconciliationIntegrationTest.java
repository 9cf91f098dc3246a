package org.clientela.receivables.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.clientela.ApiClient;
import org.clientela.ApiClient.Response;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.clientela.clients.CompanyId;
import org.clientela.receivables.InvoiceView;
import org.clientela.receivables.Invoices;
import org.clientela.receivables.ReceivablesTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The reconciliation statement on a small hand-made history, last year's February:
 * <pre>
 * 10 Jan  invoice A   100 000,00     before the period
 * 20 Jan  payment 101  60 000,00     before the period       opening balance  40 000,00
 *  1 Feb  invoice B    50 000,00     first day of the period  balance          90 000,00
 * 15 Feb  payment 215  30 000,00                              balance          60 000,00
 * 28 Feb  invoice C    25 000,50     last day of the period   balance          85 000,50
 *  1 Mar  payment 301  10 000,00     after the period
 * </pre>
 * Turnover: debit 75 000,50, credit 30 000,00; closing balance 85 000,50 in the seller's favour.
 */
@IntegrationTest
class ReconciliationIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Invoices invoices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    ApiClient api;
    ReceivablesTestData data;
    int year;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        data = new ReceivablesTestData(api, invoices, jdbc);
        year = LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow"))).getYear() - 1;
    }

    record History(CompanyId company, String name, InvoiceView b, InvoiceView c) {
    }

    private History february(String manager) {
        String name = ApiClient.unique("Окна-Сервис");
        CompanyId company = data.company(manager, name);
        data.invoice(company, day(1, 10), "100000.00");
        data.payment(company, day(1, 20), "60000.00", "101");
        InvoiceView b = data.invoice(company, day(2, 1), "50000.00");
        data.payment(company, day(2, 15), "30000.00", "215");
        InvoiceView c = data.invoice(company, day(2, 28), "25000.50");
        data.payment(company, day(3, 1), "10000.00", "301");
        return new History(company, name, b, c);
    }

    @Test
    void theStatementHasTheOpeningBalanceThePeriodsDocumentsInOrderTheTurnoversAndTheClosingBalance() {
        History history = february("manager1");

        JsonNode statement = api.as("manager1").get(path(history.company(), day(2, 1), day(2, 28))).isJson(200).json();

        assertThat(statement.path("openingBalance").decimalValue()).isEqualByComparingTo("40000.00");
        assertThat(statement.path("debitTurnover").decimalValue()).isEqualByComparingTo("75000.50");
        assertThat(statement.path("creditTurnover").decimalValue()).isEqualByComparingTo("30000.00");
        assertThat(statement.path("closingBalance").decimalValue()).isEqualByComparingTo("85000.50");
        assertThat(statement.path("inFavourOf").asString()).isEqualTo("SELLER");
        assertThat(statement.path("currency").asString()).isEqualTo("RUB");
        List<String> lines = new ArrayList<>();
        statement.path("lines").forEach(line -> lines.add(line.path("date").asString() + " "
                + line.path("kind").asString() + " " + amount(line.path("debit")) + " " + amount(line.path("credit"))
                + " " + amount(line.path("balance"))));
        assertThat(lines).containsExactly(
                day(2, 1) + " SALE 50000.00 - 90000.00",
                day(2, 15) + " PAYMENT - 30000.00 60000.00",
                day(2, 28) + " SALE 25000.50 - 85000.50");
        assertThat(statement.path("lines").get(0).path("description").asString())
                .isEqualTo("Реализация (счёт " + history.b().number() + " от 01.02." + year + ")");
        assertThat(statement.path("lines").get(1).path("description").asString())
                .isEqualTo("Оплата (п/п № 215 от 15.02." + year + ")");
        assertThat(statement.path("buyer").path("name").asString()).isEqualTo("ООО «" + history.name() + "»");
        assertThat(statement.path("seller").path("name").asString()).isEqualTo("ООО «СтеклоПрофи»");
        assertThat(statement.path("closingStatement").asString().replace('\u00A0', ' '))
                .isEqualTo("По данным ООО «СтеклоПрофи» на 28.02." + year
                        + " задолженность в пользу ООО «СтеклоПрофи» составляет 85 000,50 руб.");
    }

    @Test
    void aPeriodAfterEverythingOnlyCarriesTheBalanceAndAnOverpaymentIsInTheBuyersFavour() {
        History history = february("manager1");
        data.payment(history.company(), day(3, 5), "80000.50", "305");

        JsonNode march = api.as("manager1").get(path(history.company(), day(3, 2), day(3, 31))).isJson(200).json();

        // 85 000,50 − 10 000,00 (1 Mar) = 75 000,50 owed at the start; 80 000,50 paid on 5 Mar
        assertThat(march.path("openingBalance").decimalValue()).isEqualByComparingTo("75000.50");
        assertThat(march.path("lines")).hasSize(1);
        assertThat(march.path("debitTurnover").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(march.path("creditTurnover").decimalValue()).isEqualByComparingTo("80000.50");
        assertThat(march.path("closingBalance").decimalValue()).isEqualByComparingTo("-5000.00");
        assertThat(march.path("inFavourOf").asString()).isEqualTo("BUYER");
        assertThat(march.path("closingStatement").asString().replace('\u00A0', ' '))
                .isEqualTo("По данным ООО «СтеклоПрофи» на 31.03." + year + " задолженность в пользу покупателя ООО «"
                        + history.name() + "» составляет 5 000,00 руб.");

        JsonNode oneDay = api.as("manager1").get(path(history.company(), day(2, 28), day(2, 28))).isJson(200).json();
        assertThat(oneDay.path("openingBalance").decimalValue()).as("everything before 28 Feb")
                .isEqualByComparingTo("60000.00");
        assertThat(oneDay.path("lines")).hasSize(1);
        assertThat(oneDay.path("closingBalance").decimalValue()).isEqualByComparingTo("85000.50");
    }

    @Test
    void aWrongPeriodIsRefusedAtItsFields() {
        CompanyId company = data.company("manager1", ApiClient.unique("Период"));
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow")));

        assertThat(api.as("manager1").get(path(company, day(3, 1), day(2, 1))).isProblem(400).errorFields())
                .containsExactly("from");
        assertThat(api.as("manager1").get(path(company, today.minusDays(3), today.plusDays(1))).isProblem(400)
                .errorFields()).containsExactly("to");
        assertThat(api.as("manager1").get("/api/v1/companies/" + company + "/reconciliation?from=" + year
                + "-13-01&to=").isProblem(400).errorFields()).containsExactlyInAnyOrder("from", "to");
        api.as("manager1").get(path(company, today, today)).isJson(200);
    }

    @Test
    void aCompanyOneMayNotSeeHasNoStatement() {
        History history = february("manager1");

        api.as("manager3").get(path(history.company(), day(2, 1), day(2, 28))).isProblem(404);
        assertThat(pdf("manager3", history.company()).statusCode()).isEqualTo(404);
        api.as("head").get(path(history.company(), day(2, 1), day(2, 28))).isJson(200);
    }

    @Test
    void thePdfIsTheRussianFormWithTheFontEmbedded() throws IOException {
        History history = february("manager1");

        HttpResponse<byte[]> response = pdf("manager1", history.company());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            // the layout breaks lines where it likes: one space for any run of white space
            String text = new PDFTextStripper().getText(pdf).replace('\u00A0', ' ').replaceAll("\\s+", " ");
            assertThat(text).contains("Акт сверки взаимных расчётов", "ООО «" + history.name() + "»",
                    "ООО «СтеклоПрофи»", "Сальдо начальное", "40 000,00", "85 000,50 ₽",
                    "составляет 85 000,50 руб.", "М. П.");
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                PDResources resources = page.getResources();
                for (var name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.getName()).contains("DejaVuSans");
                assertThat(font.isEmbedded()).isTrue();
            });
        }
    }

    @Test
    void thePageShowsTheFormAndSaysWhatIsWrongWithAPeriod() {
        History history = february("manager1");
        WebSession browser = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);

        HttpResponse<String> page = browser.get("/companies/" + history.company() + "/reconciliation?from="
                + day(2, 1) + "&to=" + day(2, 28));

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body().replace('\u00A0', ' ');
        assertThat(html).contains("Акт сверки взаимных расчётов",
                "за период с 01.02." + year + " по 28.02." + year + " между ООО «СтеклоПрофи» и ООО «"
                        + history.name() + "» по всем договорам",
                "По данным ООО «" + history.name() + "», руб.", "85 000,50 ₽", "(подпись) / (расшифровка подписи)");
        assertThat(browser.download("/companies/" + history.company() + "/reconciliation/pdf?from=" + day(2, 1)
                + "&to=" + day(2, 28)).headers().firstValue("Content-Type")).hasValue("application/pdf");

        HttpResponse<String> wrong = browser.get("/companies/" + history.company() + "/reconciliation?from="
                + day(3, 1) + "&to=" + day(2, 1));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("data-field=\"from\"", "Начало периода позже его конца.")
                .doesNotContain("id=\"statement\"");
        HttpResponse<byte[]> wrongPdf = browser.download("/companies/" + history.company()
                + "/reconciliation/pdf?from=" + day(3, 1) + "&to=" + day(2, 1));
        assertThat(wrongPdf.statusCode()).as("back to the page that says why").isEqualTo(303);
        assertThat(WebSession.location(wrongPdf)).isEqualTo("/companies/" + history.company()
                + "/reconciliation?from=" + day(3, 1) + "&to=" + day(2, 1));
        assertThat(WebSession.loggedIn(port, "manager3", ApiClient.DEMO_PASSWORD)
                .get("/companies/" + history.company() + "/reconciliation").statusCode()).isEqualTo(404);
    }

    private HttpResponse<byte[]> pdf(String user, CompanyId company) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + path(company, day(2, 1), day(2, 28))))
                .header("Accept", "application/pdf")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + ApiClient.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An amount as the test writes it, or "-" for none. */
    private static String amount(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "-" : node.decimalValue().setScale(2).toPlainString();
    }

    private LocalDate day(int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private static String path(CompanyId company, LocalDate from, LocalDate to) {
        return "/api/v1/companies/" + company + "/reconciliation?from=" + from + "&to=" + to;
    }
}
