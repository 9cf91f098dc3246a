package org.clientela.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientela.orders.OrderWorld.ORDERS;

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
import org.clientela.clients.CompanyId;
import org.clientela.receivables.Invoices;
import org.clientela.receivables.NewInvoice;
import org.clientela.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/** The credit rule on confirmation (O3), a person's decision on a held order, and invoicing. */
@IntegrationTest
class OrderCreditIntegrationTest {

    static final String PROBLEMS = "https://clientela.dev/problems/";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Invoices invoices;

    ApiClient api;
    OrderWorld world;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        world = new OrderWorld(api);
    }

    @Test
    void parallelConfirmationsNeverTakeTheClientOverItsLimit() throws Exception {
        String company = world.company("manager1");
        // each order 1 000,00 + 20 % VAT = 1 200,00; the limit is exactly five of them
        String piece = world.piece(OrderWorld.SERVICES, "1000.00", null);
        world.limit(company, "6000.00", 30);
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            drafts.add(world.draft("manager1", company, piece, 1));
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (String id : drafts) {
                Callable<Response> confirm = () -> {
                    start.await();
                    return api.as("manager1").post(ORDERS + "/" + id + "/confirm", Map.of());
                };
                answers.add(pool.submit(confirm));
            }
            start.countDown();
            int confirmed = 0;
            int held = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.status() == 200) {
                    confirmed++;
                } else {
                    response.isProblem(409);
                    assertThat(response.json().path("type").asString()).isEqualTo(PROBLEMS + "credit-limit-exceeded");
                    held++;
                }
            }
            assertThat(confirmed).isEqualTo(5);
            assertThat(held).isEqualTo(11);
        } finally {
            pool.shutdown();
        }

        assertThat(count(company, "CONFIRMED")).isEqualTo(5);
        assertThat(count(company, "CREDIT_HOLD")).isEqualTo(11);
        JsonNode credit = api.as("manager1").get("/api/v1/companies/" + company + "/credit").isJson(200).json();
        assertThat(credit.path("exposure").decimalValue()).isEqualByComparingTo("6000.00");
        // every hold saw the five confirmed before it: 6 000,00 and no more
        assertThat(jdbc.sql("""
                        select max(credit_exposure) from sales_order
                        where company_id = cast(:company as uuid) and status = 'CREDIT_HOLD'""")
                .param("company", company).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("6000.00");
    }

    @Test
    void aClientWithoutALimitBuysOnPrepaymentUnlessSomeoneApproves() {
        String company = world.company("manager1", "PROSPECT");
        String piece = world.piece(OrderWorld.SERVICES, "1000.00", null);
        String id = world.draft("manager1", company, piece, 2);

        Response held = api.as("manager1").post(ORDERS + "/" + id + "/confirm", Map.of()).isProblem(409);
        assertThat(held.json().path("type").asString()).isEqualTo(PROBLEMS + "credit-no-limit");
        assertThat(held.json().path("reason").asString()).isEqualTo("NO_LIMIT");
        assertThat(held.json().path("orderTotal").decimalValue()).isEqualByComparingTo("2400.00");
        assertThat(plain(held.detail())).contains("нет кредитного лимита").contains("2 400,00");
        // the hold is kept
        JsonNode order = api.as("manager1").get(ORDERS + "/" + id).isJson(200).json();
        assertThat(order.path("status").asString()).isEqualTo("CREDIT_HOLD");
        assertThat(order.path("creditHoldReason").asString()).isEqualTo("NO_LIMIT");
        // a second confirmation is no way round it
        api.as("manager1").post(ORDERS + "/" + id + "/confirm", Map.of()).isProblem(409);

        assertThat(api.as("credit").post(ORDERS + "/" + id + "/approve-credit", Map.of("reason", " "))
                .isProblem(400).errorFields()).containsExactly("reason");
        JsonNode approved = api.as("credit").post(ORDERS + "/" + id + "/approve-credit",
                Map.of("reason", "Гарантийное письмо директора клиента")).isJson(200).json();
        assertThat(approved.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(approved.path("creditDecision").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("creditDecidedBy").asString()).isEqualTo("Васильева Ольга Николаевна");
        assertThat(approved.path("creditDecisionReason").asString()).isEqualTo("Гарантийное письмо директора клиента");
        // the prospect's first confirmed order made it a client
        assertThat(api.as("manager1").get("/api/v1/companies/" + company).isJson(200).json().path("status")
                .asString()).isEqualTo("ACTIVE");
        api.as("credit").post(ORDERS + "/" + id + "/approve-credit", Map.of("reason", "Ещё раз")).isProblem(409);
    }

    @Test
    void aRejectedOrderGoesBackToADraftWithTheRejectionKept() {
        String company = world.company("manager2");
        String piece = world.piece(OrderWorld.SERVICES, "5000.00", null);
        world.limit(company, "1000.00", 14);
        String id = world.draft("manager2", company, piece, 1);

        Response held = api.as("manager2").post(ORDERS + "/" + id + "/confirm", Map.of()).isProblem(409);
        assertThat(held.json().path("type").asString()).isEqualTo(PROBLEMS + "credit-limit-exceeded");
        assertThat(held.json().path("creditLimit").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(held.json().path("exposure").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(plain(held.detail())).contains("лимит 1 000,00 ₽");

        JsonNode rejected = api.as("head").post(ORDERS + "/" + id + "/reject-credit",
                Map.of("reason", "Сначала оплата прошлых счетов")).isJson(200).json();
        assertThat(rejected.path("status").asString()).isEqualTo("DRAFT");
        assertThat(rejected.path("creditDecision").asString()).isEqualTo("REJECTED");
        JsonNode history = api.as("manager2").get(ORDERS + "/" + id + "/history").isJson(200).json();
        assertThat(history.get(history.size() - 1).path("to").asString()).isEqualTo("DRAFT");
        assertThat(history.get(history.size() - 1).path("note").asString()).isEqualTo("Сначала оплата прошлых счетов");
        assertThat(history.get(history.size() - 1).path("changedBy").asString()).isEqualTo("Морозова Елена Сергеевна");
    }

    @Test
    void anOverdueInvoiceHoldsEveryNewOrder() {
        String company = world.company("manager1");
        String piece = world.piece(OrderWorld.SERVICES, "100.00", null);
        world.limit(company, "1000000.00", 10);
        // an invoice of 60 days ago at 10 days' terms: due 50 days ago, unpaid
        asUser("manager1", () -> transactions.executeWithoutResult(status -> invoices.issue(new NewInvoice(
                new CompanyId(UUID.fromString(company)), null, null, Money.rubles("1200.00"), Money.rubles("200.00"),
                LocalDate.now().minusDays(60)))));
        String id = world.draft("manager1", company, piece, 1);

        Response held = api.as("manager1").post(ORDERS + "/" + id + "/confirm", Map.of()).isProblem(409);

        assertThat(held.json().path("type").asString()).isEqualTo(PROBLEMS + "credit-overdue");
        assertThat(held.json().path("exposure").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(held.detail()).contains("просроченная задолженность");
        assertThat(api.as("director").get(ORDERS + "/" + id).isJson(200).json().path("creditHoldReason").asString())
                .isEqualTo("OVERDUE");
    }

    @Test
    void invoicingMovesTheOrderFromOrdersToReceivablesOnce() {
        String company = world.company("manager1");
        String piece = world.piece(OrderWorld.SERVICES, "250.00", null);
        world.limit(company, "100000.00", 30);
        String id = world.draft("manager1", company, piece, 4);
        api.as("manager1").post(ORDERS + "/" + id + "/invoice", Map.of()).isProblem(409);
        api.as("manager1").post(ORDERS + "/" + id + "/confirm", Map.of()).isJson(200);
        assertThat(exposure(company)).isEqualByComparingTo("1200.00");

        JsonNode invoiced = api.as("manager1").post(ORDERS + "/" + id + "/invoice", Map.of()).isJson(200).json();

        assertThat(invoiced.path("invoiceNumber").asString()).startsWith("СЧ-");
        assertThat(invoiced.path("invoiceDueDate").asString()).isEqualTo(LocalDate.now().plusDays(30).toString());
        UUID invoiceId = UUID.fromString(invoiced.path("invoiceId").asString());
        assertThat(invoices.ofOrder(UUID.fromString(id))).singleElement().satisfies(invoice -> {
            assertThat(invoice.id()).isEqualTo(invoiceId);
            assertThat(invoice.amount()).isEqualByComparingTo("1200.00");
            assertThat(invoice.vatAmount()).isEqualByComparingTo("200.00");
        });
        // the same 1 200,00, now owed on the invoice
        assertThat(exposure(company)).isEqualByComparingTo("1200.00");
        api.as("manager1").post(ORDERS + "/" + id + "/invoice", Map.of()).isProblem(409);
        api.as("manager1").post(ORDERS + "/" + id + "/cancel", Map.of("reason", "Передумали")).isProblem(409);
        assertThat(invoices.ofOrder(UUID.fromString(id))).hasSize(1);
    }

    private java.math.BigDecimal exposure(String company) {
        return api.as("credit").get("/api/v1/companies/" + company + "/credit").isJson(200).json().path("exposure")
                .decimalValue();
    }

    private long count(String company, String status) {
        return jdbc.sql("select count(*) from sales_order where company_id = cast(:company as uuid) and status = :status")
                .param("company", company).param("status", status).query(Long.class).single();
    }

    /** Russian numbers group their thousands with a no-break space. */
    static String plain(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    static void asUser(String username, Runnable action) {
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        context.setAuthentication(new org.springframework.security.authentication.TestingAuthenticationToken(
                username, "demo"));
        try {
            action.run();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }
}
