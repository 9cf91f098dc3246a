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

    @Test
    void theHeadStartsANewPriceListVersionSendingOnlyTheChangedRows() {
        UUID sp1 = jdbc.sql("select id from product where sku = 'SP1-4-16-4'").query(UUID.class).single();
        UUID sp2 = jdbc.sql("select id from product where sku = 'SP2-4-10-4-10-4'").query(UUID.class).single();
        // a list of its own: the base list's versions are what every other test prices from
        String name = ApiClient.unique("Прайс веб");
        String first = api.as("head").post("/api/v1/price-lists", Map.of("name", name, "effectiveFrom", "2026-01-01",
                "entries", java.util.List.of(Map.of("productId", sp1.toString(), "price", "100")))).isJson(201).id();
        String form = "/catalog/price-lists/" + first + "/next";
        WebSession head = session("head");
        assertThat(head.get("/catalog/price-lists/" + first).body()).contains("id=\"new-price-list-version\"");
        assertThat(head.get(form).body()).contains("SP1-4-16-4", "value=\"100.00\"", "SP2-4-10-4-10-4");

        HttpResponse<String> saved = postRows(head, form, form, rowsBody("2026-06-01", sp1, "100,00", sp2, "250,5"));

        assertThat(saved.statusCode()).isEqualTo(302);
        UUID second = jdbc.sql("""
                        select v.id from price_list_version v join price_list l on l.id = v.price_list_id
                        where l.name = :name and v.version = 2 and v.effective_from = date '2026-06-01'""")
                .param("name", name).query(UUID.class).single();
        assertThat(WebSession.location(saved)).isEqualTo("/catalog/price-lists/" + second);
        assertThat(entries(second)).containsOnlyKeys(sp1, sp2);
        assertThat(entries(second).get(sp1)).isEqualByComparingTo("100.00");
        assertThat(entries(second).get(sp2)).isEqualByComparingTo("250.50");
        // only the changed row is the version's news
        assertThat(jdbc.sql("select field from audit_log where entity_id = :id and field like 'price %'")
                .param("id", second.toString()).query(String.class).list()).containsExactly("price " + sp2);
    }

    @Test
    void aWrongPriceListVersionShowsItsProblemsAtTheRowsAndWritesNothing() {
        UUID sp1 = jdbc.sql("select id from product where sku = 'SP1-4-16-4'").query(UUID.class).single();
        UUID sp2 = jdbc.sql("select id from product where sku = 'SP2-4-10-4-10-4'").query(UUID.class).single();
        String name = ApiClient.unique("Прайс ошибки");
        String first = api.as("head").post("/api/v1/price-lists", Map.of("name", name, "effectiveFrom", "2026-01-01",
                "entries", java.util.List.of(Map.of("productId", sp1.toString(), "price", "100")))).isJson(201).id();
        String form = "/catalog/price-lists/" + first + "/next";
        WebSession head = session("head");

        HttpResponse<String> wrong = postRows(head, form, form, rowsBody("завтра", sp1, "100", sp2, "дёшево"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("Укажите дату в виде ГГГГ-ММ-ДД, а не «завтра».", "data-row=\"1\"",
                "«дёшево» — не сумма в рублях", "value=\"дёшево\"").doesNotContain("data-row=\"0\"");
        HttpResponse<String> unchanged = postRows(head, form, form, rowsBody("2026-06-01", sp1, "100", sp2, ""));
        assertThat(unchanged.body()).contains("Укажите хотя бы одну цену.");
        assertThat(jdbc.sql("""
                        select count(*) from price_list_version v join price_list l on l.id = v.price_list_id
                        where l.name = :name""").param("name", name).query(Long.class).single()).isEqualTo(1);

        WebSession manager = session("manager1");
        assertThat(manager.get("/catalog/price-lists/" + first).body()).doesNotContain("new-price-list-version");
        assertThat(manager.get(form).statusCode()).isEqualTo(403);
        assertThat(postRows(manager, "/catalog", form, rowsBody("2026-06-01", sp1, "1", sp2, "1")).statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("""
                        select count(*) from price_list_version v join price_list l on l.id = v.price_list_id
                        where l.name = :name""").param("name", name).query(Long.class).single()).isEqualTo(1);
    }

    /** The form's fields as the browser sends them: names repeated for rows, in the order of the rows. */
    private static String rowsBody(String effectiveFrom, UUID firstProduct, String firstPrice, UUID secondProduct,
            String secondPrice) {
        return WebSession.encode(Map.of("effectiveFrom", effectiveFrom)) + "&productId=" + firstProduct + "&price="
                + java.net.URLEncoder.encode(firstPrice, java.nio.charset.StandardCharsets.UTF_8) + "&productId="
                + secondProduct + "&price="
                + java.net.URLEncoder.encode(secondPrice, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Posts a form body from {@code page} with its CSRF token, as the browser would. */
    private static HttpResponse<String> postRows(WebSession session, String page, String action, String body) {
        return session.post(action, body + "&_csrf=" + WebSession.csrfToken(session.get(page).body()));
    }

    private Map<UUID, BigDecimal> entries(UUID version) {
        Map<UUID, BigDecimal> entries = new LinkedHashMap<>();
        jdbc.sql("select product_id, price from price_list_entry where version_id = :id").param("id", version)
                .query((rs, row) -> entries.put(rs.getObject("product_id", UUID.class), rs.getBigDecimal("price")))
                .list();
        return entries;
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
