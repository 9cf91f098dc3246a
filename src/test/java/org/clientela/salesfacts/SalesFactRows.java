package org.clientela.salesfacts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of {@code sales_fact}, {@code sales_fact_month} and {@code sales_fact_running} of a
 * test's own companies, and the same figures aggregated in bare SQL straight from the orders'
 * tables (not through the orders' view), as comparable text.
 */
final class SalesFactRows {

    private SalesFactRows() {
    }

    /** company, group, month, revenue, cost, quantity, order count: one line per cell, sorted. */
    static List<String> facts(JdbcClient jdbc, Set<String> companies) {
        return jdbc.sql("""
                        select company_id, group_id, month, revenue, cost, quantity, order_count from sales_fact
                        where company_id = any(:companies) order by company_id, group_id, month""")
                .param("companies", ids(companies)).query((rs, row) -> line(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getLong(7)))
                .list();
    }

    /**
     * What the facts must be: each line of a confirmed, not cancelled order at the month of the
     * order's date; each returned line, negative, at the month of its return; an order counted in a
     * cell where it has an ordered line.
     */
    static List<String> bareAggregate(JdbcClient jdbc, Set<String> companies) {
        return jdbc.sql("""
                        with sold as (
                            select o.company_id, l.assortment_group_id as group_id,
                                   make_date(extract(year from o.order_date)::int, extract(month from o.order_date)::int, 1)
                                       as month,
                                   o.id as order_id, l.amount as revenue, coalesce(l.cost_amount, 0) as cost,
                                   l.quantity, true as ordered
                            from sales_order o join order_line l on l.order_id = o.id
                            where o.status not in ('DRAFT', 'CREDIT_HOLD', 'CANCELLED')
                              and o.company_id = any(:companies)
                            union all
                            select o.company_id, l.assortment_group_id,
                                   make_date(extract(year from r.return_date)::int, extract(month from r.return_date)::int, 1),
                                   o.id, -rl.amount, -coalesce(rl.cost_amount, 0), -rl.quantity, false
                            from order_return r join order_return_line rl on rl.return_id = r.id
                            join order_line l on l.id = rl.order_line_id join sales_order o on o.id = r.order_id
                            where o.company_id = any(:companies))
                        select company_id, group_id, month, sum(revenue), sum(cost), sum(quantity),
                               count(distinct order_id) filter (where ordered)
                        from sold group by company_id, group_id, month order by company_id, group_id, month""")
                .param("companies", ids(companies)).query((rs, row) -> line(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getLong(7)))
                .list();
    }

    /** company, month, revenue, cost, quantity, order count of the monthly rollup: one line per month, sorted. */
    static List<String> months(JdbcClient jdbc, Set<String> companies) {
        return jdbc.sql("""
                        select company_id, month, revenue, cost, quantity, order_count from sales_fact_month
                        where company_id = any(:companies) order by company_id, month""")
                .param("companies", ids(companies)).query((rs, row) -> monthLine(rs.getString(1), rs.getString(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getLong(6)))
                .list();
    }

    /**
     * The monthly rollup's figures without the order count, and the cells of {@code sales_fact}
     * summed per company and month: the two tables agree on everything but the orders (an order
     * with lines in two groups counts in both cells and once in the month).
     */
    static List<String> monthFiguresOfRollup(JdbcClient jdbc, Set<String> companies) {
        return monthFigures(jdbc, companies, "sales_fact_month");
    }

    static List<String> monthFiguresOfCells(JdbcClient jdbc, Set<String> companies) {
        return monthFigures(jdbc, companies, "sales_fact");
    }

    private static List<String> monthFigures(JdbcClient jdbc, Set<String> companies, String table) {
        return jdbc.sql("""
                        select company_id, month, sum(revenue), sum(cost), sum(quantity) from %s
                        where company_id = any(:companies) group by company_id, month order by company_id, month"""
                        .formatted(table))
                .param("companies", ids(companies)).query((rs, row) -> String.join(" ", rs.getString(1),
                        rs.getString(2), plain(rs.getBigDecimal(3)), plain(rs.getBigDecimal(4)),
                        plain(rs.getBigDecimal(5))))
                .list();
    }

    /**
     * company, month, the running sums, the number of months with a fact, whether it is the last
     * month: one line per row of {@code sales_fact_running}, sorted.
     */
    static List<String> running(JdbcClient jdbc, Set<String> companies) {
        return runningLines(jdbc, companies, """
                select company_id, month, revenue, revenue_squares, margin, margin_squares, months, last
                from sales_fact_running where company_id = any(:companies) order by company_id, month""");
    }

    /**
     * What the running rows must be, from the monthly rollup: a row for every month from a
     * company's first to its last month, each summing the rollup's months up to it (a correlated
     * sum, not a window, to check the window against).
     */
    static List<String> runningOfRollup(JdbcClient jdbc, Set<String> companies) {
        return runningLines(jdbc, companies, """
                select b.company_id, m::date,
                       (select sum(revenue) from sales_fact_month f where f.company_id = b.company_id and f.month <= m),
                       (select sum(revenue * revenue) from sales_fact_month f
                        where f.company_id = b.company_id and f.month <= m),
                       (select sum(revenue - cost) from sales_fact_month f
                        where f.company_id = b.company_id and f.month <= m),
                       (select sum((revenue - cost) * (revenue - cost)) from sales_fact_month f
                        where f.company_id = b.company_id and f.month <= m),
                       (select count(*) from sales_fact_month f where f.company_id = b.company_id and f.month <= m),
                       m = b.last_month
                from (select company_id, min(month) as first_month, max(month) as last_month from sales_fact_month
                      where company_id = any(:companies) group by company_id) as b,
                     generate_series(b.first_month, b.last_month, interval '1 month') as m
                order by 1, 2""");
    }

    /**
     * The months whose department totals ({@code sales_fact_total}, kept by triggers) differ from
     * the monthly rollup of all clients summed, read in one statement (one snapshot): empty when
     * the triggers kept up with every writer.
     */
    static List<String> monthTotalsApartFromTheRollup(JdbcClient jdbc) {
        return jdbc.sql("""
                        with rollup as (select month, sum(revenue) as revenue, sum(cost) as cost
                                        from sales_fact_month group by month),
                             totals as (select month, sum(revenue) as revenue, sum(cost) as cost
                                        from sales_fact_total group by month)
                        select coalesce(r.month, t.month) || ': ' || coalesce(r.revenue, 0) || '/' || coalesce(r.cost, 0)
                               || ' vs ' || coalesce(t.revenue, 0) || '/' || coalesce(t.cost, 0)
                        from rollup r full join totals t on t.month = r.month
                        where coalesce(r.revenue, 0) <> coalesce(t.revenue, 0) or coalesce(r.cost, 0) <> coalesce(t.cost, 0)
                        order by 1""")
                .query(String.class).list();
    }

    private static List<String> runningLines(JdbcClient jdbc, Set<String> companies, String sql) {
        return jdbc.sql(sql).param("companies", ids(companies)).query((rs, row) -> String.join(" ", rs.getString(1),
                rs.getString(2), plain(rs.getBigDecimal(3)), plain(rs.getBigDecimal(4)), plain(rs.getBigDecimal(5)),
                plain(rs.getBigDecimal(6)), String.valueOf(rs.getLong(7)), String.valueOf(rs.getBoolean(8)))).list();
    }

    /**
     * What the monthly rollup must be: as {@link #bareAggregate} over all groups of a month, each
     * order with an ordered line in the month counted once.
     */
    static List<String> bareMonthAggregate(JdbcClient jdbc, Set<String> companies) {
        return jdbc.sql("""
                        with sold as (
                            select o.company_id,
                                   make_date(extract(year from o.order_date)::int, extract(month from o.order_date)::int, 1)
                                       as month,
                                   o.id as order_id, l.amount as revenue, coalesce(l.cost_amount, 0) as cost,
                                   l.quantity, true as ordered
                            from sales_order o join order_line l on l.order_id = o.id
                            where o.status not in ('DRAFT', 'CREDIT_HOLD', 'CANCELLED')
                              and o.company_id = any(:companies)
                            union all
                            select o.company_id,
                                   make_date(extract(year from r.return_date)::int, extract(month from r.return_date)::int, 1),
                                   o.id, -rl.amount, -coalesce(rl.cost_amount, 0), -rl.quantity, false
                            from order_return r join order_return_line rl on rl.return_id = r.id
                            join order_line l on l.id = rl.order_line_id join sales_order o on o.id = r.order_id
                            where o.company_id = any(:companies))
                        select company_id, month, sum(revenue), sum(cost), sum(quantity),
                               count(distinct order_id) filter (where ordered)
                        from sold group by company_id, month order by company_id, month""")
                .param("companies", ids(companies)).query((rs, row) -> monthLine(rs.getString(1), rs.getString(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getLong(6)))
                .list();
    }

    static String monthLine(String company, String month, BigDecimal revenue, BigDecimal cost, BigDecimal quantity,
            long orders) {
        return String.join(" ", company, month, plain(revenue), plain(cost), plain(quantity), String.valueOf(orders));
    }

    static String line(String company, String group, String month, BigDecimal revenue, BigDecimal cost,
            BigDecimal quantity, long orders) {
        return String.join(" ", company, group, month, plain(revenue), plain(cost), plain(quantity),
                String.valueOf(orders));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static UUID[] ids(Set<String> companies) {
        return companies.stream().map(UUID::fromString).toArray(UUID[]::new);
    }
}
