package org.clientela.salesfacts.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompaniesMerged;
import org.clientela.clients.CompanyId;
import org.clientela.salesfacts.SalesFacts;
import org.clientela.salesfacts.internal.PartChanges.Part;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tables {@code sales_fact}, {@code sales_fact_month}, {@code sales_fact_running} and the
 * orders' parts {@code sales_fact_order} behind them, and every write to them. An order's parts
 * are recomputed whole from its rows of the orders' view {@code order_sales_line}; a cell
 * (company, group, month) and its month's rollup (company, month) are always the sums of their
 * orders' parts, kept so by adding what replacing an order's parts changed (a rebuild sums them
 * whole). A change noted twice, or two changes in either order, leave the same facts: the second
 * finds the parts it would write already there, and adds nothing.
 * Writers of one company's facts queue on the company's advisory lock; a rebuild locks the tables
 * against them and reads stay possible meanwhile.
 */
@Service
public class SalesFactTable implements SalesFacts {

    static final String SALES_FACTS = "SalesFacts";
    /** The first key of a company's advisory lock: the sales facts' own key space (V22). */
    private static final int LOCK_SPACE = 22;

    /**
     * Each order's parts ({@code sales_fact_order}, V54) from the order's rows of the view: per
     * group and month, their sums, and whether the order counts there (a line that is not a
     * return). The first {@code %s} names the orders: the rows of the orders of {@code :orders}
     * each read by itself (a lateral subquery kept apart, {@code offset 0}: joined to the view
     * directly, an array of orders is estimated at ten rows and PostgreSQL hashes all five million
     * lines of the view to find them), or the whole view (a rebuild).
     */
    private static final String INSERT_ORDER_PARTS = """
            insert into sales_fact_order (order_id, group_id, month, company_id, revenue, cost, quantity, counted)
            select order_id, group_id, month, company_id, sum(revenue), sum(cost), sum(quantity), bool_or(sign > 0)
            from %s
            group by order_id, group_id, month, company_id""";
    private static final String ORDERS_OF_THE_BATCH = """
            unnest(cast(:orders as uuid[])) as changed (id)
            cross join lateral (select * from order_sales_line where order_id = changed.id offset 0) as l""";

    /**
     * The cells and the monthly rollup rows, all of them, from the orders' parts (a rebuild). An order counts in a cell when it counts in its
     * part there, and in its month when it counts in any of its parts of the month: the rollup is
     * summed per order first, so that the orders are counted by a plain count, not a sum of the
     * cells' counts. Nothing is written for a month without parts.
     */
    private static final String INSERT_FACTS = """
            with parts as (select company_id, group_id, month, order_id, revenue, cost, quantity, counted
                           from sales_fact_order),
                 cells as (
                     insert into sales_fact (company_id, group_id, month, revenue, cost, quantity, order_count)
                     select company_id, group_id, month, sum(revenue), sum(cost), sum(quantity),
                            count(*) filter (where counted)
                     from parts group by company_id, group_id, month)
            insert into sales_fact_month (company_id, month, revenue, cost, quantity, order_count)
            select company_id, month, sum(revenue), sum(cost), sum(quantity), count(*) filter (where counted)
            from (select company_id, month, order_id, sum(revenue) as revenue, sum(cost) as cost,
                         sum(quantity) as quantity, bool_or(counted) as counted
                  from parts group by company_id, month, order_id) as per_order
            group by company_id, month""";

    /**
     * The changed (company, month) pairs, {@code :companies} and {@code :months} side by side, as a
     * relation: what each statement writing the running totals again starts from.
     */
    private static final String CHANGED = """
            changed (company_id, month) as (
                select company_id, month from unnest(cast(:companies as uuid[]), cast(:months as date[]))
                                              as pair (company_id, month))""";

    /**
     * The running totals ({@code sales_fact_running}, V37), whole, of the companies of the month
     * rollup that the {@code %s} selects (a where clause, or nothing): every month from a company's
     * first to its last month with a fact, summed from the first, the last one marked. The selected
     * rollup rows are read once, as {@code facts}: joined to the rollup itself, the months of a few companies were estimated at a thousand each and
     * PostgreSQL hashed all 240 000 rows of the benchmark's rollup for them (146 ms for 72 companies).
     */
    private static final String INSERT_RUNNING = """
            with facts as (select company_id, month, revenue, cost from sales_fact_month %s)
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
                              from facts group by company_id) as b,
                             generate_series(b.first_month, b.last_month, interval '1 month') as m) as s
                  left join facts f on f.company_id = s.company_id and f.month = s.month
                  window w as (partition by s.company_id order by s.month)) as running""";

    /**
     * The running totals of the changed companies ({@link #CHANGED}) from each one's changed month
     * on, after its rows from that month on are gone: the sums of the row before it (the latest
     * left, if any) plus the rollup's months from the one after that row (or the company's first
     * month) to its last. A change in the last month reads two rows, not every month since the
     * first. Each rollup month is read by its index (a lateral subquery kept apart: joined
     * directly, the generated months were estimated at a thousand a company and the rollup hashed).
     */
    private static final String INSERT_RUNNING_FROM = "with " + CHANGED + """
            ,
                 base as (
                     select c.company_id, p.month as before_month, coalesce(p.revenue, 0) as revenue,
                            coalesce(p.revenue_squares, 0) as revenue_squares, coalesce(p.margin, 0) as margin,
                            coalesce(p.margin_squares, 0) as margin_squares, coalesce(p.months, 0) as months,
                            b.first_month, b.last_month
                     from changed c
                     left join lateral (select * from sales_fact_running r
                                        where r.company_id = c.company_id and r.month < c.month
                                        order by r.month desc limit 1) as p on true
                     cross join lateral (select min(month) as first_month, max(month) as last_month
                                         from sales_fact_month m where m.company_id = c.company_id) as b)
            insert into sales_fact_running (company_id, month, revenue, revenue_squares, margin, margin_squares,
                                            months, last)
            select s.company_id, s.month,
                   s.revenue + sum(coalesce(f.revenue, 0)) over w,
                   s.revenue_squares + sum(coalesce(f.revenue * f.revenue, 0)) over w,
                   s.margin + sum(coalesce(f.revenue - f.cost, 0)) over w,
                   s.margin_squares + sum(coalesce((f.revenue - f.cost) * (f.revenue - f.cost), 0)) over w,
                   s.months + count(f.month) over w,
                   s.month = s.last_month
            from (select b.*, m::date as month
                  from base b,
                       generate_series(coalesce(b.before_month + interval '1 month', b.first_month), b.last_month,
                                       interval '1 month') as m) as s
            left join lateral (select month, revenue, cost from sales_fact_month f
                               where f.company_id = s.company_id and f.month = s.month offset 0) as f on true
            window w as (partition by s.company_id order by s.month)""";

    /** The changed companies' last months with a fact, each read once (not for each running row). */
    private static final String LAST_MONTHS = "with " + CHANGED + """
            ,
                 bounds as materialized (
                     select c.company_id, c.month,
                            (select max(month) from sales_fact_month m where m.company_id = c.company_id) as last_month
                     from changed c)
            """;

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
     * Takes up to {@code batch} pending changes, the oldest first, writes their orders' parts again
     * from the view, and adds the difference between the new parts and the old to the cells and
     * months they are in: of the company the order belongs to now if a merge moved it meanwhile
     * (the merge moved the parts and added the duplicate's facts to the survivor's as they were).
     * Changes another server is recomputing are skipped, not waited for. An order named by many
     * changes is written once; one whose parts did not change changes nothing.
     *
     * @return how many changes were taken
     */
    @Transactional
    public int recomputePending(int batch) {
        record Change(UUID order, UUID company) {
        }
        // the subquery fills an array once; as "id in (subquery)", planned while the queue looks
        // empty, it is a nested loop whose inner side scans, sorts and locks the queue again for
        // every row it holds: 800 million buffer hits on this table in one benchmark run
        List<Change> taken = jdbc.sql("""
                        delete from sales_fact_pending
                        where id = any(array(select id from sales_fact_pending order by id limit :batch
                                             for update skip locked))
                        returning order_id, company_id""")
                .param("batch", batch)
                .query((rs, row) -> new Change(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
        if (taken.isEmpty()) {
            return 0;
        }
        UUID[] orders = taken.stream().map(Change::order).distinct().toArray(UUID[]::new);
        Set<UUID> locked = new HashSet<>();
        taken.forEach(change -> locked.add(change.company()));
        locked.addAll(companiesOfTheParts(orders));
        lock(locked);
        // read again under the locks: a merge that moved an order meanwhile has committed, or waits
        // for this transaction; only a merge committed between the two reads makes a company to lock
        // after the others, out of their order
        lock(companiesOfTheParts(orders).stream().filter(company -> !locked.contains(company)).toList());
        List<Part> before = jdbc.sql("delete from sales_fact_order where order_id = any(cast(:orders as uuid[])) "
                + "returning " + PART_COLUMNS).param("orders", orders).query(SalesFactTable::part).list();
        List<Part> after = jdbc.sql(INSERT_ORDER_PARTS.formatted(ORDERS_OF_THE_BATCH) + " returning " + PART_COLUMNS)
                .param("orders", orders).query(SalesFactTable::part).list();
        apply(PartChanges.of(before, after));
        return taken.size();
    }

    /**
     * The companies of the orders' parts as they are and as the view has them now: the survivor's
     * too after a merge. Every row of an order in the view is of the order's company, so its first
     * row is read, not all its lines and returns (a batch's lookup took a fifth of the time).
     */
    private List<UUID> companiesOfTheParts(UUID[] orders) {
        return jdbc.sql("""
                        select company_id from sales_fact_order where order_id = any(cast(:orders as uuid[]))
                        union
                        select l.company_id
                        from unnest(cast(:orders as uuid[])) as changed (id)
                        cross join lateral (select company_id from order_sales_line where order_id = changed.id
                                            limit 1) as l""")
                .param("orders", orders).query(UUID.class).list();
    }

    private static final String PART_COLUMNS = "order_id, group_id, month, company_id, revenue, cost, quantity, counted";

    private static Part part(ResultSet rs, int row) throws SQLException {
        return new Part(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class),
                rs.getObject(4, UUID.class), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                rs.getBoolean(8));
    }

    /**
     * Adds the changes to the cells and the months' rollup rows, creating those that get their first
     * part; deletes those left without a part; then writes each company's running totals again from
     * its earliest changed month on. The caller holds the companies' locks. A row is added to, not
     * summed again from all its parts: with some 17 orders in each client's month, summing read 69
     * parts for every change of a month, 0.5 s a batch of 8 clients' confirmations.
     */
    private void apply(PartChanges changes) {
        if (!changes.cells.isEmpty()) {
            List<Map.Entry<PartChanges.Cell, PartChanges.Change>> cells = List.copyOf(changes.cells.entrySet());
            jdbc.sql("""
                            insert into sales_fact as f (company_id, group_id, month, revenue, cost, quantity, order_count)
                            select * from unnest(cast(:companies as uuid[]), cast(:groups as uuid[]),
                                                 cast(:months as date[]), cast(:revenues as numeric[]),
                                                 cast(:costs as numeric[]), cast(:quantities as numeric[]),
                                                 cast(:orders as integer[]))
                            on conflict (company_id, month, group_id) do update
                            set revenue = f.revenue + excluded.revenue, cost = f.cost + excluded.cost,
                                quantity = f.quantity + excluded.quantity,
                                order_count = f.order_count + excluded.order_count""")
                    .param("companies", cells.stream().map(cell -> cell.getKey().company()).toArray(UUID[]::new))
                    .param("groups", cells.stream().map(cell -> cell.getKey().group()).toArray(UUID[]::new))
                    .param("months", cells.stream().map(cell -> cell.getKey().month().toString()).toArray(String[]::new))
                    .param("revenues", figures(cells, change -> change.revenue))
                    .param("costs", figures(cells, change -> change.cost))
                    .param("quantities", figures(cells, change -> change.quantity))
                    .param("orders", cells.stream().map(cell -> cell.getValue().orders).toArray(Integer[]::new))
                    .update();
            List<PartChanges.Cell> emptied = cells.stream().filter(cell -> cell.getValue().mayBeEmpty())
                    .map(Map.Entry::getKey).toList();
            if (!emptied.isEmpty()) {
                jdbc.sql("""
                                delete from sales_fact f
                                using unnest(cast(:companies as uuid[]), cast(:groups as uuid[]), cast(:months as date[]))
                                      as e (company_id, group_id, month)
                                where f.company_id = e.company_id and f.month = e.month and f.group_id = e.group_id
                                  and not exists (select 1 from sales_fact_order p where p.company_id = e.company_id
                                                  and p.month = e.month and p.group_id = e.group_id)""")
                        .param("companies", emptied.stream().map(PartChanges.Cell::company).toArray(UUID[]::new))
                        .param("groups", emptied.stream().map(PartChanges.Cell::group).toArray(UUID[]::new))
                        .param("months", emptied.stream().map(cell -> cell.month().toString()).toArray(String[]::new))
                        .update();
            }
        }
        if (changes.months.isEmpty()) {
            return;
        }
        List<Map.Entry<PartChanges.Month, PartChanges.Change>> months = List.copyOf(changes.months.entrySet());
        jdbc.sql("""
                        insert into sales_fact_month as f (company_id, month, revenue, cost, quantity, order_count)
                        select * from unnest(cast(:companies as uuid[]), cast(:months as date[]),
                                             cast(:revenues as numeric[]), cast(:costs as numeric[]),
                                             cast(:quantities as numeric[]), cast(:orders as integer[]))
                        on conflict (month, company_id) do update
                        set revenue = f.revenue + excluded.revenue, cost = f.cost + excluded.cost,
                            quantity = f.quantity + excluded.quantity,
                            order_count = f.order_count + excluded.order_count""")
                .param("companies", months.stream().map(month -> month.getKey().company()).toArray(UUID[]::new))
                .param("months", months.stream().map(month -> month.getKey().month().toString()).toArray(String[]::new))
                .param("revenues", figures(months, change -> change.revenue))
                .param("costs", figures(months, change -> change.cost))
                .param("quantities", figures(months, change -> change.quantity))
                .param("orders", months.stream().map(month -> month.getValue().orders).toArray(Integer[]::new))
                .update();
        List<PartChanges.Month> emptied = months.stream().filter(month -> month.getValue().mayBeEmpty())
                .map(Map.Entry::getKey).toList();
        if (!emptied.isEmpty()) {
            jdbc.sql("""
                            delete from sales_fact_month f
                            using unnest(cast(:companies as uuid[]), cast(:months as date[])) as e (company_id, month)
                            where f.company_id = e.company_id and f.month = e.month
                              and not exists (select 1 from sales_fact_order p where p.company_id = e.company_id
                                              and p.month = e.month)""")
                    .param("companies", emptied.stream().map(PartChanges.Month::company).toArray(UUID[]::new))
                    .param("months", emptied.stream().map(month -> month.month().toString()).toArray(String[]::new))
                    .update();
        }
        Map<UUID, LocalDate> earliest = new HashMap<>();
        changes.months.keySet().forEach(month -> earliest.merge(month.company(), month.month(),
                (one, other) -> one.isBefore(other) ? one : other));
        refreshRunning(earliest);
    }

    /** A figure of each change, exact, as the text PostgreSQL casts to numeric. */
    private static <K> String[] figures(List<Map.Entry<K, PartChanges.Change>> changes,
            Function<PartChanges.Change, BigDecimal> figure) {
        return changes.stream().map(change -> figure.apply(change.getValue()).toPlainString()).toArray(String[]::new);
    }

    /**
     * Writes the companies' running totals again, each from its changed month on: the rows before
     * it hold (their sums end before the change), except that the last row may have moved before it
     * (the month's facts are gone) and the rows after the new last one go.
     */
    private void refreshRunning(Map<UUID, LocalDate> changedFrom) {
        List<Map.Entry<UUID, LocalDate>> changes = List.copyOf(changedFrom.entrySet());
        UUID[] companies = changes.stream().map(Map.Entry::getKey).toArray(UUID[]::new);
        String[] months = changes.stream().map(change -> change.getValue().toString()).toArray(String[]::new);
        jdbc.sql(LAST_MONTHS + """
                        delete from sales_fact_running r using bounds b
                        where r.company_id = b.company_id
                          and (r.month >= b.month or r.month > coalesce(b.last_month, '-infinity'))""")
                .param("companies", companies).param("months", months).update();
        jdbc.sql(INSERT_RUNNING_FROM).param("companies", companies).param("months", months).update();
        jdbc.sql(LAST_MONTHS + """
                        update sales_fact_running r set last = not last from bounds b
                        where r.company_id = b.company_id and r.month < b.month
                          and r.last <> (r.month = b.last_month)""")
                .param("companies", companies).param("months", months).update();
    }

    /**
     * Empties the orders' parts and fills them again from the orders' view in one statement, in
     * the order of the company's index, then the facts and their monthly rollup from the parts in
     * another, all in one transaction: the catch-up waits for it (the tables' locks, the parts'
     * first, as the catch-up and a merge touch them first), readers see the old facts until it
     * commits. The caller checks who may.
     */
    @Transactional
    public Rebuilt rebuild() {
        long started = System.nanoTime();
        // the parts are emptied by a truncate, whose lock only the catch-up waits for (nothing else
        // reads them); after a delete, writing them again took 43 s instead of 25 s
        jdbc.sql("lock table sales_fact_order in access exclusive mode").update();
        jdbc.sql("lock table sales_fact, sales_fact_month, sales_fact_running in exclusive mode").update();
        // the per-order aggregation of millions of lines sorts and hashes in memory, not on disk
        jdbc.sql("select set_config('work_mem', '128MB', true)").query(String.class).single();
        jdbc.sql("truncate sales_fact_order").update();
        jdbc.sql(INSERT_ORDER_PARTS.formatted("order_sales_line") + " order by company_id, month").update();
        int deleted = jdbc.sql("delete from sales_fact").update();
        int deletedMonths = jdbc.sql("delete from sales_fact_month").update();
        int monthRows = jdbc.sql(INSERT_FACTS).update();
        int rows = jdbc.sql("select count(*) from sales_fact").query(Integer.class).single();
        jdbc.sql("delete from sales_fact_running").update();
        jdbc.sql(INSERT_RUNNING.formatted("")).update();
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
     * order count as well, an order being of one company only. The orders' parts move with them.
     */
    @EventListener
    void on(CompaniesMerged merged) {
        lock(List.of(merged.survivor().value(), merged.duplicate().value()));
        // the parts first, as the catch-up and a rebuild take the tables
        jdbc.sql("update sales_fact_order set company_id = :survivor where company_id = :duplicate")
                .param("survivor", merged.survivor().value()).param("duplicate", merged.duplicate().value()).update();
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
        lock(List.of(company.value()));
        writeRunning(company.value());
    }

    private void writeRunning(UUID company) {
        jdbc.sql("delete from sales_fact_running where company_id = :company").param("company", company).update();
        jdbc.sql(INSERT_RUNNING.formatted("where company_id = :company")).param("company", company).update();
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

    /**
     * Takes the companies' locks, in the order of their keys: two writers that each take theirs in
     * one call never wait for each other both. The subquery's order is the order in which the
     * aggregate calls the function.
     */
    private void lock(Collection<UUID> companies) {
        if (companies.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        select count(pg_advisory_xact_lock(:space, key))
                        from (select distinct hashtext(company::text) as key
                              from unnest(cast(:companies as uuid[])) as company order by key) as keys""")
                .param("space", LOCK_SPACE).param("companies", companies.toArray(UUID[]::new))
                .query(Long.class).single();
    }
}
