package org.clientela.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.clientela.ApiClient;
import org.clientela.ApiClient.Response;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The catalogue and a client's prices through the API; every expected amount worked out by hand. */
@IntegrationTest
class CatalogApiIntegrationTest {

    static final String PRODUCTS = "/api/v1/products";
    static final String PRICE_LISTS = "/api/v1/price-lists";
    static final String BASE_LIST = "Базовый прайс-лист";

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
    void aDealerPaysTenPercentLessForAGlassUnitByItsArea() {
        String product = glassUnit("4-16-4", "2150.00", "1480.00");
        UUID company = companyOf("manager1");
        api.as("head").put(priceType(company), Map.of("priceTypeId", priceTypeId("Дилер"))).isJson(200);

        JsonNode price = api.as("manager1").get(price(company, product) + "?quantity=3&width=1.2&height=0.8")
                .isJson(200).json();

        // 2 150,00 × 0,90 = 1 935,00 ₽/m²; 1,2 × 0,8 = 0,96 m²; 1 935,00 × 0,96 × 3 = 5 572,80 ₽
        assertThat(price.path("basePrice").decimalValue()).isEqualByComparingTo("2150.00");
        assertThat(price.path("priceType").asString()).isEqualTo("Дилер");
        assertThat(price.path("discountPercent").decimalValue()).isEqualByComparingTo("10");
        assertThat(price.path("unitPrice").decimalValue()).isEqualByComparingTo("1935.00");
        assertThat(price.path("area").decimalValue()).isEqualByComparingTo("0.96");
        assertThat(price.path("billableArea").decimalValue()).isEqualByComparingTo("0.96");
        assertThat(price.path("lineAmount").decimalValue()).isEqualByComparingTo("5572.80");
        assertThat(price.path("currency").asString()).isEqualTo("RUB");
        assertThat(price.has("costPrice")).isFalse();
        assertThat(price.has("margin")).isFalse();

        JsonNode seenByHead = api.as("head").get(price(company, product) + "?quantity=3&width=1.2&height=0.8")
                .isJson(200).json();
        // cost 1 480,00 × 0,96 × 3 = 4 262,40; margin 5 572,80 − 4 262,40 = 1 310,40
        assertThat(seenByHead.path("costPrice").decimalValue()).isEqualByComparingTo("1480.00");
        assertThat(seenByHead.path("margin").decimalValue()).isEqualByComparingTo("1310.40");
    }

    @Test
    void aSmallUnitIsBilledAsThreeTenthsOfASquareMetre() {
        String product = glassUnit("4-10-4-10-4", "2890.00", null);
        UUID company = companyOf("manager2");
        api.as("director").put(priceType(company), Map.of("priceTypeId", priceTypeId("Крупный опт"))).isJson(200);

        JsonNode price = api.as("manager2").get(price(company, product) + "?quantity=4&width=0.4&height=0.5")
                .isJson(200).json();

        // 2 890,00 × 0,85 = 2 456,50 ₽/m²; 0,4 × 0,5 = 0,20 m² → 0,3 m²; 2 456,50 × 0,3 × 4 = 2 947,80 ₽
        assertThat(price.path("unitPrice").decimalValue()).isEqualByComparingTo("2456.50");
        assertThat(price.path("area").decimalValue()).isEqualByComparingTo("0.20");
        assertThat(price.path("billableArea").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(price.path("lineAmount").decimalValue()).isEqualByComparingTo("2947.80");
    }

    @Test
    void thePriceOnADayIsThatOfTheLatestVersionEffectiveByThen() {
        String product = glassUnit("4-14-4", "2000.00", null);
        UUID company = companyOf("manager1");
        api.as("admin").put(priceType(company), Map.of("priceTypeId", "")).isJson(200);
        Response later = api.as("head").post(PRICE_LISTS, Map.of("name", BASE_LIST, "effectiveFrom", "2091-01-01",
                "entries", List.of(Map.of("productId", product, "price", "2400.00")))).isJson(201);
        assertThat(later.json().path("base").asBoolean()).isTrue();

        JsonNode before = api.as("manager1").get(price(company, product) + "?date=2090-12-31&width=1&height=1")
                .isJson(200).json();
        JsonNode after = api.as("manager1").get(price(company, product) + "?date=2091-03-01&width=1&height=1")
                .isJson(200).json();

        assertThat(before.path("basePrice").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(before.hasNonNull("priceType")).isFalse();
        assertThat(before.path("lineAmount").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(after.path("basePrice").decimalValue()).isEqualByComparingTo("2400.00");
        assertThat(after.path("priceListEffectiveFrom").asString()).isEqualTo("2091-01-01");
        assertThat(after.path("lineAmount").decimalValue()).isEqualByComparingTo("2400.00");
        // the new version carried the other prices over
        JsonNode version = api.as("manager1").get(PRICE_LISTS + "/" + later.id()).isJson(200).json();
        assertThat(version.path("entries").size()).isGreaterThan(1);
        // last year the product was not in the catalogue: no price, said at the date
        String lastYear = LocalDate.now().minusYears(1).withMonth(6).withDayOfMonth(1).toString();
        assertThat(api.as("manager1").get(price(company, product) + "?date=" + lastYear + "&width=1&height=1")
                .isProblem(400).errorFields()).containsExactly("date");
    }

    @Test
    void aManagerNeverSeesTheCostPrice() {
        String product = glassUnit("4-12-4", "1990.00", "1370.00");

        JsonNode seenByManager = api.as("manager1").get(PRODUCTS + "/" + product).isJson(200).json();
        JsonNode listedForManager = api.as("manager1").get(PRODUCTS + "?q=" + seenByManager.path("sku").asString())
                .isJson(200).json();
        JsonNode seenByDirector = api.as("director").get(PRODUCTS + "/" + product).isJson(200).json();

        assertThat(seenByManager.has("costPrice")).isFalse();
        assertThat(seenByManager.path("basePrice").decimalValue()).isEqualByComparingTo("1990.00");
        assertThat(listedForManager.path("content").size()).isEqualTo(1);
        assertThat(listedForManager.path("content").get(0).has("costPrice")).isFalse();
        assertThat(seenByDirector.path("costPrice").decimalValue()).isEqualByComparingTo("1370.00");
    }

    @Test
    void aCompanyOfAnotherTeamHasNoPricesForAManager() {
        String product = glassUnit("4-16-4", "2150.00", null);
        UUID foreign = companyOf("manager3");

        api.as("manager1").get(price(foreign, product) + "?width=1&height=1").isProblem(404);
        api.as("manager1").get("/api/v1/companies/" + foreign + "/price-type").isProblem(404);
        api.as("head").put(priceType(foreign), Map.of("priceTypeId", priceTypeId("Дилер"))).isProblem(404);
        api.as("manager3").get(price(foreign, product) + "?width=1&height=1").isJson(200);
    }

    @Test
    void onlyTheManagementChangesTheCatalogueAndPriceTypes() {
        String product = glassUnit("4-16-4", "2150.00", null);
        UUID company = companyOf("manager1");

        api.as("manager1").post(PRODUCTS, newProduct(ApiClient.unique("SKU"), "PCS", "100.00")).isProblem(403);
        api.as("manager1").post(PRICE_LISTS, Map.of("name", BASE_LIST, "effectiveFrom", "2092-01-01",
                "entries", List.of(Map.of("productId", product, "price", "1.00")))).isProblem(403);
        api.as("manager1").put(priceType(company), Map.of("priceTypeId", priceTypeId("Крупный опт")))
                .isProblem(403);
        api.as("credit").patch(PRODUCTS + "/" + product, Map.of("name", "Другое", "version", 0)).isProblem(403);

        JsonNode renamed = api.as("admin").patch(PRODUCTS + "/" + product,
                Map.of("name", "Стеклопакет 4-16-4 тёплая рамка", "costPrice", "1500.00", "version", 0))
                .isJson(200).json();
        assertThat(renamed.path("name").asString()).isEqualTo("Стеклопакет 4-16-4 тёплая рамка");
        assertThat(renamed.path("version").asLong()).isEqualTo(1);
        api.as("admin").patch(PRODUCTS + "/" + product, Map.of("name", "Снова", "version", 0)).isProblem(409);
        assertThat(api.as("admin").patch(PRODUCTS + "/" + product, Map.of("sku", "ДРУГОЙ", "formula", "4-10-4",
                "basePrice", "1.00", "version", 1)).isProblem(400).errorFields())
                .containsExactlyInAnyOrder("sku", "formula", "basePrice");
    }

    @Test
    void badProductsAreRefusedAtTheirFields() {
        Map<String, Object> bad = newProduct(ApiClient.unique("SKU"), "KG", "-5");
        bad.put("formula", "4-16");
        bad.put("costPrice", "0");
        assertThat(api.as("head").post(PRODUCTS, bad).isProblem(400).errorFields())
                .containsExactlyInAnyOrder("unit", "formula", "basePrice", "costPrice");

        Map<String, Object> zero = newProduct(ApiClient.unique("SKU"), "PCS", "0");
        assertThat(api.as("head").post(PRODUCTS, zero).isProblem(400).errorFields()).containsExactly("basePrice");

        Map<String, Object> formulaInPieces = newProduct(ApiClient.unique("SKU"), "PCS", "100");
        formulaInPieces.put("formula", "4-16-4");
        assertThat(api.as("head").post(PRODUCTS, formulaInPieces).isProblem(400).errorFields())
                .containsExactly("unit");

        String sku = ApiClient.unique("SKU");
        api.as("head").post(PRODUCTS, newProduct(sku, "PCS", "100")).isJson(201);
        api.as("head").post(PRODUCTS, newProduct(sku.toLowerCase(), "PCS", "100")).isProblem(409);
    }

    @Test
    void badPriceListsAndPriceQuestionsAreRefusedAtTheirFields() {
        String product = glassUnit("4-16-4", "2150.00", null);
        Map<String, Object> noDate = new LinkedHashMap<>();
        noDate.put("name", BASE_LIST);
        noDate.put("entries", List.of(Map.of("productId", UUID.randomUUID().toString(), "price", "100"),
                Map.of("productId", product, "price", "-1")));
        assertThat(api.as("head").post(PRICE_LISTS, noDate).isProblem(400).errorFields())
                .containsExactlyInAnyOrder("effectiveFrom", "entries[0].productId", "entries[1].price");

        UUID company = companyOf("manager1");
        assertThat(api.as("manager1").get(price(company, product)).isProblem(400).errorFields())
                .containsExactly("width");
        assertThat(api.as("manager1").get(price(company, product) + "?quantity=0&width=7&height=1")
                .isProblem(400).errorFields()).containsExactlyInAnyOrder("quantity", "width");
        api.as("manager1").get(price(company, UUID.randomUUID().toString())).isProblem(404);
    }

    @Test
    void theSurvivorOfAMergeTakesTheDuplicatesPriceTypeWhenItHasNone() {
        String survivor = register(ApiClient.unique("Выживший"));
        String duplicate = register(ApiClient.unique("Дубль"));
        String keeps = register(ApiClient.unique("Со своим типом"));
        String other = register(ApiClient.unique("Второй дубль"));
        api.as("head").put(priceType(UUID.fromString(duplicate)), Map.of("priceTypeId", priceTypeId("Дилер")))
                .isJson(200);
        api.as("head").put(priceType(UUID.fromString(keeps)), Map.of("priceTypeId", priceTypeId("Крупный опт")))
                .isJson(200);
        api.as("head").put(priceType(UUID.fromString(other)), Map.of("priceTypeId", priceTypeId("Дилер")))
                .isJson(200);

        api.as("head").post("/api/v1/companies/" + survivor + "/merge", Map.of("duplicateId", duplicate,
                "survivorVersion", 0, "duplicateVersion", 0)).isJson(200);
        api.as("head").post("/api/v1/companies/" + keeps + "/merge", Map.of("duplicateId", other,
                "survivorVersion", 0, "duplicateVersion", 0)).isJson(200);

        assertThat(api.as("head").get("/api/v1/companies/" + survivor + "/price-type").isJson(200).json()
                .path("priceType").path("name").asString()).isEqualTo("Дилер");
        assertThat(api.as("head").get("/api/v1/companies/" + keeps + "/price-type").isJson(200).json()
                .path("priceType").path("name").asString()).isEqualTo("Крупный опт");
        assertThat(jdbc.sql("select count(*) from company_price_type where company_id in (cast(:a as uuid), "
                + "cast(:b as uuid))").param("a", duplicate).param("b", other).query(Long.class).single()).isZero();
    }

    private String register(String name) {
        String base = "77" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        int[] weights = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (base.charAt(i) - '0') * weights[i];
        }
        Map<String, Object> company = Map.of("name", name, "legalForm", "OOO", "inn", base + sum % 11 % 10,
                "kpp", "773601001");
        return api.as("head").post("/api/v1/companies", company).isJson(201).id();
    }

    private String glassUnit(String formula, String basePrice, String costPrice) {
        Map<String, Object> product = newProduct(ApiClient.unique("SP-" + formula), "M2", basePrice);
        product.put("formula", formula);
        product.put("group", "Стеклопакеты однокамерные");
        if (costPrice != null) {
            product.put("costPrice", costPrice);
        }
        Response created = api.as("head").post(PRODUCTS, product).isJson(201);
        assertThat(created.json().path("formula").asString()).isEqualTo(formula);
        return created.id();
    }

    private static Map<String, Object> newProduct(String sku, String unit, String basePrice) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("sku", sku);
        product.put("name", "Товар " + sku);
        product.put("unit", unit);
        product.put("group", "Услуги");
        product.put("basePrice", basePrice);
        return product;
    }

    private UUID companyOf(String username) {
        return jdbc.sql("""
                        select c.id from company c join app_user u on u.id = c.owner_id
                        where u.username = :username and c.archived_at is null
                          -- a demo key account's service tier would take its own discount off the price
                          and not exists (select 1 from key_account k where k.company_id = c.id and k.is_key)
                        order by c.inn limit 1""")
                .param("username", username).query(UUID.class).single();
    }

    private String priceTypeId(String name) {
        return jdbc.sql("select id from price_type where name = :name").param("name", name).query(String.class)
                .single();
    }

    private static String price(UUID company, String product) {
        return "/api/v1/companies/" + company + "/prices/" + product;
    }

    private static String priceType(UUID company) {
        return "/api/v1/companies/" + company + "/price-type";
    }
}
