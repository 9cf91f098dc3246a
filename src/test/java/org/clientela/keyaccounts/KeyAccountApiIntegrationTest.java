package org.clientela.keyaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.identity.UserDirectory;
import org.clientela.orders.OrderWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Key accounts and service tiers through the API: decisions, KAM, tiers, who may, and the tier in prices. */
@IntegrationTest
class KeyAccountApiIntegrationTest {

    private static final String TIERS = "/api/v1/service-tiers";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDirectory users;

    private ApiClient api;
    private OrderWorld world;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        world = new OrderWorld(api);
    }

    @Test
    void aHeadMarksAClientKeyWithAReasonAKamAndATier() {
        String company = world.company("manager1");
        String tier = tier("3.00", "5");
        String kam = userId("kam");

        assertThat(api.as("head").put(keyAccount(company), Map.of("key", true, "version", 0)).isProblem(400)
                .errorFields()).containsExactly("reason");
        // "not key" keeps the rule off the company: a decision, with its reason
        assertThat(api.as("head").put(keyAccount(company), Map.of("key", false, "version", 0)).isProblem(400)
                .errorFields()).containsExactly("reason");
        assertThat(api.as("head").put(keyAccount(company), Map.of("version", 0)).isProblem(400)
                .errorFields()).containsExactly("key");
        assertThat(api.as("head").put(keyAccount(company), Map.of("key", true, "reason", "Крупный дилер",
                "kamId", userId("manager2"), "version", 0)).isProblem(400).errorFields()).containsExactly("kamId");
        assertThat(api.as("head").put(keyAccount(company), Map.of("key", true, "reason", "Крупный дилер",
                "tierId", UUID.randomUUID(), "version", 0)).isProblem(400).errorFields()).containsExactly("tierId");
        api.as("head").put(keyAccount(company), Map.of("key", true, "reason", "Крупный дилер")).isProblem(428);

        JsonNode saved = api.as("head").put(keyAccount(company), Map.of("key", true, "reason", "Крупный дилер",
                "kamId", kam, "tierId", tier, "version", 0)).isJson(200).json();
        assertThat(saved.path("key").asBoolean()).isTrue();
        assertThat(saved.path("basis").asString()).isEqualTo("DECISION");
        assertThat(saved.path("reason").asString()).isEqualTo("Крупный дилер");
        assertThat(saved.path("kam").path("fullName").asString()).isEqualTo("Лебедева Мария Владимировна");
        assertThat(saved.path("tier").path("discountPercent").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(saved.path("version").asLong()).isEqualTo(1);

        // the owner may be the KAM too; a version already passed is a conflict
        api.as("director").put(keyAccount(company), Map.of("key", true, "kamId", userId("manager1"),
                "tierId", tier, "version", 0)).isProblem(409);
        JsonNode owner = api.as("director").put(keyAccount(company), Map.of("key", true, "kamId",
                userId("manager1"), "tierId", tier, "version", 1)).isJson(200).json();
        assertThat(owner.path("kam").path("fullName").asString())
                .isEqualTo(users.find(new org.clientela.identity.UserId(UUID.fromString(userId("manager1"))))
                        .orElseThrow().fullName());
        assertThat(owner.path("reason").asString()).as("the flag did not change").isEqualTo("Крупный дилер");

        JsonNode list = api.as("manager1").get("/api/v1/key-accounts?tierId=" + tier).isJson(200).json();
        assertThat(list.path("content")).hasSize(1);
        assertThat(list.path("content").get(0).path("companyId").asString()).isEqualTo(company);
        assertThat(list.path("content").get(0).path("basis").asString()).isEqualTo("DECISION");
        assertThat(list.path("content").get(0).path("tierName").asString()).isEqualTo(tierName(tier));
        assertThat(api.as("manager3").get("/api/v1/key-accounts?tierId=" + tier).isJson(200).json()
                .path("totalElements").asLong()).isZero();
        assertThat(api.as("head").get("/api/v1/key-accounts?tierId=" + tier + "&basis=RULE").isJson(200).json()
                .path("totalElements").asLong()).isZero();

        api.as("head").delete(TIERS + "/" + tier + "?version=0").isProblem(409);

        assertThat(api.as("manager1").get("/api/v1/audit/KeyAccount/" + company).isJson(200).json()
                .findValuesAsString("newValue")).contains("Крупный дилер");
        api.as("manager3").get("/api/v1/audit/KeyAccount/" + company).isProblem(404);
    }

    @Test
    void aHiddenCompanyIs404AndAVisibleOneRefusesOthersThanHeadAndDirector() {
        String company = world.company("manager1");
        api.as("manager3").get(keyAccount(company)).isProblem(404);
        api.as("manager3").put(keyAccount(company), Map.of("key", true, "reason", "x", "version", 0)).isProblem(404);
        api.as("manager1").put(keyAccount(company), Map.of("key", true, "reason", "x", "version", 0)).isProblem(403);
        api.as("credit").put(keyAccount(company), Map.of("key", true, "reason", "x", "version", 0)).isProblem(403);
        api.as("admin").put(keyAccount(company), Map.of("key", true, "reason", "x", "version", 0)).isProblem(403);
        api.as("manager1").get(keyAccount(UUID.randomUUID().toString())).isProblem(404);

        JsonNode none = api.as("manager1").get(keyAccount(company)).isJson(200).json();
        assertThat(none.path("key").asBoolean()).isFalse();
        assertThat(none.path("version").asLong()).isZero();
    }

    @Test
    void serviceTiersAreKeptByHeadDirectorAndAdministrator() {
        String name = ApiClient.unique("Уровень");
        api.as("manager1").post(TIERS, Map.of("name", name, "discountPercent", "3", "leadTimeDays", "5"))
                .isProblem(403);
        assertThat(api.as("head").post(TIERS, Map.of("name", "", "discountPercent", "50.5", "leadTimeDays", "-1"))
                .isProblem(400).errorFields()).containsExactlyInAnyOrder("name", "discountPercent", "leadTimeDays");
        JsonNode created = api.as("admin").post(TIERS, Map.of("name", name, "discountPercent", "4,5",
                "leadTimeDays", "3", "contractTerms", "Отсрочка 30 дней")).isJson(201).json();
        String id = created.path("id").asString();
        assertThat(created.path("discountPercent").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(api.as("head").post(TIERS, Map.of("name", name.toUpperCase(), "discountPercent", "1",
                "leadTimeDays", "1")).isProblem(400).errorFields()).containsExactly("name");
        assertThat(api.as("manager2").get(TIERS).isJson(200).json().findValuesAsString("name")).contains(name);

        api.as("director").put(TIERS + "/" + id, Map.of("name", name, "discountPercent", "5",
                "leadTimeDays", "2")).isProblem(428);
        JsonNode changed = api.as("director").put(TIERS + "/" + id, Map.of("name", name, "discountPercent", "5",
                "leadTimeDays", "2", "version", 0)).isJson(200).json();
        assertThat(changed.path("leadTimeDays").asInt()).isEqualTo(2);
        api.as("director").put(TIERS + "/" + id, Map.of("name", name, "discountPercent", "6",
                "leadTimeDays", "2", "version", 0)).isProblem(409);
        api.as("manager1").delete(TIERS + "/" + id + "?version=1").isProblem(403);
        api.as("head").delete(TIERS + "/" + id + "?version=1").hasStatus(204);
        api.as("head").get(TIERS + "/" + id).isProblem(404);
    }

    /**
     * Base 1 000,00, price type −5 %, tier −3 %, successively: 1 000,00 × 0,95 = 950,00;
     * 950,00 × 0,97 = 921,50 a piece; 2 pieces 1 843,00. Without the flag the tier does not apply.
     */
    @Test
    void aKeyAccountsTierIsTakenOffThePriceAfterThePriceType() {
        String company = world.company("manager1");
        String product = world.piece(OrderWorld.SERVICES, "1000.00", "500.00");
        String type = UUID.randomUUID().toString();
        jdbc.sql("insert into price_type (id, name, discount_percent) values (:id::uuid, :name, 5)")
                .param("id", type).param("name", ApiClient.unique("Партнёр")).update();
        api.as("head").put("/api/v1/companies/" + company + "/price-type", Map.of("priceTypeId", type)).isJson(200);
        String tier = tier("3", "5");
        String tierName = tierName(tier);
        String price = "/api/v1/companies/" + company + "/prices/" + product + "?quantity=2";

        assertThat(api.as("manager1").get(price).isJson(200).json().path("unitPrice").decimalValue())
                .isEqualByComparingTo("950.00");
        api.as("head").put(keyAccount(company), Map.of("key", true, "reason", "Ключевой", "tierId", tier,
                "version", 0)).isJson(200);

        JsonNode breakdown = api.as("manager1").get(price).isJson(200).json();
        assertThat(breakdown.path("typeUnitPrice").decimalValue()).isEqualByComparingTo("950.00");
        assertThat(breakdown.path("clientDiscount").asString()).isEqualTo(tierName);
        assertThat(breakdown.path("clientDiscountPercent").decimalValue()).isEqualByComparingTo("3");
        assertThat(breakdown.path("unitPrice").decimalValue()).isEqualByComparingTo("921.50");
        assertThat(breakdown.path("lineAmount").decimalValue()).isEqualByComparingTo("1843.00");

        JsonNode order = api.as("manager1").post(OrderWorld.ORDERS, OrderWorld.order(company,
                OrderWorld.line(product, 2))).isJson(201).json();
        JsonNode line = order.path("lines").get(0);
        assertThat(line.path("typeUnitPrice").decimalValue()).isEqualByComparingTo("950.00");
        assertThat(line.path("clientDiscount").asString()).isEqualTo(tierName);
        assertThat(line.path("listUnitPrice").decimalValue()).isEqualByComparingTo("921.50");
        assertThat(line.path("amount").decimalValue()).isEqualByComparingTo("1843.00");

        api.as("head").put(keyAccount(company), Map.of("key", false, "reason", "Больше не ключевой", "tierId", tier,
                "version", 1)).isJson(200);
        JsonNode unmarked = api.as("manager1").get(price).isJson(200).json();
        assertThat(unmarked.path("unitPrice").decimalValue()).isEqualByComparingTo("950.00");
        assertThat(unmarked.has("clientDiscount")).isFalse();
    }

    private String tier(String discount, String days) {
        Map<String, Object> body = new HashMap<>(Map.of("name", ApiClient.unique("Уровень"), "discountPercent",
                discount, "leadTimeDays", days));
        return api.as("head").post(TIERS, body).isJson(201).id();
    }

    private String tierName(String tier) {
        return api.as("head").get(TIERS + "/" + tier).isJson(200).json().path("name").asString();
    }

    private String userId(String username) {
        return jdbc.sql("select id::text from app_user where username = :username").param("username", username)
                .query(String.class).single();
    }

    private static String keyAccount(String company) {
        return "/api/v1/companies/" + company + "/key-account";
    }
}
