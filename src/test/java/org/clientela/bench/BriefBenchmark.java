package org.clientela.bench;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The speed of the meeting brief (A4) on the demo data, as the application starts by default: the
 * busiest demo client (the most orders) found in SQL, then its brief page and its PDF fetched by
 * the client's owner in a logged-in session, 20 times each after 20 warm-ups (p50 and p95), each
 * beside the bare-SQL time of the same reads one after another. Results go to
 * {@code target/bench/brief-<time>.json}.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.suite=brief}.
 */
final class BriefBenchmark extends BenchHarness {

    private static final int WARM_UPS = 20;
    private static final int RUNS = 20;

    static void main(String[] args) throws Exception {
        new BriefBenchmark().run();
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        deleteRecursively(work.resolve("data"));
        results.put("startedAt", Instant.now().toString());
        startApplication();
        try (Connection sql = connectToDatabase()) {
            String[] busiest = busiest(sql);
            String company = busiest[0];
            results.put("company", company);
            results.put("orders", Long.parseLong(busiest[2]));
            String session = logIn(busiest[1]);
            List<String> statements = reads(company);
            List<Double> bare = timeSql(sql, i -> statements, RUNS);
            List<Double> page = timeRuns(WARM_UPS, RUNS, () -> page("/companies/" + company + "/brief", session));
            report("the busiest client's meeting brief page, p50", "ms", p50(page), p50(bare), "<= 300");
            report("the busiest client's meeting brief page, p95", "ms", p95(page), p95(bare), "<= 300");
            List<Double> pdf = timeRuns(WARM_UPS, RUNS, () -> page("/companies/" + company + "/brief.pdf", session));
            report("the busiest client's meeting brief PDF, p50", "ms", p50(pdf), p50(bare), "<= 300");
            report("the busiest client's meeting brief PDF, p95", "ms", p95(pdf), p95(bare), "<= 300");
        } finally {
            application.destroy();
            application.waitFor();
        }
        writeResults("brief");
    }

    /** The demo client with the most orders: its id, its owner's username and its number of orders. */
    private static String[] busiest(Connection sql) throws Exception {
        try (Statement statement = sql.createStatement(); ResultSet row = statement.executeQuery("""
                select o.company_id, u.username, count(*) as orders
                from sales_order o join company_ref c on c.id = o.company_id join app_user u on u.id = c.owner_id
                group by o.company_id, u.username order by orders desc, o.company_id limit 1""")) {
            if (!row.next()) {
                throw new IllegalStateException("The demo data has no orders");
            }
            return new String[] {row.getString(1), row.getString(2), row.getString(3)};
        }
    }

    /**
     * What the brief reads, as plain statements: the company, its dossier and people, the sales by
     * group of two years, the orders in progress, the debt and the credit exposure, the last done
     * and the next planned activities, the open warnings, the key account and its plan's actions,
     * and the whole department's revenue per client and month of the last closed quarter and the
     * one before it (the ABC/XYZ class).
     */
    private static List<String> reads(String company) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        YearMonth month = YearMonth.from(today);
        YearMonth quarter = YearMonth.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1).minusMonths(3);
        String id = "'" + company + "'";
        return List.of(
                "select * from company c join app_user u on u.id = c.owner_id where c.id = " + id,
                "select * from company_dossier where company_id = " + id,
                "select * from company_key_date where company_id = " + id,
                "select * from contact where company_id = " + id,
                """
                select g.id, g.name, sum(f.revenue) filter (where f.month >= '%2$s'),
                       sum(f.revenue) filter (where f.month < '%2$s'),
                       sum(f.revenue - f.cost) filter (where f.month >= '%2$s'),
                       sum(f.revenue - f.cost) filter (where f.month < '%2$s')
                from sales_fact f join assortment_group g on g.id = f.group_id
                where f.company_id = %1$s and f.month between '%3$s' and '%4$s' group by g.id, g.name"""
                        .formatted(id, month.minusMonths(12).atDay(1), month.minusMonths(24).atDay(1),
                                month.minusMonths(1).atDay(1)),
                "select id, number, status, order_date, total_with_vat from sales_order where company_id = " + id
                        + " and status not in ('CLOSED', 'CANCELLED') order by order_date desc",
                """
                select (select coalesce(sum(amount), 0) from invoice where company_id = %1$s)
                     - (select coalesce(sum(amount), 0) from payment where company_id = %1$s),
                       sum(amount - paid_amount) filter (where due_date < '%2$s'), min(due_date)
                from invoice where company_id = %1$s and settled_on is null""".formatted(id, today),
                "select * from credit_account where company_id = " + id,
                """
                select (select coalesce(sum(total_with_vat), 0) from sales_order where company_id = %1$s
                          and invoice_id is null
                          and status in ('CONFIRMED', 'IN_PRODUCTION', 'READY', 'SHIPPED', 'DELIVERED'))
                     + (select coalesce(sum(amount - paid_amount), 0) from invoice
                        where company_id = %1$s and settled_on is null)""".formatted(id),
                "select * from activity where company_id = " + id
                        + " and status = 'DONE' order by actual_start desc limit 5",
                "select * from activity where company_id = " + id
                        + " and status = 'PLANNED' and planned_start >= now() order by planned_start limit 1",
                "select * from early_warning where company_id = " + id + " and status = 'OPEN'",
                "select * from key_account k left join service_tier t on t.id = k.tier_id where k.company_id = " + id,
                "select a.* from account_plan p join account_plan_action a on a.plan_id = p.id where p.company_id = "
                        + id + " and p.year = " + today.getYear() + " and a.status in ('OPEN', 'IN_PROGRESS')",
                "select company_id, month, revenue from sales_fact_month where month between '%s' and '%s'"
                        .formatted(quarter.minusMonths(3).atDay(1), quarter.plusMonths(2).atDay(1)));
    }
}
