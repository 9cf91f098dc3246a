package org.clientela.orders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.clientela.ApiClient;

/**
 * Builds the world of an orders test through the API, each record new: a client of a manager, its
 * contact and credit limit, products of the catalogue, orders and their lines.
 */
public final class OrderWorld {

    public static final String ORDERS = "/api/v1/orders";
    public static final String SINGLE = "Стеклопакеты однокамерные";
    public static final String DOUBLE = "Стеклопакеты двухкамерные";
    public static final String ENERGY = "Энергосберегающие";
    public static final String SERVICES = "Услуги";

    private final ApiClient api;

    public OrderWorld(ApiClient api) {
        this.api = api;
    }

    /** An active client owned by {@code owner}. */
    public String company(String owner) {
        return company(owner, "ACTIVE");
    }

    public String company(String owner, String status) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", ApiClient.unique("Заказчик"));
        company.put("legalForm", "OOO");
        company.put("inn", inn());
        company.put("kpp", "773601001");
        company.put("status", status);
        return api.as(owner).post("/api/v1/companies", company).isJson(201).id();
    }

    public String contact(String owner, String company, String email) {
        return api.as(owner).post("/api/v1/companies/" + company + "/contacts", Map.of("fullName",
                "Петров Пётр Петрович", "position", "Начальник отдела снабжения", "emails", List.of(email)))
                .isJson(201).id();
    }

    public void limit(String company, String amount, int paymentTermsDays) {
        long version = api.as("credit").get("/api/v1/companies/" + company + "/credit").isJson(200).json()
                .path("version").asLong();
        api.as("credit").put("/api/v1/companies/" + company + "/credit-limit", Map.of("amount", amount,
                "paymentTermsDays", paymentTermsDays, "reason", "Тест заказов", "version", version)).isJson(200);
    }

    /** A glass unit by formula, priced per m² of its size. */
    public String glassUnit(String basePrice, String costPrice) {
        Map<String, Object> product = product("M2", SINGLE, basePrice, costPrice);
        product.put("formula", "4-16-4");
        return api.as("head").post("/api/v1/products", product).isJson(201).id();
    }

    /** A product sold in pieces. */
    public String piece(String group, String basePrice, String costPrice) {
        return api.as("head").post("/api/v1/products", product("PCS", group, basePrice, costPrice)).isJson(201).id();
    }

    public static Map<String, Object> line(String product, Object quantity) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("productId", product);
        line.put("quantity", quantity);
        return line;
    }

    public static Map<String, Object> glassLine(String product, Object quantity, Object width, Object height,
            Object discountPercent) {
        Map<String, Object> line = line(product, quantity);
        line.put("width", width);
        line.put("height", height);
        if (discountPercent != null) {
            line.put("discountPercent", discountPercent);
        }
        return line;
    }

    @SafeVarargs
    public static Map<String, Object> order(String company, Map<String, Object>... lines) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("companyId", company);
        order.put("lines", new ArrayList<>(List.of(lines)));
        return order;
    }

    /** A draft of one line of {@code product}, taken by {@code user}: its id. */
    public String draft(String user, String company, String product, Object quantity) {
        return api.as(user).post(ORDERS, order(company, line(product, quantity))).isJson(201).id();
    }

    private static Map<String, Object> product(String unit, String group, String basePrice, String costPrice) {
        Map<String, Object> product = new LinkedHashMap<>();
        String sku = ApiClient.unique("ORD");
        product.put("sku", sku);
        product.put("name", "Товар " + sku);
        product.put("unit", unit);
        product.put("group", group);
        product.put("basePrice", basePrice);
        if (costPrice != null) {
            product.put("costPrice", costPrice);
        }
        return product;
    }

    /** A valid organisation's INN of region 77, its check digit computed as the tax service does. */
    public static String inn() {
        String base = "77" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        int[] weights = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (base.charAt(i) - '0') * weights[i];
        }
        return base + sum % 11 % 10;
    }
}
