package org.clientela.keyaccounts;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanyNumbers;
import org.clientela.salesfacts.internal.SalesFactTable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ABC/XYZ tests' world: clients registered through the API by their owner, and their sales
 * facts written straight into {@code sales_fact} and its monthly rollup {@code sales_fact_month},
 * the running totals then written again from the rollup by the salesfacts module (which keeps all
 * three from the orders; these tests need only their rows). Each test class takes months of years
 * nobody else uses, so no other test's sales enter its analysis.
 */
final class SalesFacts {

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final SalesFactTable table;

    SalesFacts(ApiClient api, JdbcClient jdbc, SalesFactTable table) {
        this.api = api;
        this.jdbc = jdbc;
        this.table = table;
    }

    /** A new client of {@code owner} named {@code name} and a unique suffix; answers its id. */
    Company company(String owner, String name) {
        String unique = ApiClient.unique(name);
        UUID id = UUID.fromString(api.as(owner).post("/api/v1/companies", Map.of("name", unique, "legalForm", "OOO",
                "inn", CompanyNumbers.organisationInn(), "kpp", "773601001")).isJson(201).id());
        return new Company(id, unique);
    }

    record Company(UUID id, String name) {
    }

    /** One fact: what {@code company} bought of one assortment group in {@code month} (negative: returned). */
    void sale(Company company, String month, String revenue, String cost) {
        jdbc.sql("""
                        insert into sales_fact (company_id, group_id, month, revenue, cost, quantity, order_count)
                        values (:company, :group, :month, :revenue, :cost, 1, 1)""")
                .param("company", company.id()).param("group", UUID.randomUUID())
                .param("month", YearMonth.parse(month).atDay(1)).param("revenue", new BigDecimal(revenue))
                .param("cost", new BigDecimal(cost)).update();
        jdbc.sql("""
                        insert into sales_fact_month (company_id, month, revenue, cost, quantity, order_count)
                        values (:company, :month, :revenue, :cost, 1, 1)
                        on conflict (month, company_id) do update
                        set revenue = sales_fact_month.revenue + excluded.revenue,
                            cost = sales_fact_month.cost + excluded.cost,
                            quantity = sales_fact_month.quantity + 1, order_count = sales_fact_month.order_count + 1""")
                .param("company", company.id()).param("month", YearMonth.parse(month).atDay(1))
                .param("revenue", new BigDecimal(revenue)).param("cost", new BigDecimal(cost)).update();
        table.refreshRunning(new CompanyId(company.id()));
    }
}
