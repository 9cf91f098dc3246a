package org.clientela.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.receivables.ReceivablesWorld.Manager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * A company's balance at a date (R1), the ageing of receivables and DSO (R2) on small data whose
 * answers are worked out by hand: a manager of a team of their own with two clients, so that
 * every figure of theirs is known.
 *
 * <p>The day of the report A is ten days ago. Client X's invoices fall due 0, 30, 31, 60, 61, 90
 * and 91 days before A (each issued ten days before its due date), for 100, 200, … 700; one more,
 * of 50, is issued two days after A. Paid: the 300 (due 31 days before A) in full five days before
 * A; the 700 with 250 two days before A and its other 450 three days after A; the 500 with 150 a
 * day before A. Client Y owes 1 000, due 45 days before A.
 */
@IntegrationTest
class ReceivablesReportsIntegrationTest {

    @LocalServerPort
    int port;

    ApiClient api;
    ReceivablesWorld world;
    LocalDate today;
    LocalDate a;
    // made once: every test only reads them
    static Manager manager;
    static UUID x;
    static UUID y;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        world = new ReceivablesWorld(api);
        today = ReceivablesWorld.today();
        a = today.minusDays(10);
        if (manager == null) {
            makeTheClients();
        }
    }

    private void makeTheClients() {
        manager = world.newManager();
        x = world.companyOf(manager, "Икс");
        y = world.companyOf(manager, "Игрек");
        String[] numbers = new String[8];
        int[] daysBeforeA = {0, 30, 31, 60, 61, 90, 91};
        for (int i = 0; i < daysBeforeA.length; i++) {
            LocalDate due = a.minusDays(daysBeforeA[i]);
            numbers[i] = world.invoice(x, due.minusDays(10), due, (i + 1) + "00.00").path("number").asString();
        }
        world.invoice(x, a.plusDays(2), a.plusDays(12), "50.00");
        world.invoice(y, a.minusDays(60), a.minusDays(45), "1000.00");
        pay(x, a.minusDays(5), "300.00", numbers[2]);
        pay(x, a.minusDays(2), "250.00", numbers[6]);
        pay(x, a.plusDays(3), "450.00", numbers[6]);
        pay(x, a.minusDays(1), "150.00", numbers[4]);
    }

    private void pay(UUID company, LocalDate date, String amount, String invoice) {
        world.pay(company, date, amount, Map.of("invoiceNumber", invoice)).isJson(201);
    }

    @Test
    void theBalanceAtADayCountsWhatWasInvoicedAndPaidByThen() {
        JsonNode atA = balance(x, a);
        // 100 + 200 + … + 700 = 2 800 invoiced by A (the 50 came later); 300 + 250 + 150 = 700 paid by A
        assertThat(atA.path("invoiced").decimalValue()).isEqualByComparingTo("2800.00");
        assertThat(atA.path("paid").decimalValue()).isEqualByComparingTo("700.00");
        assertThat(atA.path("balance").decimalValue()).isEqualByComparingTo("2100.00");
        // unpaid on A: all but the 300; of them, all but the 100 due on A itself overdue
        assertThat(atA.path("openInvoices").asInt()).isEqualTo(6);
        assertThat(atA.path("openAmount").decimalValue()).isEqualByComparingTo("2100.00");
        assertThat(atA.path("overdue").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(atA.path("unallocated").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(atA.path("currency").asString()).isEqualTo("RUB");

        JsonNode now = api.as(manager.username(), ReceivablesWorld.PASSWORD)
                .get("/api/v1/companies/" + x + "/balance").isJson(200).json();
        // 2 850 invoiced, 1 150 paid; unpaid: the 100, 200, 400, 350 left of the 500, 600 and the 50 not yet due
        assertThat(now.path("asOf").asString()).isEqualTo(today.toString());
        assertThat(now.path("invoiced").decimalValue()).isEqualByComparingTo("2850.00");
        assertThat(now.path("paid").decimalValue()).isEqualByComparingTo("1150.00");
        assertThat(now.path("balance").decimalValue()).isEqualByComparingTo("1700.00");
        assertThat(now.path("openInvoices").asInt()).isEqualTo(6);
        assertThat(now.path("overdue").decimalValue()).isEqualByComparingTo("1650.00");

        JsonNode before = balance(x, a.minusDays(200));
        assertThat(before.path("invoiced").decimalValue()).isEqualByComparingTo("0");
        assertThat(before.path("openInvoices").asInt()).isZero();

        assertThat(api.as("credit").get("/api/v1/companies/" + x + "/balance?asOf=" + today.plusDays(1))
                .isProblem(400).errorFields()).containsExactly("asOf");
        assertThat(api.as("credit").get("/api/v1/companies/" + x + "/balance?asOf=вчера")
                .isProblem(400).errorFields()).containsExactly("asOf");
        api.as("manager3").get("/api/v1/companies/" + x + "/balance").isProblem(404);
    }

    @Test
    void theAgeingOfAPastDayCountsWhatWasUnpaidThatDayInItsBucket() {
        JsonNode ageing = ageing("?asOf=" + a + "&groupBy=company");

        assertThat(ageing.path("rows").path("totalElements").asLong()).isEqualTo(2);
        JsonNode first = ageing.path("rows").path("content").get(0);
        JsonNode second = ageing.path("rows").path("content").get(1);
        // X: due on A not due; 30 days 1–30; 31 paid before A, 60 in 31–60; 61 (500 − 150) and 90 in 61–90;
        // 91 days: 700 − 250 paid before A (the 450 came after)
        assertThat(first.path("id").asString()).isEqualTo(x.toString());
        assertBuckets(first.path("buckets"), "100.00", "200.00", "400.00", "950.00", "450.00", "2000.00", "2100.00");
        assertThat(second.path("id").asString()).isEqualTo(y.toString());
        assertBuckets(second.path("buckets"), "0", "0", "1000.00", "0", "0", "1000.00", "1000.00");
        assertBuckets(ageing.path("total"), "100.00", "200.00", "1400.00", "950.00", "450.00", "3000.00", "3100.00");

        JsonNode byManager = api.as("director").get("/api/v1/receivables/aging?asOf=" + a
                + "&groupBy=manager&ownerId=" + manager.id()).isJson(200).json();
        assertThat(byManager.path("rows").path("content")).hasSize(1);
        assertThat(byManager.path("rows").path("content").get(0).path("name").asString())
                .isEqualTo(manager.fullName());
        assertBuckets(byManager.path("rows").path("content").get(0).path("buckets"),
                "100.00", "200.00", "1400.00", "950.00", "450.00", "3000.00", "3100.00");

        JsonNode byTeam = api.as("director").get("/api/v1/receivables/aging?asOf=" + a
                + "&groupBy=team&size=100&ownerId=" + manager.id()).isJson(200).json();
        JsonNode team = byTeam.path("rows").path("content").get(0);
        assertThat(team.path("id").asString()).isEqualTo(manager.teamId().toString());
        assertThat(team.path("name").asString()).isEqualTo(manager.teamName());
        assertThat(team.path("buckets").path("total").decimalValue()).isEqualByComparingTo("3100.00");
    }

    @Test
    void todaysAgeingComesFromTheInvoicesStillUnpaid() {
        JsonNode ageing = ageing("");

        // ten days later: the 100 is 10 days overdue, the 200 40, the 400 70, the 350 left of the 500 71,
        // the 600 100; the 50 not due yet; Y's 1 000 55 days
        assertThat(ageing.path("asOf").asString()).isEqualTo(today.toString());
        assertBuckets(ageing.path("rows").path("content").get(0).path("buckets"),
                "50.00", "100.00", "200.00", "750.00", "600.00", "1650.00", "1700.00");
        assertBuckets(ageing.path("total"), "50.00", "100.00", "1200.00", "750.00", "600.00", "2650.00", "2700.00");
    }

    @Test
    void dsoIsTheReceivablesOverWhatWasInvoicedInThePeriodTimesItsDays() {
        JsonNode dso = api.as(manager.username(), ReceivablesWorld.PASSWORD)
                .get("/api/v1/receivables/dso?asOf=" + a + "&days=90").isJson(200).json();

        // invoiced in the 90 days up to A: X's invoices issued 10, 40, 41, 70, 71 days before A
        // (100 + 200 + 300 + 400 + 500 = 1 500) and Y's (1 000); receivables 2 100 and 1 000
        assertThat(dso.path("receivables").decimalValue()).isEqualByComparingTo("3100.00");
        assertThat(dso.path("invoiced").decimalValue()).isEqualByComparingTo("2500.00");
        // 3 100 / 2 500 × 90 = 111.6
        assertThat(dso.path("dso").decimalValue()).isEqualByComparingTo("111.6");
        JsonNode companies = dso.path("companies").path("content");
        assertThat(companies).hasSize(2);
        // 2 100 / 1 500 × 90 = 126.0; 1 000 / 1 000 × 90 = 90.0
        assertThat(companies.get(0).path("companyId").asString()).isEqualTo(x.toString());
        assertThat(companies.get(0).path("dso").decimalValue()).isEqualByComparingTo("126.0");
        assertThat(companies.get(1).path("dso").decimalValue()).isEqualByComparingTo("90.0");

        JsonNode month = api.as(manager.username(), ReceivablesWorld.PASSWORD)
                .get("/api/v1/receivables/dso?asOf=" + a + "&days=30").isJson(200).json();
        // only the 100 issued 10 days before A: 3 100 / 100 × 30 = 930.0; Y invoiced nothing: no DSO
        assertThat(month.path("dso").decimalValue()).isEqualByComparingTo("930.0");
        assertThat(month.path("companies").path("content").get(0).path("dso").decimalValue())
                .isEqualByComparingTo("630.0");
        assertThat(month.path("companies").path("content").get(1).has("dso")).isFalse();

        assertThat(api.as("credit").get("/api/v1/receivables/dso?days=0").isProblem(400).errorFields())
                .containsExactly("days");
    }

    @Test
    void aWrongQuestionIsAnsweredAtItsParameter() {
        assertThat(api.as("credit").get("/api/v1/receivables/aging?groupBy=region").isProblem(400).errorFields())
                .containsExactly("groupBy");
        assertThat(api.as("credit").get("/api/v1/receivables/aging?asOf=" + today.plusDays(1)).isProblem(400)
                .errorFields()).containsExactly("asOf");
        assertThat(api.as("credit").get("/api/v1/receivables/aging?size=1000").isProblem(400).errorFields())
                .containsExactly("size");
        // another manager sees none of these clients
        assertThat(api.as("manager1").get("/api/v1/receivables/aging?size=100&ownerId=" + manager.id())
                .isJson(200).json().path("rows").path("totalElements").asLong()).isZero();
    }

    private JsonNode balance(UUID company, LocalDate asOf) {
        return api.as("credit").get("/api/v1/companies/" + company + "/balance?asOf=" + asOf).isJson(200).json();
    }

    private JsonNode ageing(String query) {
        return api.as(manager.username(), ReceivablesWorld.PASSWORD).get("/api/v1/receivables/aging" + query)
                .isJson(200).json();
    }

    private static void assertBuckets(JsonNode buckets, String notDue, String days1to30, String days31to60,
            String days61to90, String over90, String overdue, String total) {
        assertThat(buckets.path("notDue").decimalValue()).as("not due").isEqualByComparingTo(notDue);
        assertThat(buckets.path("days1to30").decimalValue()).as("1–30").isEqualByComparingTo(days1to30);
        assertThat(buckets.path("days31to60").decimalValue()).as("31–60").isEqualByComparingTo(days31to60);
        assertThat(buckets.path("days61to90").decimalValue()).as("61–90").isEqualByComparingTo(days61to90);
        assertThat(buckets.path("over90").decimalValue()).as("> 90").isEqualByComparingTo(over90);
        assertThat(buckets.path("overdue").decimalValue()).as("overdue").isEqualByComparingTo(overdue);
        assertThat(buckets.path("total").decimalValue()).as("total").isEqualByComparingTo(total);
    }
}
