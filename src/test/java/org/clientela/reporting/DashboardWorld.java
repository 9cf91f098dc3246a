package org.clientela.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanyNumbers;
import org.clientela.salesfacts.internal.SalesFactTable;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The dashboards' world in 2087, a year no other test uses: clients registered through the API by
 * their owners, their monthly sales written straight into {@code sales_fact_month} and the running
 * totals then written again from it by the salesfacts module (which keeps both from the orders;
 * the dashboards read only them), a plan of May 2087, a key account
 * and invoices entered by the credit controller. The figures each part contributes are written
 * beside it; the tests move the clock to 15 May 2087.
 */
final class DashboardWorld {

    static final LocalDate TODAY = LocalDate.of(2087, 5, 15);

    final UUID manager1Client;
    final UUID manager1KeyClient;
    final UUID manager2Client;
    final UUID manager3Client;
    final String manager1ClientName;

    private final ApiClient api;
    private final JdbcClient jdbc;
    private final SalesFactTable table;

    DashboardWorld(ApiClient api, JdbcClient jdbc, SalesFactTable table) {
        this.api = api;
        this.jdbc = jdbc;
        this.table = table;
        manager1ClientName = ApiClient.unique("Сводка Альфа ");
        manager1Client = company("manager1", manager1ClientName);
        manager1KeyClient = company("manager1", ApiClient.unique("Сводка Ключевой "));
        manager2Client = company("manager2", ApiClient.unique("Сводка Бета "));
        manager3Client = company("manager3", ApiClient.unique("Сводка Гамма "));

        // May 2087: revenue 3 000 + 1 000 + 2 000 = 6 000, margin 1 200 + 500 + 500 = 2 200
        sale(manager1Client, "2087-05", "3000.00", "1800.00");
        sale(manager2Client, "2087-05", "1000.00", "500.00");
        sale(manager3Client, "2087-05", "2000.00", "1500.00");
        // April 2087: manager1's 1 000 + 4 000 (the key client's), the year before May: 1 500
        sale(manager1Client, "2087-04", "1000.00", "600.00");
        sale(manager1KeyClient, "2087-04", "4000.00", "3000.00");
        sale(manager1Client, "2086-05", "1500.00", "900.00");
        // the first quarter, closed on 15 May: manager3's 300 a month (A, cv 0: X), manager2's 700 in March (A, Z)
        for (String month : List.of("2087-01", "2087-02", "2087-03")) {
            sale(manager3Client, month, "300.00", "200.00");
        }
        sale(manager2Client, "2087-03", "700.00", "400.00");
    }

    private UUID company(String owner, String name) {
        return UUID.fromString(api.as(owner).post("/api/v1/companies", Map.of("name", name, "legalForm", "OOO",
                "inn", CompanyNumbers.organisationInn(), "kpp", "773601001")).isJson(201).id());
    }

    void sale(UUID company, String month, String revenue, String cost) {
        jdbc.sql("""
                        insert into sales_fact_month (company_id, month, revenue, cost, quantity, order_count)
                        values (:company, :month, :revenue, :cost, 1, 1)""")
                .param("company", company).param("month", YearMonth.parse(month).atDay(1))
                .param("revenue", new BigDecimal(revenue)).param("cost", new BigDecimal(cost)).update();
        table.refreshRunning(new CompanyId(company));
    }

    /** Takes a month's sales of a client away again. */
    void withdrawSale(UUID company, String month) {
        jdbc.sql("delete from sales_fact_month where company_id = :company and month = :month")
                .param("company", company).param("month", YearMonth.parse(month).atDay(1)).update();
        table.refreshRunning(new CompanyId(company));
    }

    UUID user(String username) {
        return jdbc.sql("select id from app_user where username = :name").param("name", username)
                .query(UUID.class).single();
    }

    /**
     * May 2087's plan, approved: the department 20 000 revenue and 5 000 margin; manager1 6 000 and
     * 1 500; manager2 4 000; manager3 2 500.
     */
    void plan() {
        JsonNode plan = api.as("head").post("/api/v1/plans", Map.of("period", "2087-05")).isJson(201).json();
        String id = plan.path("id").asString();
        api.as("head").put("/api/v1/plans/" + id + "/targets", Map.of("version", 0, "targets", List.of(
                target("DEPARTMENT", null, "20000.00", "5000.00"),
                target("MANAGER", user("manager1"), "6000.00", "1500.00"),
                target("MANAGER", user("manager2"), "4000.00", null),
                target("MANAGER", user("manager3"), "2500.00", null)))).isJson(200);
        api.as("head").post("/api/v1/plans/" + id + "/approve", Map.of("version", 1)).isJson(200);
    }

    private static Map<String, Object> target(String scope, UUID scopeId, String revenue, String margin) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("scope", scope);
        target.put("scopeId", scopeId == null ? null : scopeId.toString());
        target.put("revenue", revenue);
        target.put("margin", margin);
        return target;
    }

    /** The key client is a key account by the head's decision, with the demo KAM. */
    void keyAccount() {
        api.as("head").put("/api/v1/companies/" + manager1KeyClient + "/key-account", Map.of("key", true,
                "reason", "Крупный дилер", "kamId", user("kam"), "version", 0)).isJson(200);
    }

    /**
     * manager1's client owes 900 000 000 due 31 March (45 days overdue on 15 May) and 600 not yet
     * due; manager3's client 360 due 31 January (104 days overdue).
     */
    void invoices() {
        invoice(manager1Client, "2087-03-01", "2087-03-31", "900000000.00");
        invoice(manager1Client, "2087-05-10", "2087-06-09", "600.00");
        invoice(manager3Client, "2087-01-02", "2087-01-31", "360.00");
    }

    private void invoice(UUID company, String issued, String due, String amount) {
        api.as("credit").post("/api/v1/invoices", Map.of("companyId", company.toString(), "issueDate", issued,
                "dueDate", due, "amount", amount, "vatAmount", "0.00")).isJson(201);
    }
}
