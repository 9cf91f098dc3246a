package org.clientela.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientela.activities.ActivityWorld.ACTIVITIES;
import static org.clientela.activities.ActivityWorld.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.orders.OrderWorld;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * A company's timeline merges what the modules know of it — an activity done, an order
 * confirmed, a payment received — the newest first, and shows only to whoever sees the company.
 */
@IntegrationTest
class CompanyTimelineIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theTimelineMergesAnActivityAnOrderAndAPaymentNewestFirst() {
        ApiClient api = new ApiClient(port);
        OrderWorld orders = new OrderWorld(api);
        String company = orders.company("manager1");
        orders.limit(company, "100000.00", 30);
        String order = orders.draft("manager1", company, orders.piece(OrderWorld.SERVICES, "500.00", null), 2);
        api.as("manager1").post(OrderWorld.ORDERS + "/" + order + "/confirm", Map.of()).isJson(200);
        String number = api.as("manager1").get(OrderWorld.ORDERS + "/" + order).json().path("number").asString();

        String reference = ApiClient.unique("пп");
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("companyId", company);
        payment.put("date", LocalDate.now(ActivityWorld.MOSCOW).minusDays(5).toString());
        payment.put("amount", "1500.00");
        payment.put("currency", "RUB");
        payment.put("reference", reference);
        // the client owes nothing yet: a prepayment
        payment.put("advance", true);
        api.as("credit").post("/api/v1/payments", payment).isJson(201);

        String activity = api.as("manager1").post(ACTIVITIES,
                meeting(company, ActivityWorld.now(60), ActivityWorld.now(120))).isJson(201).id();
        api.as("manager1").post(ACTIVITIES + "/" + activity + "/outcome", Map.of("actualStart",
                ActivityWorld.now(-2 * 24 * 60), "outcome", "Договорились о графике отгрузок", "version", 0))
                .isJson(200);

        JsonNode timeline = api.as("manager1").get("/api/v1/companies/" + company + "/timeline").isJson(200).json();
        List<String> kinds = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<String> allKinds = new ArrayList<>();
        timeline.path("events").forEach(event -> {
            String kind = event.path("kind").asString();
            allKinds.add(kind);
            if (List.of("ORDER_STATUS", "ACTIVITY_DONE", "PAYMENT").contains(kind)
                    && (kinds.isEmpty() || !kinds.get(kinds.size() - 1).equals(kind))) {
                kinds.add(kind);
                titles.add(event.path("title").asString().replace('\u00A0', ' ').replace('\u202F', ' '));
            }
        });
        // the order confirmed now, the meeting two days ago, the payment five days ago
        assertThat(kinds).containsExactly("ORDER_STATUS", "ACTIVITY_DONE", "PAYMENT");
        assertThat(titles).containsExactly("Заказ " + number + ": Подтверждён",
                "Встреча: Обсуждение поставок на квартал (проведено)", "Оплата " + reference + " на 1 500,00 ₽");
        assertThat(allKinds).contains("COMPANY_CREATED");

        api.as("manager2").get("/api/v1/companies/" + company + "/timeline").isProblem(404);
        assertThat(api.as("manager1").get("/api/v1/companies/" + company + "/timeline?from=2026-02-30")
                .isProblem(400).errorFields()).containsExactly("from");
        assertThat(api.as("manager1").get("/api/v1/companies/" + company + "/timeline?from=2026-03-01&to=2026-02-01")
                .isProblem(400).errorFields()).containsExactly("to");
        // a window before all of it holds none of it
        assertThat(api.as("manager1").get("/api/v1/companies/" + company + "/timeline?from=2020-01-01&to=2020-12-31")
                .isJson(200).json().path("events").size()).isZero();
    }
}
