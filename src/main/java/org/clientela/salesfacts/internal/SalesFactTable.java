package org.clientela.salesfacts.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompaniesMerged;
import org.clientela.clients.CompanyId;
import org.clientela.salesfacts.SalesFacts;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tables {@code sales_fact} and {@code sales_fact_month} and every write to them. A cell
 * (company, group, month) and its month's rollup (company, month) are never added to, always
 * recomputed whole from the orders' view {@code order_sales_line}: a delivery of an event twice,
 * or of two events in either order, leaves the same facts. Writers of one company's facts queue
 * on the company's advisory lock; a rebuild locks both tables against them and reads stay
 * possible meanwhile.
 */
@Service
public class SalesFactTable implements SalesFacts {

    static final String SALES_FACTS = "SalesFacts";
    /** The first key of a company's advisory lock: the sales facts' own key space (V22). */
    private static final int LOCK_SPACE = 22;

    /**
     * All the facts, from all the view's rows (a rebuild). Summed per order first, so that the
     * orders are counted by a plain count: an order counts in a cell when it has a line there that
     * is not a return.
     */
    private static final String INSERT_AGGREGATE = """
            insert into sales_fact (company_id, group_id, month, revenue, cost, quantity, order_count)
            select company_id, group_id, month, sum(revenue), sum(cost), sum(quantity), count(*) filter (where counted)
            from (select company_id, group_id, month, order_id, sum(revenue) as revenue, sum(cost) as cost,
                         sum(quantity) as quantity, bool_or(sign > 0) as counted
                  from order_sales_line
                  group by company_id, group_id, month, order_id) as per_order
            group by company_id, group_id, month""";

    /**
     * The same for each company's month over all groups: an order counts once in the month however
     * many groups its lines are of, so the rollup is its own aggregate of the view, not a sum of
     * the cells' order counts.
     */
    private static final String INSERT_MONTH_AGGREGATE = """
            insert into sales_fact_month (company_id, month, revenue, cost, quantity, order_count)
            select company_id, month, sum(revenue), sum(cost), sum(quantity), count(*) filter (where counted)
            from (select company_id, month, order_id, sum(revenue) as revenue, sum(cost) as cost,
                         sum(quantity) as quantity, bool_or(sign > 0) as counted
                  from order_sales_line
                  group by company_id, month, order_id) as per_order
            group by company_id, month""";

    /**
     * One company's month, cells and rollup both, from one read of the month's rows of the view,
     * found by their days (the index of the client's orders by date, V50). An order counts in the
     * month when it counts in any of its groups there. Nothing is written for a month without rows.
     */
    private static final String INSERT_COMPANY_MONTH = """
            with per_order as materialized (
                     select group_id, order_id, sum(revenue) as revenue, sum(cost) as cost, sum(quantity) as quantity,
                            bool_or(sign > 0) as counted
                     from order_sales_line
                     where company_id = :company and day >= :first and day < :next
                     group by group_id, order_id),
                 cells as (
                     insert into sales_fact (company_id, group_id, month, revenue, cost, quantity, order_count)
                     select :company, group_id, :first, sum(revenue), sum(cost), sum(quantity),
                            count(*) filter (where counted)
                     from per_order group by group_id)
            insert into sales_fact_month (company_id, month, revenue, cost, quantity, order_count)
            select :company, :first, sum(revenue), sum(cost), sum(quantity),
                   count(distinct order_id) filter (where counted)
            from per_order having count(*) > 0""";

    /**
     * The running totals ({@code sales_fact_running}, V37) of the companies of the month rollup
     * that the first {@code %s} selects (a where clause, or nothing), for the months the second
     * selects: every month from a company's first to its last month with a fact, summed from the
     * first, the last one marked.
     */
    private static final String INSERT_RUNNING = """
            insert into sales_fact_running (company_id, month, revenue, revenue_squares, margin, margin_squares,
                                            months, last)
            select company_id, month, revenue, revenue_squares, margin, margin_squares, months, month = last_month
            from (select s.company_id, s.month, s.last_month,
                         sum(coalesce(f.revenue, 0)) over w as revenue,
                         sum(coalesce(f.revenue * f.revenue, 0)) over w as revenue_squares,
                         sum(coalesce(f.revenue - f.cost, 0)) over w as margin,
                         sum(coalesce((f.revenue - f.cost) * (f.revenue - f.cost), 0)) over w as margin_squares,
                         count(f.month) over w as months
                  from (select b.company_id, m::date as month, b.last_month
                        from (select company_id, min(month) as first_month, max(month) as last_month
                              from sales_fact_month %s group by company_id) as b,
                             generate_series(b.first_month, b.last_month, interval '1 month') as m) as s
                  left join sales_fact_month f on f.company_id = s.company_id and f.month = s.month
                  window w as (partition by s.company_id order by s.month)) as running
            %s""";

    /** What a rebuild came to. */
    public record Rebuilt(int rows, int monthRows, Duration took) {
    }

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    SalesFactTable(JdbcClient jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /**
     * Recomputes a month's cells of the order's company: the one the event names and the one the
     * order belongs to now, if a merge moved it meanwhile (the merge added the duplicate's facts
     * to the survivor's as they were, without what had not been computed yet).
     */
    @Transactional
    public void recompute(UUID orderId, CompanyId company, YearMonth month) {
        Set<String> companies = new TreeSet<>();
        companies.add(company.value().toString());
        companies.addAll(jdbc.sql("select distinct company_id::text from order_sales_line where order_id = :order")
                .param("order", orderId).query(String.class).list());
        // in one order for every writer, as PostgreSQL sorts uuids: two writers never wait for each other both
        companies.forEach(this::lock);
        LocalDate first = month.atDay(1);
        for (String id : companies) {
            UUID value = UUID.fromString(id);
            jdbc.sql("""
                            with cells as (delete from sales_fact where company_id = :company and month = :first)
                            delete from sales_fact_month where company_id = :company and month = :first""")
                    .param("company", value).param("first", first).update();
            jdbc.sql(INSERT_COMPANY_MONTH).param("company", value).param("first", first)
                    .param("next", month.plusMonths(1).atDay(1)).update();
            refreshRunning(value, first);
        }
    }

    /**
     * Writes a company's running totals again from a changed month on: the rows before it hold
     * (their sums end before the change), except that the last row may have moved before it (the
     * month's facts are gone) and the rows after the new last one go.
     */
    private void refreshRunning(UUID company, LocalDate changed) {
        String lastMonth = "(select max(month) from sales_fact_month where company_id = :company)";
        jdbc.sql("delete from sales_fact_running where company_id = :company and (month >= :changed or month > "
                + "coalesce(" + lastMonth + ", '-infinity'))")
                .param("company", company).param("changed", changed).update();
        jdbc.sql(INSERT_RUNNING.formatted("where company_id = :company", "where month >= :changed"))
                .param("company", company).param("changed", changed).update();
        jdbc.sql("update sales_fact_running set last = not last where company_id = :company and month < :changed "
                + "and last <> (month = " + lastMonth + ")")
                .param("company", company).param("changed", changed).update();
    }

    /**
     * Empties the facts and their monthly rollup and fills each again from the orders' view in one
     * statement, all in one transaction: the listeners wait for it (the table's lock), readers see the old facts until
     * it commits. The caller checks who may.
     */
    @Transactional
    public Rebuilt rebuild() {
        long started = System.nanoTime();
        jdbc.sql("lock table sales_fact, sales_fact_month, sales_fact_running in exclusive mode").update();
        // the per-order aggregation of millions of lines sorts and hashes in memory, not on disk
        jdbc.sql("select set_config('work_mem', '128MB', true)").query(String.class).single();
        int deleted = jdbc.sql("delete from sales_fact").update();
        int rows = jdbc.sql(INSERT_AGGREGATE).update();
        int deletedMonths = jdbc.sql("delete from sales_fact_month").update();
        int monthRows = jdbc.sql(INSERT_MONTH_AGGREGATE).update();
        jdbc.sql("delete from sales_fact_running").update();
        jdbc.sql(INSERT_RUNNING.formatted("", "")).update();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        auditLog.updated(SALES_FACTS, "all", AuditChanges.of().field("rows", deleted, rows)
                .field("monthRows", deletedMonths, monthRows).field("rebuiltInMillis", null, took.toMillis()));
        return new Rebuilt(rows, monthRows, took);
    }

    /**
     * The duplicate's facts are added to the survivor's in the merge's transaction (ADR 0004): the
     * survivor's sales include the duplicate's from the moment the merge commits. The months are
     * added too, not recomputed from the view: the orders module moves the orders to the survivor
     * in a listener of the same event, which may run after this one. Adding is exact for the
     * order count as well, an order being of one company only.
     */
    @EventListener
    void on(CompaniesMerged merged) {
        new TreeSet<>(List.of(merged.survivor().value().toString(), merged.duplicate().value().toString()))
                .forEach(this::lock);
        jdbc.sql("""
                        insert into sales_fact (company_id, group_id, month, revenue, cost, quantity, order_count)
                        select :survivor, group_id, month, revenue, cost, quantity, order_count
                        from sales_fact where company_id = :duplicate
                        on conflict (company_id, month, group_id) do update
                        set revenue = sales_fact.revenue + excluded.revenue, cost = sales_fact.cost + excluded.cost,
                            quantity = sales_fact.quantity + excluded.quantity,
                            order_count = sales_fact.order_count + excluded.order_count""")
                .param("survivor", merged.survivor().value()).param("duplicate", merged.duplicate().value()).update();
        jdbc.sql("delete from sales_fact where company_id = :duplicate")
                .param("duplicate", merged.duplicate().value()).update();
        jdbc.sql("""
                        insert into sales_fact_month (company_id, month, revenue, cost, quantity, order_count)
                        select :survivor, month, revenue, cost, quantity, order_count
                        from sales_fact_month where company_id = :duplicate
                        on conflict (month, company_id) do update
                        set revenue = sales_fact_month.revenue + excluded.revenue,
                            cost = sales_fact_month.cost + excluded.cost,
                            quantity = sales_fact_month.quantity + excluded.quantity,
                            order_count = sales_fact_month.order_count + excluded.order_count""")
                .param("survivor", merged.survivor().value()).param("duplicate", merged.duplicate().value()).update();
        jdbc.sql("delete from sales_fact_month where company_id = :duplicate")
                .param("duplicate", merged.duplicate().value()).update();
        jdbc.sql("delete from sales_fact_running where company_id = :duplicate")
                .param("duplicate", merged.duplicate().value()).update();
        writeRunning(merged.survivor().value());
    }

    /**
     * Writes a company's running totals again, whole, from its monthly rollup, under its lock:
     * what a merge does for the survivor, and what a writer of the rollup other than this class
     * (a test's fixture) must do after.
     */
    @Transactional
    public void refreshRunning(CompanyId company) {
        lock(company.value().toString());
        writeRunning(company.value());
    }

    private void writeRunning(UUID company) {
        jdbc.sql("delete from sales_fact_running where company_id = :company").param("company", company).update();
        jdbc.sql(INSERT_RUNNING.formatted("where company_id = :company", "")).param("company", company).update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<MonthlyTotal> monthlyTotals(Set<CompanyId> companies, YearMonth from, YearMonth to) {
        if (companies.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select company_id, month, revenue, cost, quantity
                        from sales_fact_month
                        where company_id = any(:companies) and month between :from and :to
                        order by company_id, month""")
                .param("companies", companies.stream().map(CompanyId::value).toArray(UUID[]::new))
                .param("from", from.atDay(1)).param("to", to.atDay(1))
                .query((rs, row) -> {
                    BigDecimal revenue = rs.getBigDecimal("revenue");
                    BigDecimal cost = rs.getBigDecimal("cost");
                    return new MonthlyTotal(new CompanyId(rs.getObject("company_id", UUID.class)),
                            YearMonth.from(rs.getObject("month", LocalDate.class)), revenue, cost,
                            revenue.subtract(cost), rs.getBigDecimal("quantity"));
                }).list();
    }

    private void lock(String company) {
        jdbc.sql("select pg_advisory_xact_lock(:space, hashtext(:company))").param("space", LOCK_SPACE)
                .param("company", company).query(Object.class).single();
    }
}
