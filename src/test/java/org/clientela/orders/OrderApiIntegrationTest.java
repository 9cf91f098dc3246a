package org.clientela.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientela.orders.OrderWorld.ORDERS;
import static org.clientela.orders.OrderWorld.glassLine;
import static org.clientela.orders.OrderWorld.line;
import static org.clientela.orders.OrderWorld.order;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
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

/** Taking orders and changing their lines through the API; every amount worked out by hand. */
@IntegrationTest
class OrderApiIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    OrderWorld world;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        world = new OrderWorld(api);
    }

    @Test
    void aDraftIsPricedFromTheClientsPricesWithVatOnItsTotal() {
        String company = world.company("manager1");
        String glass = world.glassUnit("2150.00", "1480.00");
        String piece = world.piece(OrderWorld.SERVICES, "333.34", "200.00");

        Response created = api.as("manager1").post(ORDERS, order(company,
                glassLine(glass, 3, "1.2", "0.8", 5), line(piece, 7))).isJson(201);
        JsonNode order = created.json();

        assertThat(created.header("Location")).endsWith("/api/v1/orders/" + created.id());
        assertThat(order.path("number").asString()).matches("З-\\d{6}");
        assertThat(order.path("status").asString()).isEqualTo("DRAFT");
        // 2 150,00 × 0,95 = 2 042,50 ₽/m²; 1,2 × 0,8 = 0,96 m²; 2 042,50 × 0,96 × 3 = 5 882,40 ₽
        JsonNode glassLine = order.path("lines").get(0);
        assertThat(glassLine.path("listUnitPrice").decimalValue()).isEqualByComparingTo("2150.00");
        assertThat(glassLine.path("discountPercent").decimalValue()).isEqualByComparingTo("5");
        assertThat(glassLine.path("unitPrice").decimalValue()).isEqualByComparingTo("2042.50");
        assertThat(glassLine.path("billableArea").decimalValue()).isEqualByComparingTo("0.96");
        assertThat(glassLine.path("amount").decimalValue()).isEqualByComparingTo("5882.40");
        // 333,34 × 7 = 2 333,38 ₽
        assertThat(order.path("lines").get(1).path("amount").decimalValue()).isEqualByComparingTo("2333.38");
        // 5 882,40 + 2 333,38 = 8 215,78; VAT 20 % = 1 643,156 → 1 643,16; with VAT 9 858,94
        assertThat(order.path("totalWithoutVat").decimalValue()).isEqualByComparingTo("8215.78");
        assertThat(order.path("vat").decimalValue()).isEqualByComparingTo("1643.16");
        assertThat(order.path("total").decimalValue()).isEqualByComparingTo("9858.94");
        assertThat(order.path("currency").asString()).isEqualTo("RUB");
        // a manager sees no cost and no margin
        assertThat(order.has("costTotal")).isFalse();
        assertThat(order.has("margin")).isFalse();
        assertThat(glassLine.has("costAmount")).isFalse();
        assertThat(glassLine.has("margin")).isFalse();

        JsonNode seenByHead = api.as("head").get(ORDERS + "/" + created.id()).isJson(200).json();
        // cost 1 480,00 × 0,96 × 3 = 4 262,40 and 200,00 × 7 = 1 400,00; margin 8 215,78 − 5 662,40 = 2 553,38
        assertThat(seenByHead.path("costTotal").decimalValue()).isEqualByComparingTo("5662.40");
        assertThat(seenByHead.path("margin").decimalValue()).isEqualByComparingTo("2553.38");
        assertThat(seenByHead.path("lines").get(0).path("margin").decimalValue()).isEqualByComparingTo("1620.00");
        assertThat(seenByHead.path("lines").get(1).path("margin").decimalValue()).isEqualByComparingTo("933.38");
    }

    @Test
    void theVatIsTakenOnceOnTheTotalNotSummedOverTheLines() {
        String company = world.company("manager1");
        String cheap = world.piece(OrderWorld.SERVICES, "0.03", null);

        JsonNode order = api.as("manager1").post(ORDERS, order(company, line(cheap, 1), line(cheap, 1),
                line(cheap, 1))).isJson(201).json();

        // each line's VAT would be 0,006 → 0,01, three of them 0,03; on the total: 0,09 × 20 % = 0,018 → 0,02
        assertThat(order.path("totalWithoutVat").decimalValue()).isEqualByComparingTo("0.09");
        assertThat(order.path("vat").decimalValue()).isEqualByComparingTo("0.02");
        assertThat(order.path("total").decimalValue()).isEqualByComparingTo("0.11");
    }

    @Test
    void aPriceBelowCostIsTheHeadsDecision() {
        String company = world.company("manager1");
        String glass = world.glassUnit("2150.00", "1480.00");

        // 2 150,00 × 0,70 = 1 505,00 ≥ 1 480,00: allowed; × 0,60 = 1 290,00 < 1 480,00: not for a manager
        api.as("manager1").post(ORDERS, order(company, glassLine(glass, 1, "1", "1", 30))).isJson(201);
        assertThat(api.as("manager1").post(ORDERS, order(company, glassLine(glass, 1, "1", "1", 40)))
                .isProblem(400).errorFields()).containsExactly("lines[0].discountPercent");
        JsonNode byHead = api.as("head").post(ORDERS, order(company, glassLine(glass, 1, "1", "1", 40)))
                .isJson(201).json();
        assertThat(byHead.path("lines").get(0).path("unitPrice").decimalValue()).isEqualByComparingTo("1290.00");
        assertThat(byHead.path("margin").decimalValue()).isEqualByComparingTo("-190.00");
    }

    @Test
    void badOrdersAreRefusedAtTheirFieldsAndNothingIsWritten() {
        String company = world.company("manager1");
        String glass = world.glassUnit("2150.00", null);
        String piece = world.piece(OrderWorld.SERVICES, "100.00", null);

        Response bad = api.as("manager1").post(ORDERS, order(company, line(piece, 0), line(piece, -2),
                line(UUID.randomUUID().toString(), 1), line(glass, 2), line("no-such-id", 1),
                glassLine(piece, 1, "1", "1", 100))).isProblem(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("lines[0].quantity", "lines[1].quantity",
                "lines[2].productId", "lines[3].width", "lines[3].height", "lines[4].productId", "lines[5].width",
                "lines[5].discountPercent");
        assertThat(bad.json().path("errors").get(0).path("message").asString()).isNotBlank();

        Map<String, Object> future = order(company, line(piece, 1));
        future.put("orderDate", LocalDate.now().plusDays(1).toString());
        assertThat(api.as("head").post(ORDERS, future).isProblem(400).errorFields()).containsExactly("orderDate");
        Map<String, Object> past = order(company, line(piece, 1));
        past.put("orderDate", LocalDate.now().minusDays(10).toString());
        assertThat(api.as("manager1").post(ORDERS, past).isProblem(400).errorFields()).containsExactly("orderDate");
        Map<String, Object> strangeContact = order(company, line(piece, 1));
        strangeContact.put("contactId", UUID.randomUUID().toString());
        assertThat(api.as("manager1").post(ORDERS, strangeContact).isProblem(400).errorFields())
                .containsExactly("contactId");
        assertThat(api.as("manager1").post(ORDERS, Map.of("lines", List.of())).isProblem(400).errorFields())
                .containsExactly("companyId");

        assertThat(ordersOf(company)).isZero();
        // loading a previous system's history: the head may date an order in the past
        assertThat(api.as("head").post(ORDERS, past).isJson(201).json().path("orderDate").asString())
                .isEqualTo(past.get("orderDate"));
    }

    @Test
    void aCompanyOneMayNotSeeIsNotThere() {
        String foreign = world.company("manager3");
        String piece = world.piece(OrderWorld.SERVICES, "100.00", null);

        api.as("manager1").post(ORDERS, order(foreign, line(piece, 1))).isProblem(404);
        api.as("manager1").post(ORDERS, order(UUID.randomUUID().toString(), line(piece, 1))).isProblem(404);
        String theirs = world.draft("manager3", foreign, piece, 1);
        api.as("manager1").get(ORDERS + "/" + theirs).isProblem(404);
        api.as("manager1").get(ORDERS + "/" + UUID.randomUUID()).isProblem(404);
        api.as("manager1").post(ORDERS + "/" + theirs + "/confirm", Map.of()).isProblem(404);
        api.as("manager1").post(ORDERS + "/" + theirs + "/cancel", Map.of("reason", "Чужой")).isProblem(404);
        assertThat(api.as("manager1").get(ORDERS + "?companyId=" + foreign).isJson(200).json()
                .path("totalElements").asLong()).isZero();
        assertThat(api.as("manager3").get(ORDERS + "?companyId=" + foreign).isJson(200).json()
                .path("totalElements").asLong()).isEqualTo(1);
        // the executing department makes every order
        assertThat(api.as("production").get(ORDERS + "/" + theirs).isJson(200).json().path("number").asString())
                .startsWith("З-");
        // takes none
        api.as("production").post(ORDERS, order(foreign, line(piece, 1))).isProblem(403);
        api.as("credit").post(ORDERS, order(foreign, line(piece, 1))).isProblem(403);
        assertThat(ordersOf(foreign)).isEqualTo(1);
    }

    @Test
    void theListFiltersByCompanyStatusAndDate() {
        String company = world.company("manager2");
        String piece = world.piece(OrderWorld.SERVICES, "100.00", null);
        world.draft("manager2", company, piece, 1);
        Map<String, Object> old = order(company, line(piece, 2));
        old.put("orderDate", LocalDate.now().minusDays(40).toString());
        api.as("head").post(ORDERS, old).isJson(201);

        JsonNode all = api.as("manager2").get(ORDERS + "?companyId=" + company).isJson(200).json();
        assertThat(all.path("totalElements").asLong()).isEqualTo(2);
        // the latest first
        assertThat(all.path("content").get(0).path("total").decimalValue()).isEqualByComparingTo("120.00");
        JsonNode recent = api.as("manager2").get(ORDERS + "?companyId=" + company + "&from="
                + LocalDate.now().minusDays(5) + "&status=DRAFT").isJson(200).json();
        assertThat(recent.path("totalElements").asLong()).isEqualTo(1);
        assertThat(api.as("manager2").get(ORDERS + "?companyId=" + company + "&status=SHIPPED").isJson(200).json()
                .path("totalElements").asLong()).isZero();
        assertThat(api.as("manager2").get(ORDERS + "?status=LOST").isProblem(400).errorFields())
                .containsExactly("status");
        assertThat(api.as("manager2").get(ORDERS + "?sort=secret").isProblem(400).errorFields())
                .containsExactly("sort");
    }

    @Test
    void linesChangeOnlyInADraftAndOnTheVersionSeen() {
        String company = world.company("manager1");
        world.limit(company, "1000000.00", 30);
        String glass = world.glassUnit("2000.00", null);
        String piece = world.piece(OrderWorld.SERVICES, "100.00", null);
        Response created = api.as("manager1").post(ORDERS, order(company, line(piece, 1))).isJson(201);
        String id = created.id();
        long version = created.json().path("version").asLong();
        assertThat(created.header("ETag")).isEqualTo("\"" + version + "\"");

        Response added = api.as("manager1").header("If-Match", "\"" + version + "\"")
                .post(ORDERS + "/" + id + "/lines", glassLine(glass, 2, "0.5", "0.5", null)).isJson(201);
        // 0,25 m² is billed as 0,3 m²: 2 000,00 × 0,3 × 2 = 1 200,00; + 100,00 = 1 300,00; VAT 260,00
        assertThat(added.json().path("totalWithoutVat").decimalValue()).isEqualByComparingTo("1300.00");
        assertThat(added.json().path("total").decimalValue()).isEqualByComparingTo("1560.00");
        String lineId = added.json().path("lines").get(1).path("id").asString();
        long afterAdd = added.json().path("version").asLong();

        api.as("manager1").put(ORDERS + "/" + id + "/lines/" + lineId, Map.of("productId", glass, "quantity", 1,
                "width", 1, "height", 1, "version", version)).isProblem(409);
        api.as("manager1").put(ORDERS + "/" + id + "/lines/" + lineId, Map.of("productId", glass, "quantity", 1,
                "width", 1, "height", 1)).isProblem(428);
        assertThat(api.as("manager1").put(ORDERS + "/" + id + "/lines/" + lineId, Map.of("productId", glass,
                "quantity", 0, "width", 1, "height", 1, "version", afterAdd)).isProblem(400).errorFields())
                .containsExactly("quantity");
        JsonNode changed = api.as("manager1").put(ORDERS + "/" + id + "/lines/" + lineId, Map.of("productId", glass,
                "quantity", 1, "width", 1, "height", 1, "version", afterAdd)).isJson(200).json();
        assertThat(changed.path("totalWithoutVat").decimalValue()).isEqualByComparingTo("2100.00");

        String firstLine = changed.path("lines").get(0).path("id").asString();
        JsonNode removed = api.as("manager1").header("If-Match", "\"" + changed.path("version").asLong() + "\"")
                .delete(ORDERS + "/" + id + "/lines/" + firstLine).isJson(200).json();
        assertThat(removed.path("lines").size()).isEqualTo(1);
        assertThat(removed.path("totalWithoutVat").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(api.as("manager1").get(ORDERS + "/" + id + "/lines").isJson(200).json().size()).isEqualTo(1);

        JsonNode confirmed = api.as("manager1").post(ORDERS + "/" + id + "/confirm", Map.of()).isJson(200).json();
        assertThat(confirmed.path("status").asString()).isEqualTo("CONFIRMED");
        // the answer is read in the confirmation's own statement: the order as it is now, whole
        assertThat(confirmed.path("version").asLong()).isEqualTo(removed.path("version").asLong() + 1);
        assertThat(confirmed).isEqualTo(api.as("manager1").get(ORDERS + "/" + id).isJson(200).json());
        api.as("manager1").post(ORDERS + "/" + id + "/lines", Map.of("productId", piece, "quantity", 1,
                "version", confirmed.path("version").asLong())).isProblem(409);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() throws Exception {
        String company = world.company("manager1");
        String piece = world.piece(OrderWorld.SERVICES, "100.00", null);
        String key = UUID.randomUUID().toString();

        Response first = api.as("manager1").header("Idempotency-Key", key)
                .post(ORDERS, order(company, line(piece, 1))).isJson(201);
        Response again = api.as("manager1").header("Idempotency-Key", key)
                .post(ORDERS, order(company, line(piece, 1))).isJson(201);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.json().path("number").asString()).isEqualTo(first.json().path("number").asString());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(ordersOf(company)).isEqualTo(1);
        api.as("manager1").header("Idempotency-Key", key).post(ORDERS, order(company, line(piece, 2)))
                .hasStatus(422);

        String together = UUID.randomUUID().toString();
        Callable<Response> send = () -> api.as("manager1").header("Idempotency-Key", together)
                .post(ORDERS, order(company, line(piece, 3)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Response> one = pool.submit(send);
            Future<Response> two = pool.submit(send);
            assertThat(one.get().isJson(201).id()).isEqualTo(two.get().isJson(201).id());
        } finally {
            pool.shutdown();
        }
        assertThat(ordersOf(company)).isEqualTo(2);
    }

    @Test
    void whoWorksOnAnOrderAndWhatTheySeeOfIt() {
        String company = world.company("manager1");
        String piece = world.piece(OrderWorld.SERVICES, "1000.00", "600.00");
        String id = world.draft("manager1", company, piece, 1);

        // the credit controller and the executing department take no orders and change no drafts
        api.as("production").post(ORDERS + "/" + id + "/confirm", Map.of()).isProblem(403);
        api.as("credit").post(ORDERS + "/" + id + "/confirm", Map.of()).isProblem(403);
        // a hold needs the credit controller, the head or the director
        assertThat(api.as("manager1").post(ORDERS + "/" + id + "/confirm", Map.of()).hasStatus(409).json()
                .path("type").asString()).isEqualTo("https://clientela.dev/problems/credit-no-limit");
        api.as("manager1").post(ORDERS + "/" + id + "/approve-credit", Map.of("reason", "Сам себе")).isProblem(403);
        api.as("production").post(ORDERS + "/" + id + "/approve-credit", Map.of("reason", "Мы")).isProblem(403);
        api.as("admin").post(ORDERS + "/" + id + "/approve-credit", Map.of("reason", "Админ")).isProblem(403);

        JsonNode seenByProduction = api.as("production").get(ORDERS + "/" + id).isJson(200).json();
        assertThat(seenByProduction.has("creditHoldReason")).isFalse();
        assertThat(seenByProduction.has("creditLimit")).isFalse();
        assertThat(seenByProduction.has("margin")).isFalse();
        JsonNode seenByDirector = api.as("director").get(ORDERS + "/" + id).isJson(200).json();
        assertThat(seenByDirector.path("creditHoldReason").asString()).isEqualTo("NO_LIMIT");
        assertThat(seenByDirector.path("margin").decimalValue()).isEqualByComparingTo("400.00");
    }

    private long ordersOf(String company) {
        return jdbc.sql("select count(*) from sales_order where company_id = cast(:company as uuid)")
                .param("company", company).query(Long.class).single();
    }
}
