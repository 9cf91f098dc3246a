package org.clientela.keyaccounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.clients.CompanyId;
import org.clientela.salesfacts.internal.SalesFactTable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The early-warning tests' world, in 2071–2073 (no other test's sales or orders there): clients of
 * the demo managers with sales facts written straight into {@code sales_fact} and
 * {@code sales_fact_month} (as the ABC/XYZ tests do), orders straight into {@code sales_order}
 * (as the plans' tests do: the rule reads only their dates and statuses), and invoices and payments
 * entered through the receivables API by the credit controller.
 */
final class WarningWorld {

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final SalesFactTable table;
    private final SalesFacts facts;

    WarningWorld(ApiClient api, JdbcClient jdbc, SalesFactTable table) {
        this.api = api;
        this.jdbc = jdbc;
        this.table = table;
        this.facts = new SalesFacts(api, jdbc, table);
    }

    SalesFacts.Company company(String owner, String name) {
        return facts.company(owner, name);
    }

    /** A new assortment group with a unique name beginning with {@code name}; answers its id. */
    UUID group(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into assortment_group (id, name) values (:id, :name)").param("id", id)
                .param("name", ApiClient.unique(name)).update();
        return id;
    }

    String groupName(UUID group) {
        return jdbc.sql("select name from assortment_group where id = :id").param("id", group).query(String.class)
                .single();
    }

    /** What {@code company} bought of {@code group} in {@code month}, in {@code orders} orders. */
    void sale(SalesFacts.Company company, UUID group, String month, String revenue, int orders) {
        LocalDate first = YearMonth.parse(month).atDay(1);
        jdbc.sql("""
                        insert into sales_fact (company_id, group_id, month, revenue, cost, quantity, order_count)
                        values (:company, :group, :month, :revenue, 0, 1, :orders)""")
                .param("company", company.id()).param("group", group).param("month", first)
                .param("revenue", new BigDecimal(revenue)).param("orders", orders).update();
        jdbc.sql("""
                        insert into sales_fact_month (company_id, month, revenue, cost, quantity, order_count)
                        values (:company, :month, :revenue, 0, 1, :orders)
                        on conflict (month, company_id) do update
                        set revenue = sales_fact_month.revenue + excluded.revenue,
                            quantity = sales_fact_month.quantity + 1,
                            order_count = sales_fact_month.order_count + excluded.order_count""")
                .param("company", company.id()).param("month", first).param("revenue", new BigDecimal(revenue))
                .param("orders", orders).update();
        table.refreshRunning(new CompanyId(company.id()));
    }

    /** A confirmed order of {@code company} dated {@code date}, without lines. */
    void order(SalesFacts.Company company, LocalDate date, String status) {
        jdbc.sql("""
                        insert into sales_order (id, number, company_id, status, order_date, vat_rate, version)
                        values (:id, :number, :company, :status, :date, 0, 0)""")
                .param("id", UUID.randomUUID()).param("number", ApiClient.unique("С-")).param("company", company.id())
                .param("status", status).param("date", date).update();
    }

    /** A call with {@code company} done by its owner on {@code day} at 10:00 Moscow time. */
    void contact(SalesFacts.Company company, LocalDate day) {
        jdbc.sql("""
                        insert into activity (id, company_id, owner_id, type, subject, planned_start, planned_end,
                            time_zone, status, actual_start, late_minutes, outcome, closed_at)
                        select :id, c.id, c.owner_id, 'CALL', 'Звонок снабженцу', :start, :start, 'Europe/Moscow',
                            'DONE', :start, 0, 'Поговорили', :start
                        from company_ref c where c.id = :company""")
                .param("id", UUID.randomUUID()).param("company", company.id())
                .param("start", java.sql.Timestamp.from(day.atTime(10, 0).atZone(java.time.ZoneId.of("Europe/Moscow"))
                        .toInstant())).update();
    }

    /** An individual contact cadence of {@code days}, set by the company's owner before anyone else. */
    void cadence(String owner, SalesFacts.Company company, int days) {
        api.as(owner).put("/api/v1/companies/" + company.id() + "/contact-cadence", Map.of("days", days,
                "reason", "Договорились о графике звонков", "version", 0)).isJson(200);
    }

    /** An invoice without VAT entered by the credit controller. */
    void invoice(SalesFacts.Company company, LocalDate issued, LocalDate due, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyId", company.id().toString());
        body.put("number", ApiClient.unique("СИГ"));
        body.put("issueDate", issued.toString());
        body.put("dueDate", due.toString());
        body.put("amount", amount);
        body.put("vatAmount", "0.00");
        api.as("credit").post("/api/v1/invoices", body).isJson(201);
    }

    /** A payment recorded by the credit controller: it pays the oldest invoices first. */
    void payment(SalesFacts.Company company, LocalDate date, String amount) {
        api.as("credit").post("/api/v1/payments", Map.of("companyId", company.id().toString(), "date", date.toString(),
                "amount", amount, "currency", "RUB", "reference", ApiClient.unique("пп"))).isJson(201);
    }
}
