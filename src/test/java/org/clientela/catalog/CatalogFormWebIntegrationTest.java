package org.clientela.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The catalogue's forms: a product, new and changed, and a company's price type — for the management only. */
@IntegrationTest
class CatalogFormWebIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void theHeadAddsAProductWithItsBasePrice() {
        String sku = ApiClient.unique("WEB-SP");
        WebSession head = session("head");
        assertThat(head.get("/catalog").body()).contains("id=\"new-product\"");

        HttpResponse<String> saved = head.submit("/catalog/products/new", "/catalog/products/new",
                product(sku, "Стеклопакет веб 4-16-4", "M2", "Стеклопакеты", "4-16-4", "2100,50", "1500", true));

        assertThat(saved.statusCode()).isEqualTo(302);
        UUID id = productId(sku);
        assertThat(WebSession.location(saved)).isEqualTo("/catalog/products/" + id);
        Map<String, Object> row = jdbc.sql("select name, unit, formula, cost_price, active from product where id = :id")
                .param("id", id).query().singleRow();
        assertThat(row).containsEntry("name", "Стеклопакет веб 4-16-4").containsEntry("unit", "M2")
                .containsEntry("formula", "4-16-4").containsEntry("active", true);
        assertThat((BigDecimal) row.get("cost_price")).isEqualByComparingTo("1500.00");
        assertThat(head.get("/catalog/products/" + id).body()).contains("2\u00a0100,50\u00a0₽", "id=\"edit-product\"",
                "Стеклопакет веб 4-16-4");
    }

    @Test
    void aWrongProductShowsTheProblemsAtTheirFieldsAndWritesNothing() {
        String sku = ApiClient.unique("WEB-BAD");
        WebSession head = session("head");

        HttpResponse<String> refused = head.submit("/catalog/products/new", "/catalog/products/new",
                product(sku, " ", "M", "Стеклопакеты", "4-16-4", "дорого", "", true));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"name\"", "Заполните это поле.", "data-field=\"unit\"",
                "Стеклопакет по формуле продаётся в м².", "data-field=\"basePrice\"", "«дорого» — не сумма в рублях")
                .contains("value=\"" + sku + "\"");
        assertThat(count(sku)).isZero();

        String taken = ApiClient.unique("WEB-DUP");
        head.submit("/catalog/products/new", "/catalog/products/new",
                product(taken, "Первый", "PCS", "Фурнитура", "", "10", "", true));
        HttpResponse<String> duplicate = head.submit("/catalog/products/new", "/catalog/products/new",
                product(taken, "Второй", "PCS", "Фурнитура", "", "20", "", true));
        assertThat(duplicate.body()).contains("global-errors", "Товар с артикулом «" + taken + "» уже есть.");
        assertThat(jdbc.sql("select name from product where lower(sku) = lower(:sku)").param("sku", taken)
                .query(String.class).list()).containsExactly("Первый");
    }

    @Test
    void theHeadChangesAProductAndAStaleFormIsRefused() {
        String sku = ApiClient.unique("WEB-EDIT");
        WebSession head = session("head");
        head.submit("/catalog/products/new", "/catalog/products/new",
                product(sku, "Профиль", "M", "Профили", "", "300", "200", true));
        UUID id = productId(sku);
        String edit = "/catalog/products/" + id + "/edit";
        assertThat(head.get(edit).body()).contains("value=\"Профиль\"", "name=\"version\"")
                .doesNotContain("name=\"sku\"");

        HttpResponse<String> saved = head.submit(edit, edit, Map.of("name", "Профиль усиленный",
                "group", "Профили", "costPrice", "210", "version", "0"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(saved)).isEqualTo("/catalog/products/" + id);
        Map<String, Object> row = jdbc.sql("select name, cost_price, active, version from product where id = :id")
                .param("id", id).query().singleRow();
        // the checkbox unticked sends nothing: the product is no longer sold
        assertThat(row).containsEntry("name", "Профиль усиленный").containsEntry("active", false)
                .containsEntry("version", 1L);
        assertThat((BigDecimal) row.get("cost_price")).isEqualByComparingTo("210");

        HttpResponse<String> stale = head.submit(edit, edit, Map.of("name", "Чужая правка", "group", "Профили",
                "active", "true", "version", "0"));
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("global-errors", "Запись уже изменил кто-то другой", "id=\"reload-product\"");
        HttpResponse<String> wrong = head.submit(edit, edit, Map.of("name", "", "group", "Профили",
                "costPrice", "-5", "version", "1"));
        assertThat(wrong.body()).contains("data-field=\"name\"", "data-field=\"costPrice\"");
        assertThat(jdbc.sql("select name from product where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("Профиль усиленный");
    }

    @Test
    void aManagerHasNoProductFormsAndCannotPostThem() {
        UUID id = jdbc.sql("select id from product where sku = 'SP1-4-16-4'").query(UUID.class).single();
        WebSession manager = session("manager1");
        String sku = ApiClient.unique("WEB-MGR");

        assertThat(manager.get("/catalog").body()).doesNotContain("id=\"new-product\"");
        assertThat(manager.get("/catalog/products/" + id).body()).doesNotContain("id=\"edit-product\"");
        assertThat(manager.get("/catalog/products/new").statusCode()).isEqualTo(403);
        assertThat(manager.get("/catalog/products/" + id + "/edit").statusCode()).isEqualTo(403);
        assertThat(manager.submit("/catalog", "/catalog/products/new",
                product(sku, "Тайный", "PCS", "Фурнитура", "", "1", "", true)).statusCode()).isEqualTo(403);
        assertThat(manager.submit("/catalog", "/catalog/products/" + id + "/edit",
                Map.of("name", "Взлом", "group", "Стеклопакеты", "active", "true", "version", "0")).statusCode())
                .isEqualTo(403);
        assertThat(count(sku)).isZero();
        assertThat(jdbc.sql("select name from product where id = :id").param("id", id).query(String.class).single())
                .isNotEqualTo("Взлом");
        // a post without the CSRF token is refused whoever sends it
        assertThat(session("head").post("/catalog/products/new",
                product(ApiClient.unique("WEB-CSRF"), "Без токена", "PCS", "Фурнитура", "", "1", "", true))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void theHeadSetsACompanysPriceTypeInPlace() {
        String company = register("manager1");
        String prices = "/companies/" + company + "/prices";
        UUID wholesale = jdbc.sql("select id from price_type where name = 'Крупный опт'").query(UUID.class).single();
        WebSession head = session("head");
        assertThat(head.get(prices).body()).contains("id=\"price-type-form\"", "Крупный опт");

        HttpResponse<String> saved = head.submit("/companies/" + company, prices + "/price-type",
                Map.of("priceTypeId", wholesale.toString()), "HX-Request", "true");

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("id=\"company-prices\"", "Тип цен сохранён.", "Крупный опт");
        assertThat(assigned(company)).containsExactly(wholesale);

        HttpResponse<String> wrong = head.submit("/companies/" + company, prices + "/price-type",
                Map.of("priceTypeId", "нет-такого"), "HX-Request", "true");
        assertThat(wrong.body()).contains("data-field=\"priceTypeId\"", "Типа цен «нет-такого» нет.");
        assertThat(assigned(company)).containsExactly(wholesale);

        // without htmx the browser goes back to the company page; an empty choice is the base price again
        HttpResponse<String> cleared = head.submit("/companies/" + company, prices + "/price-type",
                Map.of("priceTypeId", ""));
        assertThat(cleared.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(cleared)).isEqualTo("/companies/" + company);
        assertThat(assigned(company)).isEmpty();
    }

    @Test
    void onlyTheManagementOfItsTeamSetsACompanysPriceType() {
        String own = register("manager1");
        String foreign = register("manager3");
        String wholesale = jdbc.sql("select id from price_type where name = 'Крупный опт'").query(String.class)
                .single();
        WebSession manager = session("manager1");

        assertThat(manager.get("/companies/" + own + "/prices").body()).contains("id=\"company-prices\"")
                .doesNotContain("price-type-form");
        assertThat(manager.submit("/companies/" + own, "/companies/" + own + "/prices/price-type",
                Map.of("priceTypeId", wholesale), "HX-Request", "true").statusCode()).isEqualTo(403);
        assertThat(session("head").submit("/catalog", "/companies/" + foreign + "/prices/price-type",
                Map.of("priceTypeId", wholesale), "HX-Request", "true").statusCode()).isEqualTo(404);
        assertThat(assigned(own)).isEmpty();
        assertThat(assigned(foreign)).isEmpty();
    }

    private WebSession session(String username) {
        return WebSession.loggedIn(port, username, ApiClient.DEMO_PASSWORD);
    }

    private String register(String owner) {
        String base = "77" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        int[] weights = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (base.charAt(i) - '0') * weights[i];
        }
        Map<String, Object> company = Map.of("name", ApiClient.unique("Цены"), "legalForm", "OOO",
                "inn", base + sum % 11 % 10, "kpp", "773601001");
        return api.as(owner).post("/api/v1/companies", company).isJson(201).id();
    }

    private java.util.List<UUID> assigned(String company) {
        return jdbc.sql("select price_type_id from company_price_type where company_id = cast(:id as uuid)")
                .param("id", company).query(UUID.class).list();
    }

    private UUID productId(String sku) {
        return jdbc.sql("select id from product where sku = :sku").param("sku", sku).query(UUID.class).single();
    }

    private long count(String sku) {
        return jdbc.sql("select count(*) from product where lower(sku) = lower(:sku)").param("sku", sku)
                .query(Long.class).single();
    }

    private static Map<String, String> product(String sku, String name, String unit, String group, String formula,
            String basePrice, String costPrice, boolean active) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("sku", sku);
        form.put("name", name);
        form.put("unit", unit);
        form.put("group", group);
        form.put("formula", formula);
        form.put("basePrice", basePrice);
        form.put("costPrice", costPrice);
        if (active) {
            form.put("active", "true");
        }
        return form;
    }
}
