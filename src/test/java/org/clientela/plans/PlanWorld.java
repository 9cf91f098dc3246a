package org.clientela.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.clients.CompanyNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plans tests' world: clients registered through the API by their owner, their sales facts
 * written straight into {@code sales_fact} (the salesfacts module keeps it from the orders; these
 * tests need only its rows) and open orders straight into the orders' tables. Each test takes
 * periods of years no other test uses (2061–2066), so nobody else's sales enter its figures.
 */
final class PlanWorld {

    private final ApiClient api;
    private final JdbcClient jdbc;

    PlanWorld(ApiClient api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    UUID company(String owner, String name) {
        return UUID.fromString(api.as(owner).post("/api/v1/companies", Map.of("name", ApiClient.unique(name),
                "legalForm", "OOO", "inn", CompanyNumbers.organisationInn(), "kpp", "773601001")).isJson(201).id());
    }

    UUID user(String username) {
        return jdbc.sql("select id from app_user where username = :name").param("name", username)
                .query(UUID.class).single();
    }

    /** The demo's assortment groups by name, the {@code index}-th. */
    UUID group(int index) {
        return jdbc.sql("select id from assortment_group order by lower(name) offset :n limit 1").param("n", index)
                .query(UUID.class).single();
    }

    /** What {@code company} bought of {@code group} in {@code month} (negative: returned). */
    void sale(UUID company, UUID group, String month, String revenue, String cost) {
        jdbc.sql("""
                        insert into sales_fact (company_id, group_id, month, revenue, cost, quantity, order_count)
                        values (:company, :group, :month, :revenue, :cost, 1, 1)""")
                .param("company", company).param("group", group).param("month", YearMonth.parse(month).atDay(1))
                .param("revenue", new BigDecimal(revenue)).param("cost", new BigDecimal(cost)).update();
    }

    /** An order of one line that is not yet a sale: a draft or one on credit hold. */
    void openOrder(UUID company, UUID group, LocalDate date, String status, String amount, String cost) {
        UUID order = UUID.randomUUID();
        BigDecimal net = new BigDecimal(amount);
        jdbc.sql("""
                        insert into sales_order (id, number, company_id, status, order_date, vat_rate,
                                                 total_without_vat, vat_amount, total_with_vat, cost_total,
                                                 credit_hold_reason, version)
                        values (:id, :number, :company, :status, :date, 0, :net, 0, :net, :cost, :reason, 0)""")
                .param("id", order).param("number", ApiClient.unique("П-")).param("company", company)
                .param("status", status).param("date", date).param("net", net).param("cost", new BigDecimal(cost))
                .param("reason", status.equals("CREDIT_HOLD") ? "NO_LIMIT" : null).update();
        jdbc.sql("""
                        insert into order_line (id, order_id, position, product_id, sku, product_name, unit,
                                                assortment_group, assortment_group_id, quantity, base_price,
                                                price_list_version, price_list_effective_from, price_type_discount,
                                                list_unit_price, unit_price, amount, cost_price, cost_amount)
                        values (:id, :order, 1, :product, 'PLAN-TEST', 'Стеклопакет', 'PCS', 'группа', :group, 1,
                                :net, 1, :date, 0, :net, :net, :net, :cost, :cost)""")
                .param("id", UUID.randomUUID()).param("order", order).param("product", UUID.randomUUID())
                .param("group", group).param("net", net).param("date", date).param("cost", new BigDecimal(cost))
                .update();
    }
}
