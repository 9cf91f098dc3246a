package org.clientela.receivables.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.ApiClient.Response;
import org.clientela.IntegrationTest;
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

/** Promises to pay through the API: what is refused at which field, what is recorded, who may. */
@IntegrationTest
class PromiseApiIntegrationTest {

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
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        data = new ReceivablesTestData(api, invoices, jdbc);
        today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow")));
    }

    @Test
    void aWrongPromiseIsRefusedAtItsFieldAndNothingIsRecorded() {
        // owes 30 000 on A plus 20 000 on B, less 5 000 paid and not yet put against an invoice: 45 000
        CompanyId company = data.company("manager1", ApiClient.unique("Неплатёж"));
        InvoiceView a = data.invoice(company, today.minusDays(20), "30000.00");
        data.invoice(company, today.minusDays(5), "20000.00");
        data.payment(company, today.minusDays(1), "5000.00", "77");
        InvoiceView elsewhere = data.invoice(data.company("manager1", ApiClient.unique("Чужой")), today, "100.00");

        assertThat(refused(company, promise(today.minusDays(1), "100"))).containsExactly("promisedDate");
        assertThat(refused(company, promise(null, "100"))).containsExactly("promisedDate");
        assertThat(refused(company, Map.of("promisedDate", "31.12.2026", "amount", "100")))
                .containsExactly("promisedDate");
        assertThat(refused(company, promise(today.plusDays(400), "100"))).containsExactly("promisedDate");
        assertThat(refused(company, promise(today, "0"))).containsExactly("amount");
        assertThat(refused(company, promise(today, "-5"))).containsExactly("amount");
        assertThat(refused(company, promise(today, "сто"))).containsExactly("amount");
        assertThat(refused(company, promise(today, "10.005"))).containsExactly("amount");
        assertThat(refused(company, promise(today, null))).containsExactly("amount");
        Response aboveDebt = api.as("manager1").post(promises(company), promise(today, "45000.01")).isProblem(400);
        assertThat(aboveDebt.errorFields()).containsExactly("amount");
        assertThat(aboveDebt.json().path("errors").get(0).path("message").asString().replace('\u00A0', ' '))
                .isEqualTo("Сумма больше долга клиента: он должен 45 000,00 ₽.");
        Map<String, Object> aboveInvoice = promise(today, "30000.01");
        aboveInvoice.put("invoiceId", a.id().toString());
        assertThat(refused(company, aboveInvoice)).containsExactly("amount");
        Map<String, Object> foreign = promise(today, "100");
        foreign.put("invoiceId", elsewhere.id().toString());
        assertThat(refused(company, foreign)).containsExactly("invoiceId");
        Map<String, Object> garbage = promise(today, "100");
        garbage.put("invoiceId", "СЧ-1");
        assertThat(refused(company, garbage)).containsExactly("invoiceId");
        Map<String, Object> twoWrong = promise(today.minusDays(3), "0");
        assertThat(refused(company, twoWrong)).containsExactlyInAnyOrder("promisedDate", "amount");

        assertThat(jdbc.sql("select count(*) from payment_promise where company_id = :company")
                .param("company", company.value()).query(Long.class).single()).isZero();
    }

    @Test
    void aPromiseIsRecordedWithWhoRecordedItAndListed() {
        CompanyId company = data.company("manager1", ApiClient.unique("Обещание"));
        InvoiceView invoice = data.invoice(company, today.minusDays(20), "30000.00");
        Map<String, Object> request = promise(today.plusDays(3), "12 500,50");
        request.put("invoiceId", invoice.id().toString());
        request.put("madeBy", "Иванова, главный бухгалтер");
        request.put("note", "Ждут поступления от своего заказчика");

        Response created = api.as("manager1").post(promises(company), request).isJson(201);

        JsonNode body = created.json();
        assertThat(created.header("Location")).isEqualTo(promises(company) + "/" + body.path("id").asString());
        assertThat(body.path("status").asString()).isEqualTo("OPEN");
        assertThat(body.path("amount").decimalValue()).isEqualByComparingTo("12500.50");
        assertThat(body.path("promisedDate").asString()).isEqualTo(today.plusDays(3).toString());
        assertThat(body.path("recordedOn").asString()).isEqualTo(today.toString());
        assertThat(body.path("invoiceNumber").asString()).isEqualTo(invoice.number());
        assertThat(body.path("recordedByName").asString()).isEqualTo("Кузнецов Дмитрий Александрович");
        assertThat(body.path("paidSoFar").decimalValue()).isEqualByComparingTo("0");
        assertThat(body.path("currency").asString()).isEqualTo("RUB");
        JsonNode page = api.as("manager1").get(promises(company)).isJson(200).json();
        assertThat(page.path("totalElements").asLong()).isEqualTo(1);
        assertThat(page.path("content").get(0).path("madeBy").asString()).isEqualTo("Иванова, главный бухгалтер");
        api.as("head").get(created.header("Location")).isJson(200);
        assertThat(jdbc.sql("""
                        select count(*) from audit_log where entity_type = 'PaymentPromise' and entity_id = :id
                        and action = 'CREATED' and actor = 'manager1'""")
                .param("id", body.path("id").asString()).query(Long.class).single()).isPositive();
        String audit = "/api/v1/audit/PaymentPromise/" + body.path("id").asString();
        assertThat(api.as("manager1").get(audit).isJson(200).json().get(0).path("actor").asString())
                .isEqualTo("manager1");
        api.as("manager3").get(audit).isProblem(404);
    }

    @Test
    void theSameIdempotencyKeyRecordsOnePromise() {
        CompanyId company = data.company("manager1", ApiClient.unique("Повтор"));
        data.invoice(company, today.minusDays(20), "1000.00");
        String key = ApiClient.unique("promise-key");

        Response first = api.as("manager1").header("Idempotency-Key", key).post(promises(company),
                promise(today, "1000")).isJson(201);
        Response again = api.as("manager1").header("Idempotency-Key", key).post(promises(company),
                promise(today, "1000")).isJson(201);

        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(jdbc.sql("select count(*) from payment_promise where company_id = :company")
                .param("company", company.value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCompanyOneMayNotSeeTakesNoPromisesAndShowsNone() {
        CompanyId company = data.company("manager1", ApiClient.unique("Закрытый"));
        data.invoice(company, today.minusDays(20), "1000.00");

        api.as("manager3").post(promises(company), promise(today, "10")).isProblem(404);
        api.as("manager3").get(promises(company)).isProblem(404);
        api.as("manager3").post(promises(company), promise(today.minusDays(1), "0")).isProblem(404);
    }

    private java.util.List<String> refused(CompanyId company, Map<String, Object> request) {
        return api.as("manager1").post(promises(company), request).isProblem(400).errorFields();
    }

    private static Map<String, Object> promise(LocalDate date, String amount) {
        Map<String, Object> promise = new HashMap<>();
        if (date != null) {
            promise.put("promisedDate", date.toString());
        }
        if (amount != null) {
            promise.put("amount", amount);
        }
        return promise;
    }

    private static String promises(CompanyId company) {
        return "/api/v1/companies/" + company + "/promises";
    }
}
