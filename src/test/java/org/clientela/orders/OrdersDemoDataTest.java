package org.clientela.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo world's orders: two years of history, every open status, holds, limits, one client over its limit. */
@IntegrationTest
class OrdersDemoDataTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void holdsTwoYearsOfInvoicedHistoryAndOrdersInEveryOpenStatus() {
        // the demo orders are those numbered by the demo, taken by demo people before any test ran
        LocalDate oldest = jdbc.sql("select min(order_date) from sales_order where number like 'З-%'")
                .query(LocalDate.class).single();
        assertThat(oldest).isBefore(LocalDate.now().minusMonths(22));
        List<String> statuses = jdbc.sql("select distinct status from sales_order where number like 'З-%'")
                .query(String.class).list();
        assertThat(statuses).contains("DRAFT", "CREDIT_HOLD", "CONFIRMED", "IN_PRODUCTION", "READY", "SHIPPED",
                "DELIVERED", "CLOSED", "CANCELLED");
        assertThat(jdbc.sql("""
                        select count(*) from sales_order o where o.status in ('SHIPPED', 'DELIVERED', 'CLOSED')
                          and not exists (select 1 from invoice i where i.id = o.invoice_id and i.order_id = o.id
                                          and i.amount = o.total_with_vat)
                          and o.order_date < current_date - 45""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from sales_order
                        where status = 'CREDIT_HOLD' and credit_hold_reason in ('LIMIT_EXCEEDED', 'OVERDUE')
                          and order_date >= current_date - 3""").query(Long.class).single()).isGreaterThanOrEqualTo(2);
        // every line's amount is its unit price × billable area × quantity, rounded to kopecks
        assertThat(jdbc.sql("""
                        select count(*) from order_line
                        where amount <> round(unit_price * coalesce(billable_area, 1) * quantity, 2)""")
                .query(Long.class).single()).isZero();
    }

    @Test
    void oneClientIsOverItsCreditLimit() {
        ApiClient api = new ApiClient(port);
        List<UUID> limited = jdbc.sql("select company_id from credit_account where updated_by = "
                + "(select id from app_user where username = 'credit') order by credit_limit").query(UUID.class).list();
        assertThat(limited).hasSizeGreaterThanOrEqualTo(10);
        long over = limited.stream().filter(company -> {
            var credit = api.as("credit").get("/api/v1/companies/" + company + "/credit").isJson(200).json();
            BigDecimal exposure = credit.path("exposure").decimalValue();
            BigDecimal limit = credit.path("limit").decimalValue();
            // what the open orders alone are worth: this client pays its invoices on time
            BigDecimal openOrders = jdbc.sql("""
                            select coalesce(sum(total_with_vat), 0) from sales_order where company_id = :company
                              and invoice_id is null and status in ('CONFIRMED', 'IN_PRODUCTION', 'READY')""")
                    .param("company", company).query(BigDecimal.class).single();
            return openOrders.compareTo(limit) > 0 && exposure.compareTo(limit) > 0;
        }).count();
        assertThat(over).isEqualTo(1);
    }
}
