package org.clientela.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientela.orders.OrderWorld.ORDERS;
import static org.clientela.orders.OrderWorld.line;
import static org.clientela.orders.OrderWorld.order;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The order page's returns card: the form answered in place, each problem at its field. */
@IntegrationTest
class OrderReturnWebIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aManagerRegistersAReturnOnTheOrderPage() {
        ApiClient api = new ApiClient(port);
        OrderWorld world = new OrderWorld(api);
        String company = world.company("manager1");
        world.limit(company, "1000000.00", 30);
        String piece = world.piece(OrderWorld.ENERGY, "1000.00", "600.00");
        String id = api.as("manager1").post(ORDERS, order(company, line(piece, 3))).isJson(201).id();
        String page = "/orders/" + id;
        WebSession manager = WebSession.loggedIn(port, "manager1", "demo");
        assertThat(manager.get(page).body()).doesNotContain("id=\"order-returns\"");

        api.as("manager1").post(ORDERS + "/" + id + "/confirm", Map.of()).isJson(200);
        for (String status : List.of("IN_PRODUCTION", "READY", "SHIPPED")) {
            api.as("production").post(ORDERS + "/" + id + "/status", Map.of("status", status)).isJson(200);
        }
        String lineId = api.as("manager1").get(ORDERS + "/" + id).json().path("lines").get(0).path("id").asString();
        String shown = manager.get(page).body();
        assertThat(shown).contains("Возвраты", "Возвратов по заказу не было", "id=\"register-return\"",
                "name=\"line." + lineId + "\"", "Брак", "Повреждён при доставке");

        HttpResponse<String> refused = manager.submit(page, page + "/returns", Map.of("date", "", "reason", "",
                "note", "", "line." + lineId, "5"), "HX-Request", "true");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).startsWith("<section").contains("data-field=\"reason\"",
                "data-field=\"line." + lineId + "\"", "Вернуть можно не больше 3");
        HttpResponse<String> notANumber = manager.submit(page, page + "/returns", Map.of("reason", "DEFECT",
                "line." + lineId, "два"), "HX-Request", "true");
        assertThat(notANumber.body()).contains("data-field=\"line." + lineId + "\"", "«два» — не число");
        HttpResponse<String> other = manager.submit(page, page + "/returns", Map.of("reason", "OTHER",
                "line." + lineId, "1"), "HX-Request", "true");
        assertThat(other.body()).contains("data-field=\"note\"", "опишите, что случилось");
        assertThat(api.as("manager1").get(ORDERS + "/" + id + "/returns").json().size()).isZero();

        HttpResponse<String> registered = manager.submit(page, page + "/returns", Map.of("reason", "DEFECT",
                "line." + lineId, "2"), "HX-Request", "true");
        String card = registered.body().replace('\u00A0', ' ');
        assertThat(card).contains("Возврат зарегистрирован", "2 000,00 ₽", "Брак", "Кузнецов");
        assertThat(card).doesNotContain("data-field=");
        assertThat(api.as("manager1").get(ORDERS + "/" + id + "/returns").json().size()).isOne();

        WebSession credit = WebSession.loggedIn(port, "credit", "demo");
        assertThat(credit.get(page).body().replace('\u00A0', ' ')).contains("Возвраты", "2 000,00").doesNotContain("id=\"register-return\"");
        assertThat(credit.submit(page, page + "/returns", Map.of("reason", "DEFECT", "line." + lineId, "1"))
                .statusCode()).isEqualTo(403);
        assertThat(WebSession.loggedIn(port, "manager3", "demo").get(page + "/returns").statusCode()).isEqualTo(404);
    }
}
