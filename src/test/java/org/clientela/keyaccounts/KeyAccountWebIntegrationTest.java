package org.clientela.keyaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.clientela.orders.OrderWorld;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The company section «Ключевой клиент», the list of key accounts and the page of service tiers. */
@IntegrationTest
class KeyAccountWebIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aHeadDecidesInTheCompanySectionWithMessagesAtTheFields() {
        ApiClient api = new ApiClient(port);
        String company = new OrderWorld(api).company("manager1");
        String tierName = ApiClient.unique("Серебряный");
        String tier = api.as("head").post("/api/v1/service-tiers", Map.of("name", tierName, "discountPercent", "2",
                "leadTimeDays", "7", "contractTerms", "Доставка за счёт завода")).isJson(201).id();
        String page = "/companies/" + company;
        String action = page + "/key-account";
        WebSession head = session("head");

        assertThat(session("manager1").get(page).body()).contains(action);
        assertThat(session("manager1").get(action).body()).contains("id=\"key-account-no-flag\"")
                .doesNotContain("id=\"key-account-form\"");
        assertThat(session("manager3").get(action).statusCode()).isEqualTo(404);
        assertThat(head.get(action).body()).contains("id=\"key-account-form\"", tierName);

        HttpResponse<String> refused = head.submit(page, action, Map.of("key", "true", "reason", " ",
                "kamId", "", "tierId", tier, "version", "0"), "HX-Request", "true");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"reason\"", "Укажите причину решения")
                .doesNotContain("key-account-saved");

        HttpResponse<String> saved = head.submit(page, action, Map.of("key", "true", "reason", "Объём закупок растёт",
                "kamId", "", "tierId", tier, "version", "0"), "HX-Request", "true");
        assertThat(saved.body()).contains("id=\"key-account-saved\"", "id=\"key-account-flag\"", "По решению",
                "Объём закупок растёт", tierName, "Доставка за счёт завода", "name=\"version\" value=\"1\"");

        HttpResponse<String> stale = head.submit(page, action, Map.of("key", "false", "reason", "Старая вкладка",
                "kamId", "", "tierId", "", "version", "0"), "HX-Request", "true");
        assertThat(stale.body()).contains("id=\"key-account-form-errors\"", "Запись уже изменил кто-то другой");

        assertThat(session("manager1").submit(page, action, Map.of("key", "false", "reason", "Хочу",
                "version", "1")).statusCode()).isEqualTo(403);
        assertThat(session("manager3").submit("/key-accounts", action, Map.of("key", "false", "reason", "Хочу",
                "version", "1")).statusCode()).isEqualTo(404);

        String list = session("manager1").get("/key-accounts?tier=" + tier).body();
        assertThat(list).contains("Ключевые клиенты", "data-id=\"" + company + "\"", "По решению", tierName);
        assertThat(session("manager3").get("/key-accounts?tier=" + tier).body())
                .doesNotContain("data-id=\"" + company + "\"");
        assertThat(session("manager1").get("/key-accounts?tier=" + tier + "&basis=RULE").body())
                .doesNotContain("data-id=\"" + company + "\"").contains("id=\"key-account-empty\"");
        assertThat(session("manager1").get("/").body()).contains("href=\"/key-accounts\"");
    }

    @Test
    void theTiersPageKeepsTiersForThoseWhoMay() {
        WebSession head = session("head");
        String name = ApiClient.unique("Бронзовый");

        HttpResponse<String> refused = head.submit("/service-tiers", "/service-tiers", Map.of("name", name,
                "discountPercent", "75", "leadTimeDays", "два", "contractTerms", ""));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"discountPercent\"", "Скидка — от 0 до 50 %",
                "data-field=\"leadTimeDays\"");

        HttpResponse<String> saved = head.submit("/service-tiers", "/service-tiers", Map.of("name", name,
                "discountPercent", "1,5", "leadTimeDays", "10", "contractTerms", "Без предоплаты"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(head.get("/service-tiers").body()).contains(name, "Без предоплаты", "id=\"tier-new\"");

        assertThat(session("manager1").get("/service-tiers").body()).contains(name).doesNotContain("id=\"tier-new\"");
        assertThat(session("manager1").submit("/service-tiers", "/service-tiers", Map.of("name", name + "2",
                "discountPercent", "1", "leadTimeDays", "1")).statusCode()).isEqualTo(403);
    }

    private WebSession session(String username) {
        return WebSession.loggedIn(port, username, ApiClient.DEMO_PASSWORD);
    }
}
