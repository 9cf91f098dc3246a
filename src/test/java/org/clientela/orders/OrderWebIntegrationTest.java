package org.clientela.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The order page's forms as a browser sends them: a draft's lines, confirming, the credit hold, the steps. */
@IntegrationTest
class OrderWebIntegrationTest {

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
    void aManagerTakesAnOrderOnTheCompanyPageAndFillsItsLines() {
        String company = world.company("manager1");
        String glass = world.glassUnit("2150.00", "1480.00");
        world.limit(company, "1000000.00", 30);
        WebSession manager = WebSession.loggedIn(port, "manager1", "demo");

        HttpResponse<String> section = manager.get("/companies/" + company + "/orders");
        assertThat(section.statusCode()).isEqualTo(200);
        assertThat(section.body()).contains("Новый заказ", "/orders/new?companyId=" + company);
        HttpResponse<String> created = manager.submit("/orders/new?companyId=" + company, "/orders/new",
                Map.of("companyId", company, "informClient", "true"));
        assertThat(created.statusCode()).isEqualTo(302);
        String page = WebSession.location(created);
        assertThat(page).startsWith("/orders/");
        String id = page.substring("/orders/".length());
        long version = api.as("manager1").get("/api/v1/orders/" + id).json().path("version").asLong();

        // a glass unit without its size: said at the fields, nothing added
        HttpResponse<String> refused = manager.submit(page, page + "/lines", Map.of("productId", glass,
                "quantity", "2", "width", "", "height", "", "discountPercent", "0", "version", String.valueOf(version)));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"width\"", "Для стеклопакета укажите ширину и высоту");
        assertThat(api.as("manager1").get("/api/v1/orders/" + id).json().path("lines").size()).isZero();

        // «1,2» and «0,8» as a Russian types them: 2 150,00 × 0,96 × 2 = 4 128,00; VAT 825,60; 4 953,60
        HttpResponse<String> added = manager.submit(page, page + "/lines", Map.of("productId", glass,
                "quantity", "2", "width", "1,2", "height", "0,8", "discountPercent", "0",
                "version", String.valueOf(version)));
        assertThat(added.statusCode()).isEqualTo(200);
        String card = nbsp(added.body());
        assertThat(card).contains("id=\"order-lines\"", "4 128,00 ₽", "825,60 ₽", "4 953,60 ₽", "Почему такая цена");
        assertThat(card).doesNotContain("Маржа");

        // a stale form is refused above the form
        HttpResponse<String> stale = manager.submit(page, page + "/lines", Map.of("productId", glass,
                "quantity", "1", "width", "1", "height", "1", "discountPercent", "0", "version", String.valueOf(version)));
        assertThat(stale.body()).contains("global-errors");

        String number = api.as("manager1").get("/api/v1/orders/" + id).json().path("number").asString();
        String list = nbsp(manager.get("/orders?status=DRAFT&companyId=" + company).body());
        assertThat(list).contains(number, "Черновик", "4 953,60 ₽");
        assertThat(manager.get("/orders?companyId=" + company + "&status=SHIPPED").body()).doesNotContain(number);
        assertThat(manager.get("/companies/" + company + "/orders").body()).contains(number);

        HttpResponse<String> confirmed = manager.submit(page, page + "/confirm", Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(302);
        String after = nbsp(manager.get(page).body());
        assertThat(after).contains("Подтверждён", "Передать в производство", "История заказа")
                .doesNotContain("id=\"add-line\"");
        assertThat(nbsp(WebSession.loggedIn(port, "head", "demo").get(page).body())).contains("Маржа", "1 286,40 ₽");
    }

    @Test
    void aHeldOrderShowsItsBannerAndTheCreditControllerDecides() {
        String company = world.company("manager2");
        String piece = world.piece(OrderWorld.SERVICES, "1000.00", null);
        world.limit(company, "500.00", 30);
        String id = world.draft("manager2", company, piece, 1);
        String page = "/orders/" + id;
        WebSession manager = WebSession.loggedIn(port, "manager2", "demo");

        assertThat(manager.submit(page, page + "/confirm", Map.of()).statusCode()).isEqualTo(302);
        String held = nbsp(manager.get(page).body());
        assertThat(held).contains("id=\"credit-hold\"", "Заказ превысит кредитный лимит клиента", "Лимит 500,00 ₽",
                "1 200,00 ₽").doesNotContain("id=\"approve-credit\"");

        WebSession credit = WebSession.loggedIn(port, "credit", "demo");
        assertThat(credit.get("/").body()).contains("Заказы на кредитном контроле", "/orders/panels/credit-hold");
        assertThat(manager.get("/").body()).contains("Изменения по моим заказам")
                .doesNotContain("Заказы на кредитном контроле");
        assertThat(credit.get("/orders/panels/credit-hold").body()).contains(id);
        credit.submit(page, page + "/approve-credit", Map.of("reason", ""));
        assertThat(credit.get(page).body()).contains("Укажите причину");
        credit.submit(page, page + "/approve-credit", Map.of("reason", "Клиент прислал гарантийное письмо"));
        String approved = credit.get(page).body();
        assertThat(approved).contains("id=\"credit-approved\"", "Клиент прислал гарантийное письмо");

        WebSession production = WebSession.loggedIn(port, "production", "demo");
        production.submit(page, page + "/status", Map.of("status", "IN_PRODUCTION", "note", "Запущен в цех №2"));
        assertThat(production.get(page).body()).contains("В производстве", "Запущен в цех №2")
                .doesNotContain("id=\"credit-approved\"", "href=\"/companies/");
        assertThat(manager.get("/orders/panels/changes").body()).contains(id, "В производстве", "Фёдоров Павел Андреевич");
        WebSession stranger = WebSession.loggedIn(port, "manager3", "demo");
        assertThat(stranger.get(page).statusCode()).isEqualTo(404);
    }

    @Test
    void theHeadRewordsAMailTemplate() {
        WebSession head = WebSession.loggedIn(port, "head", "demo");
        String templates = head.get("/orders/mail-templates").body();
        assertThat(templates).contains("Заказ {number} передан в производство");
        String version = templates.split("id=\"template-READY\"", 2)[1].split("name=\"version\" value=\"", 2)[1]
                .split("\"", 2)[0];
        head.submit("/orders/mail-templates", "/orders/mail-templates/READY", Map.of("subject",
                "Заказ {number} готов к отгрузке", "body", "Здравствуйте! Заказ {number} ({company}) готов {date}.\n{note}",
                "version", version));
        assertThat(head.get("/orders/mail-templates").body()).contains("Заказ {number} ({company}) готов {date}.");
        assertThat(WebSession.loggedIn(port, "manager1", "demo").get("/orders/mail-templates").statusCode())
                .isEqualTo(403);
    }

    private static String nbsp(String html) {
        return html.replace('\u00A0', ' ').replace("&nbsp;", " ").replace("&#160;", " ");
    }
}
