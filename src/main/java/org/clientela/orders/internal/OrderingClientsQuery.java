package org.clientela.orders.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.orders.OrderStatus;
import org.clientela.orders.OrderingClients;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class OrderingClientsQuery implements OrderingClients {

    private static final String[] COUNTING = Arrays.stream(OrderStatus.values()).filter(OrderStatus::countsInSales)
            .map(OrderStatus::name).toArray(String[]::new);

    private final JdbcClient jdbc;

    OrderingClientsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OrderingClient> ordering(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select company_id, count(*) as orders, max(order_date) as last_order
                        from sales_order
                        where status = any(:statuses) and order_date between :from and :to
                        group by company_id""")
                .param("statuses", COUNTING).param("from", from).param("to", to)
                .query((rs, n) -> new OrderingClient(new CompanyId(rs.getObject("company_id", UUID.class)),
                        rs.getInt("orders"), rs.getObject("last_order", LocalDate.class)))
                .list();
    }
}
