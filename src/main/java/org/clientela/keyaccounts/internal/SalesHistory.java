package org.clientela.keyaccounts.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A client's sales in the last 3 whole months before a day against its own baseline, the 9 months
 * before those, read from the salesfacts module's published {@code sales_fact_month}.
 */
@Component
class SalesHistory {

    private final JdbcClient jdbc;

    SalesHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The months compared on a day: the recent 3 whole months, and the 9 before them. */
    record Window(YearMonth recentFrom, YearMonth recentTo, YearMonth baselineFrom, YearMonth baselineTo) {

        static Window before(LocalDate day) {
            YearMonth current = YearMonth.from(day);
            return new Window(current.minusMonths(3), current.minusMonths(1), current.minusMonths(12),
                    current.minusMonths(4));
        }
    }

    /**
     * @param baselineMonths the months of the baseline in which the client bought anything
     */
    record Client(UUID company, BigDecimal recentRevenue, BigDecimal baselineRevenue, long recentOrders,
            long baselineOrders, int baselineMonths) {
    }

    /** Every client with sales in the window's 12 months. */
    List<Client> clients(Window window) {
        return jdbc.sql("""
                        select company_id,
                               coalesce(sum(revenue) filter (where month >= :recentFrom), 0) as recent_revenue,
                               coalesce(sum(revenue) filter (where month < :recentFrom), 0) as baseline_revenue,
                               coalesce(sum(order_count) filter (where month >= :recentFrom), 0) as recent_orders,
                               coalesce(sum(order_count) filter (where month < :recentFrom), 0) as baseline_orders,
                               count(*) filter (where month < :recentFrom and order_count > 0) as baseline_months
                        from sales_fact_month
                        where month between :from and :to
                        group by company_id""")
                .param("recentFrom", window.recentFrom().atDay(1)).param("from", window.baselineFrom().atDay(1))
                .param("to", window.recentTo().atDay(1))
                .query((rs, n) -> new Client(rs.getObject("company_id", UUID.class), rs.getBigDecimal("recent_revenue"),
                        rs.getBigDecimal("baseline_revenue"), rs.getLong("recent_orders"), rs.getLong("baseline_orders"),
                        rs.getInt("baseline_months")))
                .list();
    }
}
