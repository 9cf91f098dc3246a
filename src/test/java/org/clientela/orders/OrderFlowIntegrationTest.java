package org.clientela.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientela.orders.OrderWorld.ORDERS;
import static org.clientela.orders.OrderWorld.line;
import static org.clientela.orders.OrderWorld.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * An order's way through production and delivery: who moves it, what the client's contact is told,
 * the invoice on shipping, cancelling, a merge of its client, and what to offer the client again.
 */
@IntegrationTest
class OrderFlowIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenMail greenMail;

    ApiClient api;
    OrderWorld world;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        world = new OrderWorld(api);
    }

    @Test
    void productionMovesTheOrderAndTheClientHearsOfEachStep() throws Exception {
        String company = world.company("manager1");
        String domain = "flow-" + UUID.randomUUID().toString().substring(0, 8) + ".orders.test";
        String contact = world.contact("manager1", company, "snab@" + domain);
        String piece = world.piece(OrderWorld.SERVICES, "500.00", null);
        world.limit(company, "100000.00", 30);
        Map<String, Object> request = order(company, line(piece, 2));
        request.put("contactId", contact);
        String id = api.as("manager1").post(ORDERS, request).isJson(201).id();
        JsonNode draft = api.as("manager1").get(ORDERS + "/" + id).json();
        assertThat(draft.path("contactEmail").asString()).isEqualTo("snab@" + domain);
        String number = draft.path("number").asString();
        String companyName = api.as("manager1").get("/api/v1/companies/" + company).json().path("name").asString();

        api.as("production").post(ORDERS + "/" + id + "/status", Map.of("status", "IN_PRODUCTION")).isProblem(409);
        api.as("manager1").post(ORDERS + "/" + id + "/confirm", Map.of()).isJson(200);
        api.as("production").post(ORDERS + "/" + id + "/status", Map.of("status", "READY")).isProblem(409);
        api.as("credit").post(ORDERS + "/" + id + "/status", Map.of("status", "IN_PRODUCTION")).isProblem(403);
        assertThat(api.as("production").post(ORDERS + "/" + id + "/status", Map.of("status", "SOMEWHERE"))
                .isProblem(400).errorFields()).containsExactly("status");

        api.as("production").post(ORDERS + "/" + id + "/status",
                Map.of("status", "IN_PRODUCTION", "note", "Срок изготовления — 5 рабочих дней")).isJson(200);

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage[] mails = greenMail.getReceivedMessagesForDomain(domain);
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("Заказ " + number + " передан в производство");
        String text = mails[0].getContent().toString();
        assertThat(text).contains("Ваш заказ " + number + " (" + companyName + ") передан в производство "
                + LocalDate.now().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))
                .contains("Срок изготовления — 5 рабочих дней");

        api.as("production").post(ORDERS + "/" + id + "/status", Map.of("status", "READY")).isJson(200);
        JsonNode shipped = api.as("production").post(ORDERS + "/" + id + "/status", Map.of("status", "SHIPPED"))
                .isJson(200).json();
        // shipping invoiced the order: 500,00 × 2 + 20 % = 1 200,00
        assertThat(shipped.path("invoiceNumber").asString()).startsWith("СЧ-");
        assertThat(jdbc.sql("select amount from invoice where order_id = cast(:id as uuid)").param("id", id)
                .query(BigDecimal.class).single()).isEqualByComparingTo("1200.00");
        api.as("manager1").post(ORDERS + "/" + id + "/cancel", Map.of("reason", "Поздно")).isProblem(409);
        api.as("production").post(ORDERS + "/" + id + "/status", Map.of("status", "DELIVERED")).isJson(200);
        api.as("production").post(ORDERS + "/" + id + "/status", Map.of("status", "CLOSED")).isProblem(403);
        assertThat(api.as("production").post(ORDERS + "/" + id + "/problem", Map.of("note", "Скол на одном стекле, "
                + "заменим за наш счёт")).isJson(200).json().path("status").asString()).isEqualTo("DELIVERED");
        JsonNode closed = api.as("manager1").post(ORDERS + "/" + id + "/status", Map.of("status", "CLOSED"))
                .isJson(200).json();
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");

        greenMail.waitForIncomingEmail(5000, 5);
        assertThat(greenMail.getReceivedMessagesForDomain(domain)).extracting(MimeMessage::getSubject)
                .containsExactly("Заказ " + number + " передан в производство", "Заказ " + number + " готов к отгрузке",
                        "Заказ " + number + " отгружен", "Заказ " + number + " доставлен",
                        "Заказ " + number + ": важная информация");
        JsonNode history = api.as("manager1").get(ORDERS + "/" + id + "/history").isJson(200).json();
        assertThat(history.size()).isEqualTo(8);
        assertThat(history.get(2).path("to").asString()).isEqualTo("IN_PRODUCTION");
        assertThat(history.get(2).path("changedBy").asString()).isEqualTo("Фёдоров Павел Андреевич");
        assertThat(history.get(2).path("note").asString()).isEqualTo("Срок изготовления — 5 рабочих дней");
    }

    @Test
    void aClientNotToBeInformedGetsNoMailAndAnOrderIsCancelledWithItsReason() {
        String company = world.company("manager2");
        String domain = "quiet-" + UUID.randomUUID().toString().substring(0, 8) + ".orders.test";
        String contact = world.contact("manager2", company, "boss@" + domain);
        String piece = world.piece(OrderWorld.SERVICES, "500.00", null);
        world.limit(company, "100000.00", 30);
        Map<String, Object> request = order(company, line(piece, 1));
        request.put("contactId", contact);
        request.put("informClient", false);
        String id = api.as("manager2").post(ORDERS, request).isJson(201).id();
        api.as("manager2").post(ORDERS + "/" + id + "/confirm", Map.of()).isJson(200);
        api.as("manager2").post(ORDERS + "/" + id + "/status", Map.of("status", "IN_PRODUCTION")).isJson(200);

        assertThat(api.as("manager2").post(ORDERS + "/" + id + "/cancel", Map.of()).isProblem(400).errorFields())
                .containsExactly("reason");
        JsonNode cancelled = api.as("manager2").post(ORDERS + "/" + id + "/cancel",
                Map.of("reason", "Клиент отказался: объект заморожен")).isJson(200).json();

        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("cancelReason").asString()).isEqualTo("Клиент отказался: объект заморожен");
        assertThat(greenMail.getReceivedMessagesForDomain(domain)).isEmpty();
        assertThat(api.as("credit").get("/api/v1/companies/" + company + "/credit").json().path("exposure")
                .decimalValue()).isEqualByComparingTo("0.00");
        api.as("manager2").post(ORDERS + "/" + id + "/cancel", Map.of("reason", "Ещё раз")).isProblem(409);
    }

    @Test
    void theSurvivorOfAMergeTakesTheDuplicatesOrders() {
        String survivor = world.company("head");
        String duplicate = world.company("head");
        String piece = world.piece(OrderWorld.SERVICES, "100.00", null);
        String id = world.draft("head", duplicate, piece, 1);

        api.as("head").post("/api/v1/companies/" + survivor + "/merge", Map.of("duplicateId", duplicate,
                "survivorVersion", 0, "duplicateVersion", 0)).isJson(200);

        assertThat(api.as("head").get(ORDERS + "/" + id).isJson(200).json().path("companyId").asString())
                .isEqualTo(survivor);
        assertThat(api.as("head").get(ORDERS + "?companyId=" + duplicate).json().path("totalElements").asLong())
                .isZero();
        assertThat(api.as("head").get("/api/v1/audit/SalesOrder/" + id).isJson(200).body()).contains(survivor);
    }

    @Test
    void suggestsTheGroupsTheClientStoppedBuying() {
        String company = world.company("manager1");
        String draft = world.draft("manager1", company, world.piece(OrderWorld.SERVICES, "100.00", null), 1);
        LocalDate today = LocalDate.now();
        // bought 10 and 8 months ago, not since: suggested
        pastOrder(company, "CLOSED", today.minusMonths(10), "Стеклопакеты однокамерные");
        pastOrder(company, "DELIVERED", today.minusMonths(8), "Стеклопакеты однокамерные");
        // bought 6 months ago and again last month: not suggested
        pastOrder(company, "CLOSED", today.minusMonths(6), "Стеклопакеты двухкамерные");
        pastOrder(company, "CONFIRMED", today.minusMonths(1), "Стеклопакеты двухкамерные");
        // only in a cancelled order, or longer than fifteen months ago, or only in a draft: not suggested
        pastOrder(company, "CANCELLED", today.minusMonths(9), "Энергосберегающие");
        pastOrder(company, "CLOSED", today.minusMonths(16), "Триплекс");
        pastOrder(company, "DRAFT", today.minusMonths(7), "Фурнитура");

        JsonNode suggestions = api.as("manager1").get(ORDERS + "/" + draft + "/suggestions").isJson(200).json();

        assertThat(suggestions.size()).isEqualTo(1);
        assertThat(suggestions.get(0).path("group").asString()).isEqualTo("Стеклопакеты однокамерные");
        assertThat(suggestions.get(0).path("lastOrdered").asString()).isEqualTo(today.minusMonths(8).toString());
        assertThat(suggestions.get(0).path("orders").asInt()).isEqualTo(2);
    }

    /** An order of the client's history, written as it is: one line of the group. */
    private void pastOrder(String company, String status, LocalDate day, String group) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into sales_order (id, number, company_id, status, order_date, vat_rate, total_without_vat,
                            vat_amount, total_with_vat, version)
                        values (:id, :number, cast(:company as uuid), :status, :day, 20, 100, 20, 120, 0)""")
                .param("id", id).param("number", "ТЕСТ-" + id).param("company", company).param("status", status)
                .param("day", day).update();
        jdbc.sql("""
                        insert into order_line (id, order_id, position, product_id, sku, product_name, unit,
                            assortment_group_id, assortment_group, quantity, base_price, price_list_version,
                            price_list_effective_from, price_type_discount, list_unit_price, unit_price, amount)
                        values (:id, :order, 1, :product, 'SKU', 'Товар', 'PCS',
                            coalesce((select id from assortment_group where lower(name) = lower(:group)), gen_random_uuid()),
                            :group, 1, 100, 1, :day, 0, 100, 100, 100)""")
                .param("id", UUID.randomUUID()).param("order", id).param("product", UUID.randomUUID())
                .param("group", group).param("day", day).update();
    }
}
