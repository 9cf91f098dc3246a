package org.clientela.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientela.orders.OrderWorld.ORDERS;
import static org.clientela.orders.OrderWorld.glassLine;
import static org.clientela.orders.OrderWorld.line;
import static org.clientela.orders.OrderWorld.order;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Returns of shipped orders (O4) through the API: validation, money, access, audit and a race. */
@IntegrationTest
class OrderReturnApiIntegrationTest {

    @LocalServerPort
    int port;

    ApiClient api;
    OrderWorld world;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        world = new OrderWorld(api);
    }

    @Test
    void aReturnIsWorthTheLinesUnitPriceTimesWhatCameBackAndIsNumberedWithinItsOrder() {
        String company = world.company("manager1");
        world.limit(company, "1000000.00", 30);
        String glass = world.glassUnit("2150.00", "1480.00");
        String piece = world.piece(OrderWorld.ENERGY, "1000.00", "600.00");
        String id = shipped(company, glassLine(glass, 2, "1.2", "0.8", null), line(piece, 3));
        List<String> lines = lineIds(id);

        // glass: 2 150,00 × 0,96 m² × 1 = 2 064,00 (cost 1 480,00 × 0,96 = 1 420,80); pieces: 1 000,00 × 2
        JsonNode first = api.as("manager1").post(ORDERS + "/" + id + "/returns", Map.of("reason", "DEFECT",
                "lines", List.of(returned(lines.get(0), 1), returned(lines.get(1), 2)))).isJson(201).json();
        assertThat(first.path("position").asInt()).isEqualTo(1);
        assertThat(first.path("amount").decimalValue()).isEqualByComparingTo("4064.00");
        assertThat(first.path("currency").asString()).isEqualTo("RUB");
        assertThat(first.path("date").asString()).isEqualTo(LocalDate.now().toString());
        assertThat(first.has("costAmount")).isFalse();
        JsonNode seenByHead = api.as("head").get(ORDERS + "/" + id + "/returns").isJson(200).json().get(0);
        assertThat(seenByHead.path("costAmount").decimalValue()).isEqualByComparingTo("2620.80");
        assertThat(seenByHead.path("lines").get(0).path("amount").decimalValue()).isEqualByComparingTo("2064.00");

        JsonNode second = api.as("head").post(ORDERS + "/" + id + "/returns", Map.of("reason", "OTHER",
                "note", "Клиент ошибся с количеством", "lines", List.of(returned(lines.get(1), 1)))).isJson(201).json();
        assertThat(second.path("position").asInt()).isEqualTo(2);
        assertThat(second.path("amount").decimalValue()).isEqualByComparingTo("1000.00");
        // all three pieces are back now
        assertThat(api.as("manager1").post(ORDERS + "/" + id + "/returns", Map.of("reason", "DEFECT",
                "lines", List.of(returned(lines.get(1), 1)))).isProblem(400).errorFields())
                .containsExactly("lines[0].quantity");

        String history = api.as("manager1").get("/api/v1/audit/SalesOrder/" + id).isJson(200).body();
        assertThat(history).contains("\"return\"", "Клиент ошибся с количеством");
    }

    @Test
    void eachBadInputIsSaidAtItsFieldAndNothingIsWritten() {
        String company = world.company("manager1");
        world.limit(company, "1000000.00", 30);
        String piece = world.piece(OrderWorld.SERVICES, "500.00", null);
        String confirmed = world.draft("manager1", company, piece, 3);
        api.as("manager1").post(ORDERS + "/" + confirmed + "/confirm", Map.of()).isJson(200);
        api.as("manager1").post(ORDERS + "/" + confirmed + "/returns", Map.of("reason", "DEFECT",
                "lines", List.of(returned(lineIds(confirmed).get(0), 1)))).isProblem(409);

        String id = shipped(company, line(piece, 3), line(piece, 2));
        List<String> lines = lineIds(id);
        String path = ORDERS + "/" + id + "/returns";
        assertThat(api.as("manager1").post(path, Map.of()).isProblem(400).errorFields())
                .containsExactlyInAnyOrder("reason", "lines");
        assertThat(api.as("manager1").post(path, Map.of("date", LocalDate.now().plusDays(1).toString(),
                "reason", "LOST", "lines", List.of(returned(lines.get(0), 1)))).isProblem(400).errorFields())
                .containsExactlyInAnyOrder("date", "reason");
        assertThat(api.as("manager1").post(path, Map.of("date", LocalDate.now().minusDays(1).toString(),
                "reason", "OTHER", "note", " ", "lines", List.of(returned(lines.get(0), 1)))).isProblem(400)
                .errorFields()).containsExactlyInAnyOrder("date", "note");
        assertThat(api.as("manager1").post(path, Map.of("date", "27.11.2026", "reason", "DEFECT",
                "lines", List.of(returned(lines.get(0), 1)))).isProblem(400).errorFields()).containsExactly("date");
        List<Object> badLines = new ArrayList<>();
        badLines.add(returned(UUID.randomUUID().toString(), 1));
        badLines.add(returned(lines.get(0), 0));
        badLines.add(returned(lines.get(1), 3));
        badLines.add(returned(lines.get(0), 1));
        badLines.add(returned(lines.get(1), "0.0001"));
        badLines.add(Map.of("quantity", 1));
        ApiClient.Response refused = api.as("manager1").post(path, Map.of("reason", "DEFECT", "lines", badLines))
                .isProblem(400);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("lines[0].lineId", "lines[1].quantity",
                "lines[2].quantity", "lines[3].lineId", "lines[4].lineId", "lines[5].lineId");
        assertThat(refused.json().path("errors").toString()).contains("Вернуть можно не больше 2");

        assertThat(api.as("head").get(path).isJson(200).json().size()).isZero();
    }

    @Test
    void onlyWhoMayChangeTheOrderRegistersAReturnAndAHiddenOrderIsNotThere() {
        String company = world.company("manager1");
        world.limit(company, "1000000.00", 30);
        String piece = world.piece(OrderWorld.SERVICES, "100.00", null);
        String id = shipped(company, line(piece, 2));
        String path = ORDERS + "/" + id + "/returns";
        Map<String, Object> body = Map.of("reason", "DEFECT", "lines", List.of(returned(lineIds(id).get(0), 1)));

        api.as("manager3").get(path).isProblem(404);
        api.as("manager3").post(path, body).isProblem(404);
        api.as("manager1").post(ORDERS + "/" + UUID.randomUUID() + "/returns", body).isProblem(404);
        api.as("credit").post(path, body).isProblem(403);
        api.as("production").post(path, body).isProblem(403);
        assertThat(api.as("credit").get(path).isJson(200).json().size()).isZero();
        api.as("director").post(path, body).isJson(201);
    }

    @Test
    void eightReturnsOfOneLineAtOnceNeverSendBackMoreThanWasOrdered() throws Exception {
        String company = world.company("manager1");
        world.limit(company, "1000000.00", 30);
        String piece = world.piece(OrderWorld.SERVICES, "100.00", null);
        String id = shipped(company, line(piece, 3));
        String lineId = lineIds(id).get(0);
        Map<String, Object> body = Map.of("reason", "CLIENT_REFUSED", "lines", List.of(returned(lineId, 1)));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> api.as("manager1").post(ORDERS + "/" + id + "/returns", body).status());
            }
            for (Future<Integer> result : pool.invokeAll(calls)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(3);
        assertThat(statuses).filteredOn(status -> status == 400).hasSize(5);
        JsonNode returns = api.as("manager1").get(ORDERS + "/" + id + "/returns").isJson(200).json();
        assertThat(returns.size()).isEqualTo(3);
        List<Integer> positions = new ArrayList<>();
        returns.forEach(registered -> positions.add(registered.path("position").asInt()));
        assertThat(positions).containsExactly(1, 2, 3);
    }

    /** An order of the lines, taken by manager1, confirmed and shipped: its id. */
    @SafeVarargs
    private String shipped(String company, Map<String, Object>... lines) {
        String id = api.as("manager1").post(ORDERS, order(company, lines)).isJson(201).id();
        api.as("manager1").post(ORDERS + "/" + id + "/confirm", Map.of()).isJson(200);
        for (String status : List.of("IN_PRODUCTION", "READY", "SHIPPED")) {
            api.as("production").post(ORDERS + "/" + id + "/status", Map.of("status", status)).isJson(200);
        }
        return id;
    }

    private List<String> lineIds(String order) {
        List<String> ids = new ArrayList<>();
        api.as("manager1").get(ORDERS + "/" + order).isJson(200).json().path("lines")
                .forEach(line -> ids.add(line.path("id").asString()));
        return ids;
    }

    static Map<String, Object> returned(String lineId, Object quantity) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("lineId", lineId);
        line.put("quantity", quantity);
        return line;
    }
}
