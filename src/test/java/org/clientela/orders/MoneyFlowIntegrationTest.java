package org.clientela.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.clientela.receivables.collection.CollectionRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * The whole way of one order's money, as the department lives it, through the API and over real
 * days (the clock moves): an order over the client's limit is held, the credit controller
 * approves it, it is invoiced, partly paid, falls overdue, the client is reminded by mail,
 * promises to pay, pays, and the reconciliation statement comes out at zero.
 */
@IntegrationTest
class MoneyFlowIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    CollectionRun collection;
    @Autowired
    GreenMail greenMail;

    ApiClient api;
    OrderWorld world;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        world = new OrderWorld(api);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void orderHoldApprovalInvoicePartialPaymentOverdueReminderPromisePaymentReconciliation() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String domain = ApiClient.unique("flow").toLowerCase() + ".money.test";
        String company = world.company("manager1");
        world.contact("manager1", company, "buyer@" + domain);
        world.limit(company, "100000", 14);
        String product = world.piece(OrderWorld.DOUBLE, "10000.00", "6000.00");

        // 10 × 10 000 = 100 000 without VAT, 120 000 with it: over the limit of 100 000
        String order = world.draft("manager1", company, product, 10);
        JsonNode held = api.as("manager1").post(OrderWorld.ORDERS + "/" + order + "/confirm", null).isProblem(409)
                .json();
        assertThat(held.path("type").asString()).endsWith("/credit-limit-exceeded");
        assertThat(status(order)).isEqualTo("CREDIT_HOLD");

        api.as("manager1").post(OrderWorld.ORDERS + "/" + order + "/approve-credit",
                Map.of("reason", "Клиент платит вовремя, разовая крупная партия")).hasStatus(403);
        JsonNode approved = api.as("credit").post(OrderWorld.ORDERS + "/" + order + "/approve-credit",
                Map.of("reason", "Клиент платит вовремя, разовая крупная партия")).isJson(200).json();
        assertThat(approved.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(approved.path("total").decimalValue()).isEqualByComparingTo("120000.00");

        JsonNode invoiced = api.as("manager1").post(OrderWorld.ORDERS + "/" + order + "/invoice", null).isJson(200)
                .json();
        String invoice = invoiced.path("invoiceNumber").asString();
        assertThat(invoiced.path("invoiceDueDate").asString()).isEqualTo(today.plusDays(14).toString());
        assertThat(exposure(company)).isEqualByComparingTo("120000.00");

        // a partial payment names the invoice; a retry with the same key records nothing twice
        Map<String, Object> partial = Map.of("companyId", company, "date", today.toString(), "amount", "50000",
                "currency", "RUB", "reference", "101", "invoiceNumber", invoice);
        String key = UUID.randomUUID().toString();
        JsonNode firstPayment = api.as("credit").header("Idempotency-Key", key).post("/api/v1/payments", partial)
                .isJson(201).json();
        JsonNode retried = api.as("credit").header("Idempotency-Key", key).post("/api/v1/payments", partial)
                .isJson(201).json();
        assertThat(retried.path("id").asString()).isEqualTo(firstPayment.path("id").asString());
        assertThat(firstPayment.path("allocations").get(0).path("amount").decimalValue())
                .isEqualByComparingTo("50000.00");
        JsonNode balance = balance(company, today);
        assertThat(balance.path("balance").decimalValue()).isEqualByComparingTo("70000.00");
        assertThat(balance.path("overdue").decimalValue()).isEqualByComparingTo("0");

        // twenty days on, the invoice (due in 14) is 6 days overdue: the next order is held for it
        clock.moveForward(Duration.ofDays(20));
        LocalDate overdueDay = today.plusDays(20);
        assertThat(balance(company, overdueDay).path("overdue").decimalValue()).isEqualByComparingTo("70000.00");
        String next = world.draft("manager1", company, product, 1);
        assertThat(api.as("manager1").post(OrderWorld.ORDERS + "/" + next + "/confirm", null).isProblem(409).json()
                .path("type").asString()).endsWith("/credit-overdue");

        // the morning's collection run reminds the client's buyer by mail
        collection.runFor(overdueDay);
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        List<MimeMessage> reminders = List.of(greenMail.getReceivedMessagesForDomain(domain));
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).getSubject() + " " + reminders.get(0).getContent()).contains(invoice);

        // the client promises the rest in five days, and pays it in two
        JsonNode promise = api.as("manager1").post("/api/v1/companies/" + company + "/promises",
                Map.of("promisedDate", overdueDay.plusDays(5).toString(), "amount", "70000",
                        "madeBy", "Петров П. П.", "note", "Оплатят после поступления от заказчика"))
                .isJson(201).json();
        clock.moveForward(Duration.ofDays(2));
        LocalDate paidDay = today.plusDays(22);
        JsonNode rest = api.as("credit").post("/api/v1/payments", Map.of("companyId", company, "date",
                paidDay.toString(), "amount", "70000", "currency", "RUB", "reference", "117",
                "purpose", "Оплата по счёту " + invoice)).isJson(201).json();
        assertThat(rest.path("unallocated").decimalValue()).isEqualByComparingTo("0");
        clock.moveForward(Duration.ofDays(4));
        collection.runFor(today.plusDays(26));
        assertThat(api.as("manager1").get("/api/v1/companies/" + company + "/promises/" + promise.path("id")
                .asString()).isJson(200).json().path("status").asString()).isEqualTo("KEPT");
        assertThat(balance(company, paidDay).path("balance").decimalValue()).isEqualByComparingTo("0");
        assertThat(exposure(company)).isEqualByComparingTo("0");

        // the statement of the period: nothing before, 120 000 invoiced, 50 000 and 70 000 paid, nothing owed
        String period = "?from=" + today + "&to=" + today.plusDays(26);
        JsonNode statement = api.as("manager1").get("/api/v1/companies/" + company + "/reconciliation" + period)
                .isJson(200).json();
        assertThat(statement.path("openingBalance").decimalValue()).isEqualByComparingTo("0");
        assertThat(statement.path("debitTurnover").decimalValue()).isEqualByComparingTo("120000.00");
        assertThat(statement.path("creditTurnover").decimalValue()).isEqualByComparingTo("120000.00");
        assertThat(statement.path("closingBalance").decimalValue()).isEqualByComparingTo("0");
        assertThat(statement.path("lines")).hasSize(3);
        assertThat(statement.path("lines").get(2).path("date").asString()).isEqualTo(paidDay.toString());
        ApiClient.Response pdf = api.as("manager1").header("Accept", "application/pdf")
                .get("/api/v1/companies/" + company + "/reconciliation" + period).hasStatus(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");
    }

    private String status(String order) {
        return api.as("manager1").get(OrderWorld.ORDERS + "/" + order).isJson(200).json().path("status").asString();
    }

    private BigDecimal exposure(String company) {
        return api.as("credit").get("/api/v1/companies/" + company + "/credit").isJson(200).json().path("exposure")
                .decimalValue();
    }

    private JsonNode balance(String company, LocalDate asOf) {
        return api.as("manager1").get("/api/v1/companies/" + company + "/balance?asOf=" + asOf).isJson(200).json();
    }
}
