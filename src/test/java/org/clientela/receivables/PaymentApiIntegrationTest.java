package org.clientela.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.clientela.ApiClient;
import org.clientela.ApiClient.Response;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Payments through the API: their allocation to the client's invoices, the client's credit, the
 * refusals at their fields, a retry with its Idempotency-Key, and payments of one client arriving
 * at the same moment. Every amount worked out by hand.
 */
@IntegrationTest
class PaymentApiIntegrationTest {

    static final String PAYMENTS = "/api/v1/payments";

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
    void aPaymentPaysTheInvoiceItNamesThenTheOldestAndWhatIsLeftPaysTheNextInvoice() {
        UUID company = world.companyOf("manager1", "Оконный цех");
        JsonNode first = world.invoice(company, today.minusDays(40), today.minusDays(30), "10000.00");
        JsonNode second = world.invoice(company, today.minusDays(20), today.minusDays(10), "5000.00");
        JsonNode third = world.invoice(company, today.minusDays(5), today.plusDays(9), "8000.00");

        // 12 000: the oldest first → the first in full, 2 000 of the second
        JsonNode oldestFirst = world.payment(company, today.minusDays(3), "12000.00");
        assertThat(oldestFirst.path("allocations")).hasSize(2);
        assertThat(allocation(oldestFirst, first)).isEqualByComparingTo("10000.00");
        assertThat(allocation(oldestFirst, second)).isEqualByComparingTo("2000.00");
        assertThat(oldestFirst.path("unallocated").decimalValue()).isEqualByComparingTo("0.00");
        // 4 000 whose purpose names the third invoice: all of it to the third
        JsonNode byPurpose = world.pay(company, today.minusDays(2), "4000.00", Map.of("purpose",
                "Оплата по счёту " + third.path("number").asString() + " от " + today.minusDays(5) + ", НДС не облагается"))
                .isJson(201).json();
        assertThat(byPurpose.path("allocations")).hasSize(1);
        assertThat(allocation(byPurpose, third)).isEqualByComparingTo("4000.00");
        // 3 000 for the second invoice by its number: the rest of it
        world.pay(company, today.minusDays(1), "3000.00", Map.of("invoiceNumber", second.path("number").asString()))
                .isJson(201);
        // 4 000 entered late, dated before all the others: pays the rest of the third
        world.payment(company, today.minusDays(30), "4000.00");

        JsonNode firstNow = world.invoiceById(first.path("id").asString());
        JsonNode secondNow = world.invoiceById(second.path("id").asString());
        JsonNode thirdNow = world.invoiceById(third.path("id").asString());
        assertThat(firstNow.path("paidAmount").decimalValue()).isEqualByComparingTo("10000.00");
        assertThat(firstNow.path("settledOn").asString()).isEqualTo(today.minusDays(3).toString());
        assertThat(secondNow.path("paidAmount").decimalValue()).isEqualByComparingTo("5000.00");
        assertThat(secondNow.path("settledOn").asString()).isEqualTo(today.minusDays(1).toString());
        assertThat(secondNow.path("payments")).hasSize(2);
        // paid by the payments of −2 and −30 days: settled on the later of them
        assertThat(thirdNow.path("paidAmount").decimalValue()).isEqualByComparingTo("8000.00");
        assertThat(thirdNow.path("settledOn").asString()).isEqualTo(today.minusDays(2).toString());
        assertThat(thirdNow.path("status").asString()).isEqualTo("PAID");

        // nothing owed: one rouble more is refused at the amount, unless it is an advance
        Response refused = world.pay(company, today, "1.00", Map.of()).isProblem(400);
        assertThat(refused.errorFields()).containsExactly("amount");
        assertThat(refused.body()).contains("аванс");
        JsonNode advance = world.pay(company, today.minusDays(1), "1500.00", Map.of("advance", true)).isJson(201).json();
        assertThat(advance.path("unallocated").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(advance.path("allocations")).isEmpty();

        // an invoice issued today is paid from the advance at once, settled on its own date
        JsonNode fourth = world.invoice(company, today, today.plusDays(10), "1000.00");
        assertThat(fourth.path("paidAmount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(fourth.path("settledOn").asString()).isEqualTo(today.toString());
        JsonNode advanceNow = api.as("credit").get(PAYMENTS + "/" + advance.path("id").asString()).isJson(200).json();
        assertThat(advanceNow.path("unallocated").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(advanceNow.path("allocations").get(0).path("invoiceNumber").asString())
                .isEqualTo(fourth.path("number").asString());

        // invoiced 10 000 + 5 000 + 8 000 + 1 000 = 24 000; paid 12 000 + 4 000 + 3 000 + 4 000 + 1 500 = 24 500
        JsonNode balance = api.as("manager1").get("/api/v1/companies/" + company + "/balance").isJson(200).json();
        assertThat(balance.path("invoiced").decimalValue()).isEqualByComparingTo("24000.00");
        assertThat(balance.path("paid").decimalValue()).isEqualByComparingTo("24500.00");
        assertThat(balance.path("balance").decimalValue()).isEqualByComparingTo("-500.00");
        assertThat(balance.path("openInvoices").asInt()).isZero();
        assertThat(balance.path("unallocated").decimalValue()).isEqualByComparingTo("500.00");
    }

    @Test
    void aWrongPaymentIsRefusedAtItsFieldsAndNothingIsWritten() {
        UUID company = world.companyOf("manager1", "Фасады");
        world.invoice(company, today.minusDays(10), today, "1000.00");

        assertThat(fields(company, Map.of("date", today.plusDays(1).toString()))).containsExactly("date");
        assertThat(fields(company, Map.of("date", "31.02.2025"))).containsExactly("date");
        assertThat(fields(company, Map.of("amount", "0"))).containsExactly("amount");
        assertThat(fields(company, Map.of("amount", "-5.00"))).containsExactly("amount");
        assertThat(fields(company, Map.of("amount", "10.005"))).containsExactly("amount");
        assertThat(fields(company, Map.of("amount", "сто"))).containsExactly("amount");
        assertThat(fields(company, Map.of("currency", "USD"))).containsExactly("currency");
        assertThat(fields(company, Map.of("reference", ""))).containsExactly("reference");
        assertThat(fields(company, Map.of("invoiceNumber", "НЕТ-ТАКОГО"))).containsExactly("invoiceNumber");
        assertThat(fields(company, Map.of("companyId", "not-an-id"))).containsExactly("companyId");
        // all at once, so that a form shows every one of them
        assertThat(fields(company, Map.of("date", "", "amount", "", "currency", "EUR")))
                .containsExactlyInAnyOrder("date", "amount", "currency");
        assertThat(paymentsOf(company)).isZero();
        // «1 000,00» as a Russian types it is an amount
        world.pay(company, today, "1 000,00", Map.of()).isJson(201);
        assertThat(openInvoicesOf(company)).isZero();
    }

    private List<String> fields(UUID company, Map<String, Object> wrong) {
        Map<String, Object> body = ReceivablesWorld.payment(company, today.toString(), "100.00", Map.of());
        body.putAll(wrong);
        return api.as("credit").post(PAYMENTS, body).isProblem(400).errorFields();
    }

    @Test
    void aClientOneMayNotSeeHasNoPaymentsForOne() {
        UUID otherTeams = world.companyOf("manager3", "Витражи");
        world.invoice(otherTeams, today.minusDays(3), today.plusDays(10), "700.00");
        JsonNode payment = world.payment(otherTeams, today, "700.00");

        api.as("manager1").post(PAYMENTS, ReceivablesWorld.payment(otherTeams, today.toString(), "10.00", Map.of()))
                .isProblem(404);
        api.as("manager1").get(PAYMENTS + "/" + payment.path("id").asString()).isProblem(404);
        api.as("manager1").get(PAYMENTS + "?companyId=" + otherTeams).isProblem(404);
        api.as("manager1").get("/api/v1/companies/" + otherTeams + "/balance").isProblem(404);
        assertThat(api.as("manager1").get(PAYMENTS + "?size=100").isJson(200).body())
                .doesNotContain(payment.path("id").asString());
        // its own manager records it and sees it
        api.as("manager3").post(PAYMENTS, ReceivablesWorld.payment(otherTeams, today.toString(), "10.00",
                Map.of("advance", true))).isJson(201);
        JsonNode listed = api.as("manager3").get(PAYMENTS + "?companyId=" + otherTeams).isJson(200).json();
        assertThat(listed.path("totalElements").asLong()).isEqualTo(2);
        // the latest first: of one day, the one recorded last
        assertThat(listed.path("content").get(0).path("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(listed.path("content").get(1).path("amount").decimalValue()).isEqualByComparingTo("700.00");
    }

    @Test
    void aRetryWithTheSameKeyRecordsThePaymentOnce() throws Exception {
        UUID company = world.companyOf("manager2", "Стеклотара");
        world.invoice(company, today.minusDays(3), today.plusDays(10), "900.00");
        Map<String, Object> body = ReceivablesWorld.payment(company, today.toString(), "300.00", Map.of());
        String key = UUID.randomUUID().toString();

        Response first = api.as("credit").header("Idempotency-Key", key).post(PAYMENTS, body).isJson(201);
        Response again = api.as("credit").header("Idempotency-Key", key).post(PAYMENTS, body).isJson(201);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(paymentsOf(company)).isEqualTo(1);
        // the key with another request is refused
        Map<String, Object> other = ReceivablesWorld.payment(company, today.toString(), "301.00", Map.of());
        api.as("credit").header("Idempotency-Key", key).post(PAYMENTS, other).isProblem(422);

        // two requests with one new key at the same moment: one payment, one answer
        String together = UUID.randomUUID().toString();
        Map<String, Object> second = ReceivablesWorld.payment(company, today.toString(), "200.00", Map.of());
        List<Response> answers = inParallel(2, () -> api.as("credit").header("Idempotency-Key", together)
                .post(PAYMENTS, second));
        assertThat(answers).allSatisfy(answer -> answer.isJson(201));
        assertThat(answers.get(0).id()).isEqualTo(answers.get(1).id());
        assertThat(paymentsOf(company)).isEqualTo(2);
        JsonNode invoice = api.as("credit").get("/api/v1/invoices?companyId=" + company).isJson(200).json()
                .path("content").get(0);
        assertThat(invoice.path("paidAmount").decimalValue()).isEqualByComparingTo("500.00");
    }

    @Test
    void paymentsOfOneClientAtTheSameMomentNeverPayAnInvoiceTwice() throws Exception {
        UUID company = world.companyOf("manager1", "Параллель");
        JsonNode small = world.invoice(company, today.minusDays(20), today.minusDays(5), "100.00");
        JsonNode large = world.invoice(company, today.minusDays(10), today.plusDays(5), "200.00");

        // six payments of 150 for a debt of 300: two fit, whichever they are; the others are refused
        List<Response> answers = inParallel(6, () -> world.pay(company, today, "150.00", Map.of()));

        assertThat(answers.stream().filter(answer -> answer.status() == 201)).hasSize(2);
        assertThat(answers.stream().filter(answer -> answer.status() == 400))
                .hasSize(4).allSatisfy(answer -> assertThat(answer.errorFields()).containsExactly("amount"));
        assertThat(world.invoiceById(small.path("id").asString()).path("paidAmount").decimalValue())
                .isEqualByComparingTo("100.00");
        assertThat(world.invoiceById(large.path("id").asString()).path("paidAmount").decimalValue())
                .isEqualByComparingTo("200.00");
        assertThat(allocatedTo(company)).isEqualByComparingTo("300.00");

        // four advances of 100 at once for another client owing 300: 300 allocated, 100 left as credit
        UUID other = world.companyOf("manager1", "Параллель");
        world.invoice(other, today.minusDays(20), today.minusDays(5), "100.00");
        world.invoice(other, today.minusDays(10), today.plusDays(5), "200.00");
        assertThat(inParallel(4, () -> world.pay(other, today, "100.00", Map.of("advance", true))))
                .allSatisfy(answer -> answer.isJson(201));
        assertThat(allocatedTo(other)).isEqualByComparingTo("300.00");
        assertThat(unallocatedOf(other)).isEqualByComparingTo("100.00");
        assertThat(openInvoicesOf(other)).isZero();
    }

    @Test
    void anAdvanceAndAnInvoiceAtTheSameMomentMeetWhicheverComesFirst() throws Exception {
        for (int round = 0; round < 4; round++) {
            UUID company = world.companyOf("manager2", "Встречные");
            List<Response> answers = inParallel(List.of(
                    () -> world.pay(company, today, "500.00", Map.of("advance", true)),
                    () -> world.enterInvoice(company, ApiClient.unique("ТСТ"), today, today.plusDays(10), "300.00")));

            assertThat(answers).allSatisfy(answer -> answer.isJson(201));
            // paid first or issued first: the invoice is paid, 200 stays as credit, never both open
            assertThat(openInvoicesOf(company)).isZero();
            assertThat(allocatedTo(company)).isEqualByComparingTo("300.00");
            assertThat(unallocatedOf(company)).isEqualByComparingTo("200.00");
        }
    }

    @Test
    void aPaymentAndTheInvoicesItPaidKeepTheirHistory() {
        UUID company = world.companyOf("manager1", "История");
        JsonNode invoice = world.invoice(company, today.minusDays(5), today.plusDays(5), "250.00");
        JsonNode payment = world.payment(company, today, "250.00");

        JsonNode paymentHistory = api.as("manager1").get("/api/v1/audit/Payment/" + payment.path("id").asString())
                .isJson(200).json();
        JsonNode invoiceHistory = api.as("manager1").get("/api/v1/audit/Invoice/" + invoice.path("id").asString())
                .isJson(200).json();

        assertThat(paymentHistory.findValuesAsString("field")).contains("amount", "allocations", "unallocated");
        assertThat(paymentHistory.toString()).contains(invoice.path("number").asString() + ": 250.00");
        assertThat(invoiceHistory.findValuesAsString("field")).contains("number", "paidAmount", "settledOn");
        assertThat(invoiceHistory.toString()).contains(payment.path("id").asString());
        api.as("manager3").get("/api/v1/audit/Payment/" + payment.path("id").asString()).isProblem(404);
    }

    private static BigDecimal allocation(JsonNode payment, JsonNode invoice) {
        for (JsonNode allocation : payment.path("allocations")) {
            if (allocation.path("invoiceId").asString().equals(invoice.path("id").asString())) {
                return allocation.path("amount").decimalValue();
            }
        }
        throw new AssertionError("No allocation to " + invoice.path("number").asString() + " in " + payment);
    }

    private long paymentsOf(UUID company) {
        return jdbc.sql("select count(*) from payment where company_id = :c").param("c", company).query(Long.class)
                .single();
    }

    private BigDecimal allocatedTo(UUID company) {
        return jdbc.sql("""
                        select coalesce(sum(a.amount), 0) from payment_allocation a join invoice i on i.id = a.invoice_id
                        where i.company_id = :c""").param("c", company).query(BigDecimal.class).single();
    }

    private BigDecimal unallocatedOf(UUID company) {
        return jdbc.sql("select coalesce(sum(unallocated), 0) from payment where company_id = :c")
                .param("c", company).query(BigDecimal.class).single();
    }

    private long openInvoicesOf(UUID company) {
        return jdbc.sql("select count(*) from invoice where company_id = :c and settled_on is null")
                .param("c", company).query(Long.class).single();
    }

    private static List<Response> inParallel(int times, Callable<Response> call) throws Exception {
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            calls.add(call);
        }
        return inParallel(calls);
    }

    /** Starts every call at once, as far as threads can. */
    private static List<Response> inParallel(List<Callable<Response>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
