package org.clientela.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.ApiClient.Response;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Invoices entered by hand and read through the API, within one's access. */
@IntegrationTest
class InvoiceApiIntegrationTest {

    static final String INVOICES = "/api/v1/invoices";

    @LocalServerPort
    int port;

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
    void anInvoiceWithoutNumberOrDueDateGetsOurNextNumberAndTheClientsTerms() {
        UUID company = world.companyOf("manager1", "Отсрочка");
        api.as("credit").put("/api/v1/companies/" + company + "/credit-limit", Map.of("amount", "500000",
                "paymentTermsDays", 14, "reason", "Договор поставки", "version", 0)).isJson(200);

        JsonNode invoice = api.as("credit").post(INVOICES, Map.of("companyId", company.toString(),
                "issueDate", today.minusDays(3).toString(), "amount", "120 000,00", "vatAmount", "20000"))
                .isJson(201).json();

        assertThat(invoice.path("number").asString()).matches("СЧ-\\d{6,}");
        assertThat(invoice.path("dueDate").asString()).isEqualTo(today.plusDays(11).toString());
        assertThat(invoice.path("amount").decimalValue()).isEqualByComparingTo("120000.00");
        assertThat(invoice.path("vatAmount").decimalValue()).isEqualByComparingTo("20000.00");
        assertThat(invoice.path("outstanding").decimalValue()).isEqualByComparingTo("120000.00");
        assertThat(invoice.path("status").asString()).isEqualTo("OPEN");
        assertThat(invoice.path("source").asString()).isEqualTo("MANUAL");
        assertThat(invoice.path("companyName").asString()).startsWith("Отсрочка-");
        // a client without terms pays on the day of the invoice
        UUID prepaying = world.companyOf("manager1", "Предоплата");
        JsonNode due = world.invoice(prepaying, today.minusDays(2), null, "10.00");
        assertThat(due.path("dueDate").asString()).isEqualTo(today.minusDays(2).toString());
        assertThat(due.path("status").asString()).isEqualTo("OVERDUE");
        assertThat(due.path("daysOverdue").asLong()).isEqualTo(2);
    }

    @Test
    void aWrongInvoiceIsRefusedAtItsFields() {
        UUID company = world.companyOf("manager1", "Ошибки");
        String number = ApiClient.unique("ТСТ");
        world.enterInvoice(company, number, today, null, "100.00").isJson(201);

        assertThat(world.enterInvoice(company, number, today, null, "100.00").isProblem(409).detail())
                .contains(number);
        assertThat(world.enterInvoice(company, ApiClient.unique("ТСТ"), today.plusDays(1), null, "100.00")
                .isProblem(400).errorFields()).containsExactly("issueDate");
        assertThat(world.enterInvoice(company, ApiClient.unique("ТСТ"), today, today.minusDays(1), "100.00")
                .isProblem(400).errorFields()).containsExactly("dueDate");
        assertThat(world.enterInvoice(company, ApiClient.unique("ТСТ"), today, null, "100.001")
                .isProblem(400).errorFields()).containsExactly("amount");
        assertThat(world.enterInvoice(company, ApiClient.unique("ТСТ"), today, null, "0")
                .isProblem(400).errorFields()).containsExactly("amount");
        Map<String, Object> vatAbove = new LinkedHashMap<>(Map.of("companyId", company.toString(),
                "issueDate", today.toString(), "amount", "100.00", "vatAmount", "100.01"));
        assertThat(api.as("credit").post(INVOICES, vatAbove).isProblem(400).errorFields())
                .containsExactly("vatAmount");
        assertThat(api.as("credit").post(INVOICES, Map.of("companyId", company.toString()))
                .isProblem(400).errorFields()).containsExactlyInAnyOrder("issueDate", "amount", "vatAmount");
    }

    @Test
    void onlyTheCreditControllerAndTheManagementEnterInvoices() {
        UUID own = world.companyOf("manager1", "Свой");
        UUID otherTeams = world.companyOf("manager3", "Чужой");

        api.as("manager1").post(INVOICES, Map.of("companyId", own.toString(), "issueDate", today.toString(),
                "amount", "10.00", "vatAmount", "0")).isProblem(403);
        api.as("head").post(INVOICES, Map.of("companyId", otherTeams.toString(), "issueDate", today.toString(),
                "amount", "10.00", "vatAmount", "0")).isProblem(404);
        api.as("head").post(INVOICES, Map.of("companyId", own.toString(), "issueDate", today.toString(),
                "amount", "10.00", "vatAmount", "0")).isJson(201);
        api.as("director").post(INVOICES, Map.of("companyId", otherTeams.toString(), "issueDate", today.toString(),
                "amount", "10.00", "vatAmount", "0")).isJson(201);
    }

    @Test
    void invoicesAreListedByStatusAndPeriodWithinOnesAccess() {
        UUID company = world.companyOf("manager2", "Статусы");
        JsonNode paid = world.invoice(company, today.minusDays(30), today.minusDays(20), "300.00");
        JsonNode overdue = world.invoice(company, today.minusDays(20), today.minusDays(1), "200.00");
        JsonNode open = world.invoice(company, today.minusDays(2), today, "100.00");
        world.pay(company, today.minusDays(25), "300.00", Map.of("invoiceNumber", paid.path("number").asString()))
                .isJson(201);

        assertThat(numbers(company, "&status=open")).containsExactly(open.path("number").asString(),
                overdue.path("number").asString());
        assertThat(numbers(company, "&status=overdue")).containsExactly(overdue.path("number").asString());
        assertThat(numbers(company, "&status=PAID")).containsExactly(paid.path("number").asString());
        assertThat(numbers(company, "&from=" + today.minusDays(20) + "&to=" + today.minusDays(2)))
                .containsExactly(open.path("number").asString(), overdue.path("number").asString());
        assertThat(numbers(company, "&sort=amount,asc")).containsExactly(open.path("number").asString(),
                overdue.path("number").asString(), paid.path("number").asString());
        assertThat(api.as("manager2").get(INVOICES + "?status=late").isProblem(400).errorFields())
                .containsExactly("status");

        JsonNode detail = api.as("manager2").get(INVOICES + "/" + paid.path("id").asString()).isJson(200).json();
        assertThat(detail.path("payments")).hasSize(1);
        assertThat(detail.path("payments").get(0).path("amount").decimalValue()).isEqualByComparingTo("300.00");
        // paid 25 days ago, after it was issued 30 days ago
        assertThat(detail.path("settledOn").asString()).isEqualTo(today.minusDays(25).toString());
        api.as("manager3").get(INVOICES + "/" + paid.path("id").asString()).isProblem(404);
        api.as("manager3").get(INVOICES + "?companyId=" + company).isProblem(404);
        // the head sees the team's clients, among them this one
        assertThat(api.as("head").get(INVOICES + "?companyId=" + company).isJson(200).json()
                .path("totalElements").asLong()).isEqualTo(3);
    }

    @Test
    void aRetriedInvoiceIsEnteredOnce() {
        UUID company = world.companyOf("manager1", "Повтор");
        Map<String, Object> body = Map.of("companyId", company.toString(), "issueDate", today.toString(),
                "amount", "55.00", "vatAmount", "0");
        String key = UUID.randomUUID().toString();

        Response first = api.as("credit").header("Idempotency-Key", key).post(INVOICES, body).isJson(201);
        Response again = api.as("credit").header("Idempotency-Key", key).post(INVOICES, body).isJson(201);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(api.as("credit").get(INVOICES + "?companyId=" + company).isJson(200).json()
                .path("totalElements").asLong()).isEqualTo(1);
    }

    private List<String> numbers(UUID company, String query) {
        JsonNode page = api.as("manager2").get(INVOICES + "?companyId=" + company + query).isJson(200).json();
        return page.path("content").findValuesAsString("number");
    }
}
