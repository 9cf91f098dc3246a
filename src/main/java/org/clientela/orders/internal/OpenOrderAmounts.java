package org.clientela.orders.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.orders.OpenOrders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class OpenOrderAmounts implements OpenOrders {

    private final JdbcClient jdbc;

    OpenOrderAmounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OpenOrderAmount> amounts(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select o.company_id, l.assortment_group_id, sum(l.amount) as revenue,
                               coalesce(sum(l.cost_amount), 0) as cost
                        from sales_order o
                        join order_line l on l.order_id = o.id
                        where o.status in ('DRAFT', 'CREDIT_HOLD') and o.order_date between :from and :to
                        group by o.company_id, l.assortment_group_id
                        order by o.company_id, l.assortment_group_id""")
                .param("from", from).param("to", to)
                .query((rs, n) -> new OpenOrderAmount(new CompanyId(rs.getObject(1, UUID.class)),
                        rs.getObject(2, UUID.class), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list();
    }
}
