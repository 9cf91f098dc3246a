package org.clientela.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * The speed of the money core on generated data: {@code -Dbench.companies} clients (10 000) with
 * {@code -Dbench.orders} orders of 5 lines each (1 000 000, so 5 000 000 lines) over two years,
 * an invoice for nearly every order and the payments of those paid, written in bare SQL; then,
 * through the REST API of the application in its own JVM, each figure beside the bare-SQL limit of
 * the same work: drafts of 5 lines and their confirmation under the credit rule with 8 concurrent
 * clients, a company's balance at a date, the ageing of all clients, and the reconciliation
 * statement of the busiest client for a year as JSON and as PDF, the rebuild of the sales facts
 * from scratch, ABC/XYZ of all clients for a year and for a quarter, and the director's and a
 * manager's dashboard pages (with this month's plan in place). Results go to
 * {@code target/bench/money-<time>.json}.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.suite=money -Dbench.companies=10000
 * -Dbench.orders=1000000}. {@code -Dbench.parts=dashboards,abcxyz} times only those parts (of
 * confirm, balance, ageing, reconciliation, rebuild, abcxyz, dashboards), and
 * {@code -Dbench.reuseData=true} keeps the world an earlier run generated under {@code target/bench/}
 * (its size is then what that run stated) instead of generating it again: a figure taken again
 * after a change, in minutes rather than the generation's.
 */
final class MoneyBenchmark extends BenchHarness {

    private static final String[] OWNERS = {"manager1", "manager2", "manager3", "kam"};
    /** One order in this many goes to the busiest client (company 0): 2 000 of 1 000 000. */
    private static final int BUSY_EVERY = 500;
    private static final int DAYS = 730;
    private static final int SAMPLES_BALANCE = 500;
    /** The confirmations timed, the last of the run's; those before them warm the server up. */
    private static final int TIMED_CONFIRMATIONS = 10_000;
    /**
     * Requests of an ABC/XYZ analysis or a dashboard page before the timed ones, untimed: a freshly
     * started JVM runs a page's code interpreted, then compiles it, over its first few dozen
     * requests (the director's page took about 250 ms after 3, 160 ms after 300); a department's
     * server, running for weeks, has long done so.
     */
    private static final int PAGE_WARM_UPS = 30;
    private static final int PAGE_RUNS = 40;
    private static final List<String> PARTS = List.of("confirm", "balance", "ageing", "reconciliation", "rebuild",
            "abcxyz", "dashboards");

    private final int companies;
    private final int orders;
    private final int confirmations;
    private final LocalDate today = LocalDate.now();

    private MoneyBenchmark(int companies, int orders, int confirmations) {
        this.companies = companies;
        this.orders = orders;
        this.confirmations = confirmations;
    }

    static void main(String[] args) throws Exception {
        new MoneyBenchmark(Integer.getInteger("bench.companies", 10_000), Integer.getInteger("bench.orders", 1_000_000),
                Integer.getInteger("bench.confirmations", 40_000)).run();
    }

    private void run() throws Exception {
        boolean reuse = Boolean.getBoolean("bench.reuseData");
        List<String> parts = parts(System.getProperty("bench.parts", ""));
        java.nio.file.Files.createDirectories(work);
        if (!reuse) {
            deleteRecursively(work.resolve("data"));
            results.put("companies", companies);
            results.put("orders", orders);
            results.put("orderLines", orders * 5L);
        }
        results.put("startedAt", java.time.Instant.now().toString());
        results.put("parts", parts);
        results.put("pageWarmUps", PAGE_WARM_UPS);
        startApplication();
        try (Connection sql = connectToDatabase()) {
            if (reuse) {
                describeReusedWorld(sql);
            } else {
                generate(sql);
            }
            String director = token("director");
            if (parts.contains("confirm")) {
                confirm(sql);
            }
            if (parts.contains("balance")) {
                balance(director, sql);
            }
            if (parts.contains("ageing")) {
                ageing(director, sql);
            }
            if (parts.contains("reconciliation")) {
                reconciliation(director, sql);
            }
            if (parts.contains("rebuild")) {
                rebuildSalesFacts(sql);
            }
            if (parts.contains("abcxyz")) {
                abcXyz(director, sql);
            }
            if (parts.contains("dashboards")) {
                dashboards(sql);
            }
            long rss = residentMemoryMiB(application.pid());
            results.put("applicationRssMiB", rss);
            System.out.printf(Locale.ROOT, "%-68s %10d MiB%n", "resident memory of the application after the load",
                    rss);
        } finally {
            application.destroy();
            application.waitFor();
        }
        writeResults("money");
    }

    private static List<String> parts(String names) {
        if (names.isBlank()) {
            return PARTS;
        }
        List<String> chosen = List.of(names.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        List<String> unknown = chosen.stream().filter(part -> !PARTS.contains(part)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown bench.parts " + unknown + "; the parts are " + PARTS);
        }
        // the generation writes orders in bare SQL, without their sales facts: only the rebuild writes them
        if (!Boolean.getBoolean("bench.reuseData") && !chosen.contains("rebuild")
                && (chosen.contains("abcxyz") || chosen.contains("dashboards"))) {
            throw new IllegalArgumentException("abcxyz and dashboards read the sales facts, which on a new world "
                    + "only the part rebuild writes: add it");
        }
        return chosen;
    }

    // --- the generated world -------------------------------------------------------------------------

    /** The size of a world an earlier run generated, in the results as that run would state it. */
    private void describeReusedWorld(Connection sql) throws Exception {
        try (Statement statement = sql.createStatement();
                ResultSet counts = statement.executeQuery("""
                        select (select count(*) from bench_company), (select count(*) from sales_order),
                               (select count(*) from order_line), (select count(*) from invoice),
                               (select count(*) from payment)""")) {
            counts.next();
            System.out.printf(Locale.ROOT, "reusing the world of an earlier run: %d companies, %d orders, %d lines, "
                    + "%d invoices, %d payments%n", counts.getLong(1), counts.getLong(2), counts.getLong(3),
                    counts.getLong(4), counts.getLong(5));
            results.put("reusedData", true);
            results.put("companies", counts.getLong(1));
            results.put("rows", Map.of("orders", counts.getLong(2), "orderLines", counts.getLong(3),
                    "invoices", counts.getLong(4), "payments", counts.getLong(5)));
        }
    }


    /**
     * Company {@code n} belongs to {@code OWNERS[n % 4]} and has a limit far above its orders, so
     * that every confirmation passes the rule and the figures time the rule, not a hold. Order
     * {@code i} is of company {@code i % companies} (company 0 for every 500th), dated up to two
     * years back; orders older than 60 days are closed and invoiced, and all but every 20th of
     * their invoices paid (every 10th of those late); the recent ones are in production or
     * delivered, half of them invoiced. The rows are written in the order of their days, as a
     * department's system writes them over two years: a month's orders, lines and invoices lie
     * together in their tables, not spread over every page of them.
     */
    private void generate(Connection sql) throws Exception {
        long started = System.nanoTime();
        sql.setAutoCommit(true);
        try (Statement statement = sql.createStatement()) {
            statement.execute("create table bench_company (n integer primary key, id uuid not null)");
            statement.execute("create table bench_owner (k integer primary key, id uuid not null)");
        }
        try (PreparedStatement owner = sql.prepareStatement(
                "insert into bench_owner (k, id) select ?, id from app_user where username = ?")) {
            for (int k = 0; k < OWNERS.length; k++) {
                owner.setInt(1, k);
                owner.setString(2, OWNERS[k]);
                owner.executeUpdate();
            }
        }
        try (PreparedStatement company = sql.prepareStatement("""
                insert into company (id, name, legal_form, inn, kpp, region, segment, status, owner_id, tags, version)
                select ?, ?, 'OOO', ?, '773601001', 'Москва', 'Дилеры', 'ACTIVE', o.id, '{}', 0
                from bench_owner o where o.k = ?""");
                PreparedStatement numbered = sql.prepareStatement("insert into bench_company (n, id) values (?, ?)")) {
            for (int n = 0; n < companies; n++) {
                UUID id = UUID.randomUUID();
                company.setObject(1, id);
                company.setString(2, "Стеклоторг " + n);
                company.setString(3, organisationInn("7", n));
                company.setInt(4, n % OWNERS.length);
                company.addBatch();
                numbered.setInt(1, n);
                numbered.setObject(2, id);
                numbered.addBatch();
                if (n % 1000 == 999 || n == companies - 1) {
                    company.executeBatch();
                    numbered.executeBatch();
                }
            }
        }
        try (Statement statement = sql.createStatement()) {
            statement.execute("""
                    insert into credit_account (company_id, credit_limit, payment_terms_days, version)
                    select id, 1000000000, 30, 1 from bench_company""");
            // the catalogue's piece goods with their base prices: what the generated lines are of
            statement.execute("""
                    create table bench_product as
                    select row_number() over (order by p.sku) - 1 as k, p.id, p.sku, p.name, p.unit, g.id as group_id,
                           g.name as grp,
                           e.price, v.version, v.effective_from, p.cost_price
                    from product p join assortment_group g on g.id = p.group_id
                    join lateral (select e.price, e.version_id from price_list_entry e
                                  join price_list_version v on v.id = e.version_id
                                  join price_list l on l.id = v.price_list_id and l.base
                                  where e.product_id = p.id order by v.effective_from desc, v.version desc limit 1)
                         e on true
                    join price_list_version v on v.id = e.version_id
                    where p.formula is null and p.active""");
            statement.execute(String.format(Locale.ROOT, """
                    create table bench_order as
                    select i, md5('order' || i)::uuid as id, c.id as company_id,
                           current_date - (i %% %3$d) as order_date
                    from generate_series(1, %4$d) as i
                    join bench_company c on c.n = case when i %% %1$d = 0 then 0 else i %% %2$d end""", BUSY_EVERY, companies, DAYS, orders));
            // the lines first, apart: the orders' totals are their sums, and the orders must exist before them
            statement.execute(String.format(Locale.ROOT, """
                    create unlogged table bench_line as
                    select o.id as order_id, o.i, o.order_date, pos, p.id as product_id, p.sku, p.name, p.unit, p.group_id, p.grp, q, p.price,
                           p.version, p.effective_from, p.price * q as amount, p.cost_price, p.cost_price * q as cost
                    from bench_order o cross join generate_series(1, 5) as pos
                    cross join lateral (select (o.i + pos) %% 7 + 1 as q) quantity
                    join bench_product p on p.k = (o.i * 5 + pos) %% (select count(*) from bench_product)"""));
            statement.execute("""
                    create table bench_total as
                    select order_id, sum(amount) as net, coalesce(sum(cost), 0) as cost
                    from bench_line group by order_id""");
            statement.execute("""
                    insert into sales_order (id, number, company_id, status, order_date, vat_rate, total_without_vat,
                        vat_amount, total_with_vat, cost_total, invoice_id, version)
                    select o.id, 'Б-' || o.i, o.company_id,
                           case when o.order_date < current_date - 60 then 'CLOSED'
                                when o.i % 2 = 0 then 'DELIVERED' else 'IN_PRODUCTION' end,
                           o.order_date, 20, t.net, round(t.net * 0.2, 2), t.net + round(t.net * 0.2, 2), t.cost,
                           md5('invoice' || o.i)::uuid,
                           1
                    from bench_order o join bench_total t on t.order_id = o.id
                    order by o.order_date, o.i""");
            statement.execute("""
                    insert into order_line (id, order_id, position, product_id, sku, product_name, unit,
                        assortment_group_id, assortment_group, quantity, base_price, price_list_version,
                        price_list_effective_from, price_type_discount, list_unit_price, discount_percent, unit_price,
                        amount, cost_price, cost_amount)
                    select gen_random_uuid(), order_id, pos, product_id, sku, name, unit, group_id, grp, q, price, version,
                           effective_from, 0, price, 0, price, amount, cost_price, cost
                    from bench_line order by order_date, i, pos""");
            statement.execute("drop table bench_line");
            statement.execute("""
                    insert into invoice (id, number, company_id, order_id, issue_date, due_date, amount, vat_amount,
                        paid_amount, settled_on, source)
                    select s.invoice_id, 'БС-' || o.i, s.company_id, s.id, s.order_date, s.order_date + 30,
                           s.total_with_vat, s.vat_amount,
                           case when paid then s.total_with_vat else 0 end,
                           case when paid then s.order_date + case when o.i % 10 = 0 then 50 else 25 end end, 'IMPORT'
                    from sales_order s join bench_order o on o.id = s.id
                    cross join lateral (select o.i % 20 <> 0
                        and s.order_date < current_date - case when o.i % 10 = 0 then 50 else 30 end as paid) p
                    order by s.order_date, o.i""");
            statement.execute("""
                    insert into payment (id, company_id, payment_date, amount, unallocated, reference, source)
                    select md5('payment' || i.number)::uuid, i.company_id, i.settled_on, i.amount, 0,
                           substr(i.number, 4), 'IMPORT'
                    from invoice i where i.settled_on is not null and i.number like 'БС-%'
                    order by i.settled_on, i.number""");
            statement.execute("""
                    insert into payment_allocation (payment_id, invoice_id, amount, payment_date)
                    select md5('payment' || i.number)::uuid, i.id, i.amount, i.settled_on
                    from invoice i where i.settled_on is not null and i.number like 'БС-%'
                    order by i.settled_on, i.number""");
            statement.execute("drop table bench_total");
            statement.execute("drop table bench_order");
            statement.execute("vacuum analyze");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        results.put("generatedInSeconds", Math.round(seconds));
        try (Statement statement = sql.createStatement();
                ResultSet counts = statement.executeQuery("""
                        select (select count(*) from sales_order), (select count(*) from order_line),
                               (select count(*) from invoice), (select count(*) from payment)""")) {
            counts.next();
            System.out.printf(Locale.ROOT, "generated in %.0f s: %d orders, %d lines, %d invoices, %d payments%n",
                    seconds, counts.getLong(1), counts.getLong(2), counts.getLong(3), counts.getLong(4));
            results.put("rows", Map.of("orders", counts.getLong(1), "orderLines", counts.getLong(2),
                    "invoices", counts.getLong(3), "payments", counts.getLong(4)));
        }
    }

    // --- drafts and their confirmation, 8 concurrent clients --------------------------------------

    private void confirm(Connection sql) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (String owner : OWNERS) {
            tokens.add(token(owner));
        }
        List<String> products = new ArrayList<>();
        try (Statement statement = sql.createStatement();
                ResultSet rows = statement.executeQuery("select id from bench_product order by k limit 5")) {
            while (rows.next()) {
                products.add(rows.getString(1));
            }
        }
        List<String> companyIds = new ArrayList<>();
        try (Statement statement = sql.createStatement();
                ResultSet rows = statement.executeQuery("select id from bench_company order by n")) {
            while (rows.next()) {
                companyIds.add(rows.getString(1));
            }
        }
        // order j: a client of OWNERS[j % 4], whose token makes it, spread over the clients that pay on
        // time (every 10th client has an invoice unpaid past its due day: its orders would rightly be held)
        List<List<Integer>> clientsOf = new ArrayList<>();
        for (int owner = 0; owner < OWNERS.length; owner++) {
            List<Integer> theirs = new ArrayList<>();
            for (int n = owner; n < companies; n += OWNERS.length) {
                if (n % 10 != 0) {
                    theirs.add(n);
                }
            }
            clientsOf.add(theirs);
        }
        ConcurrentLinkedQueue<String> drafts = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        runConcurrently(() -> {
            for (int j = next.getAndIncrement(); j < confirmations; j = next.getAndIncrement()) {
                int owner = j % OWNERS.length;
                List<Integer> theirs = clientsOf.get(owner);
                int company = theirs.get(j / OWNERS.length % theirs.size());
                StringBuilder body = new StringBuilder("{\"companyId\":\"").append(companyIds.get(company))
                        .append("\",\"lines\":[");
                for (int k = 0; k < 5; k++) {
                    body.append(k == 0 ? "" : ",").append("{\"productId\":\"").append(products.get(k % products.size()))
                            .append("\",\"quantity\":").append(1 + (j + k) % 5).append('}');
                }
                Reply reply = post("/api/v1/orders", tokens.get(owner), body.append("]}").toString());
                if (reply.statusCode() != 201) {
                    throw new IllegalStateException("Draft " + j + ": " + reply.statusCode() + " " + reply.body());
                }
                drafts.add(owner + " " + JSON.readTree(reply.body()).path("id").asString());
            }
            return null;
        });
        double draftSeconds = (System.nanoTime() - started) / 1e9;

        List<String> toConfirm = new ArrayList<>(drafts);
        // all but the last TIMED_CONFIRMATIONS warm the server up, untimed: a freshly started JVM spends a
        // good part of a core for minutes compiling the request's path, which a department's server,
        // running for weeks, has long done. After 10 000, the JIT's compilers still used 0.43-0.62 ms of
        // CPU for each timed confirmation (printed below), a quarter of the application's: their log
        // showed 305 methods of the request's path taken from C1's code to C2's in the 30 s around the
        // timed part, though the compilers were idle two seconds after the warm-up. After 30 000: 0.03 ms
        int warmUp = Math.max(toConfirm.size() / 2, toConfirm.size() - TIMED_CONFIRMATIONS);
        confirmAll(toConfirm.subList(0, warmUp), tokens);
        results.put("confirmationsToWarmUp", warmUp);
        List<String> timed = toConfirm.subList(warmUp, toConfirm.size());
        double[] cpuBefore = cpuSeconds();
        long confirmStarted = System.nanoTime();
        confirmAll(timed, tokens);
        double confirmSeconds = (System.nanoTime() - confirmStarted) / 1e9;
        // the sales facts catch up with the confirmations after their commit: the figures after this
        // one are measured once that work is done, and how long it took is a figure of its own
        double settled = secondsUntilSalesFactsCatchUp(sql);
        double[] cpuAfter = cpuSeconds();

        double[] bare = bareOrders(sql, companyIds, Math.min(confirmations, 10_000));
        report("drafts of 5 lines through the API, 8 clients", "per second", toConfirm.size() / draftSeconds, bare[0],
                "-");
        report("confirmations (credit rule) through the API, 8 clients, warm server", "per second",
                timed.size() / confirmSeconds, bare[1], ">= 800");
        System.out.printf(Locale.ROOT, "%-68s %10.1f s%n", "sales facts current after the last confirmation", settled);
        results.put("sales facts current after the last confirmation, s", Math.round(settled * 10) / 10.0);
        reportCpu("confirmation (until the facts caught up)", cpuBefore, cpuAfter, timed.size());
        removeOrders(sql, toConfirm.stream().map(draft -> draft.split(" ")[1]).toList());
    }

    /**
     * Takes the run's orders out of the world again, and their part of the sales facts with them
     * (noted, as a change to an order's sales is, for the application's catch-up): each run kept
     * adding 20 000 confirmed orders that are never invoiced, and the next run's credit checks and
     * months had more to read, so that runs were not comparable.
     */
    private static void removeOrders(Connection sql, List<String> orders) throws Exception {
        sql.setAutoCommit(false);
        try (PreparedStatement note = sql.prepareStatement("""
                        insert into sales_fact_pending (order_id, company_id)
                        select id, company_id from sales_order
                        where id = any(?::uuid[])""");
                PreparedStatement delete = sql.prepareStatement("delete from sales_order where id = any(?::uuid[])")) {
            java.sql.Array ids = sql.createArrayOf("text", orders.toArray());
            note.setArray(1, ids);
            note.executeUpdate();
            delete.setArray(1, ids);
            delete.executeUpdate();
            sql.commit();
        } finally {
            sql.setAutoCommit(true);
        }
        secondsUntilSalesFactsCatchUp(sql);
        // their dead rows cleaned up now, as a server's autovacuum does in the hours after: left to it,
        // the cleaning would share the machine with the next run's confirmations
        try (Statement statement = sql.createStatement()) {
            statement.execute("vacuum (analyze) sales_order, order_line, order_status_change, audit_entry, "
                    + "sales_fact_order, sales_fact, sales_fact_month, sales_fact_running, sales_fact_pending");
        }
    }

    /** Confirms the drafts ("owner's index, order id") with 8 concurrent clients, each by its owner's token. */
    private void confirmAll(List<String> toConfirm, List<String> tokens) throws Exception {
        AtomicInteger next = new AtomicInteger();
        runConcurrently(() -> {
            for (int j = next.getAndIncrement(); j < toConfirm.size(); j = next.getAndIncrement()) {
                String[] draft = toConfirm.get(j).split(" ");
                Reply reply = post("/api/v1/orders/" + draft[1] + "/confirm", tokens.get(Integer.parseInt(draft[0])),
                        null);
                if (reply.statusCode() != 200) {
                    throw new IllegalStateException("Confirm " + j + ": " + reply.statusCode() + " " + reply.body());
                }
            }
            return null;
        });
    }

    /**
     * Waits until no change to the orders' sales is pending (the batch that took the last one has
     * committed), and says how long that took.
     */
    private static double secondsUntilSalesFactsCatchUp(Connection sql) throws Exception {
        long started = System.nanoTime();
        try (Statement statement = sql.createStatement()) {
            while (true) {
                try (ResultSet pending = statement.executeQuery(
                        "select count(*) from sales_fact_pending")) {
                    pending.next();
                    if (pending.getLong(1) == 0) {
                        return (System.nanoTime() - started) / 1e9;
                    }
                }
                if (System.nanoTime() - started > java.util.concurrent.TimeUnit.MINUTES.toNanos(10)) {
                    throw new IllegalStateException("The sales facts did not catch up within 10 minutes");
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * The same rows in bare JDBC, 8 connections, one transaction each: a draft is its order row and 5
     * lines; a confirmation the client's credit lock, its exposure from both sources, the order's
     * status and its history row. The rows go again afterwards.
     */
    private double[] bareOrders(Connection sql, List<String> companyIds, int count) throws Exception {
        ConcurrentLinkedQueue<String[]> made = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        runConcurrently(() -> {
            try (Connection connection = connectToDatabase();
                    PreparedStatement order = connection.prepareStatement("""
                            insert into sales_order (id, number, company_id, status, order_date, vat_rate,
                                total_without_vat, vat_amount, total_with_vat, cost_total, version)
                            values (?, ?, ?::uuid, 'DRAFT', current_date, 20, 1000, 200, 1200, 700, 0)""");
                    PreparedStatement line = connection.prepareStatement("""
                            insert into order_line (id, order_id, position, product_id, sku, product_name, unit,
                                assortment_group_id, assortment_group, quantity, base_price, price_list_version,
                                price_list_effective_from, price_type_discount, list_unit_price, discount_percent,
                                unit_price, amount)
                            select gen_random_uuid(), ?, ?, p.id, p.sku, p.name, p.unit, p.group_id, p.grp, 2, p.price,
                                   p.version,
                                   p.effective_from, 0, p.price, 0, p.price, p.price * 2
                            from bench_product p where p.k = ?""")) {
                connection.setAutoCommit(false);
                for (int j = next.getAndIncrement(); j < count; j = next.getAndIncrement()) {
                    UUID id = UUID.randomUUID();
                    String company = companyIds.get(j % companyIds.size());
                    order.setObject(1, id);
                    order.setString(2, "Б-bare-" + j);
                    order.setString(3, company);
                    order.executeUpdate();
                    for (int k = 0; k < 5; k++) {
                        line.setObject(1, id);
                        line.setInt(2, k + 1);
                        line.setInt(3, k % 4);
                        line.executeUpdate();
                    }
                    connection.commit();
                    made.add(new String[] {id.toString(), company});
                }
            }
            return null;
        });
        double draftSeconds = (System.nanoTime() - started) / 1e9;
        List<String[]> toConfirm = new ArrayList<>(made);
        AtomicInteger nextConfirm = new AtomicInteger();
        long confirmStarted = System.nanoTime();
        runConcurrently(() -> {
            try (Connection connection = connectToDatabase();
                    PreparedStatement lock = connection.prepareStatement("""
                            select credit_limit, payment_terms_days, version from credit_account
                            where company_id = ?::uuid for update""");
                    PreparedStatement exposure = connection.prepareStatement("""
                            select (select coalesce(sum(total_with_vat), 0) from sales_order
                                    where company_id = ?::uuid and invoice_id is null
                                      and status in ('CONFIRMED', 'IN_PRODUCTION', 'READY', 'SHIPPED', 'DELIVERED')),
                                   (select coalesce(sum(amount - paid_amount), 0) from invoice
                                    where company_id = ?::uuid and settled_on is null),
                                   (select coalesce(sum(unallocated), 0) from payment
                                    where company_id = ?::uuid and unallocated > 0),
                                   exists (select 1 from invoice where company_id = ?::uuid and settled_on is null
                                           and due_date < current_date)""");
                    PreparedStatement status = connection.prepareStatement("""
                            update sales_order set status = 'CONFIRMED', version = version + 1
                            where id = ?::uuid and version = 0""");
                    PreparedStatement history = connection.prepareStatement("""
                            insert into order_status_change (id, order_id, from_status, to_status)
                            values (gen_random_uuid(), ?::uuid, 'DRAFT', 'CONFIRMED')""")) {
                connection.setAutoCommit(false);
                for (int j = nextConfirm.getAndIncrement(); j < toConfirm.size(); j = nextConfirm.getAndIncrement()) {
                    String[] draft = toConfirm.get(j);
                    lock.setString(1, draft[1]);
                    try (ResultSet row = lock.executeQuery()) {
                        row.next();
                    }
                    for (int p = 1; p <= 4; p++) {
                        exposure.setString(p, draft[1]);
                    }
                    try (ResultSet row = exposure.executeQuery()) {
                        row.next();
                    }
                    status.setString(1, draft[0]);
                    status.executeUpdate();
                    history.setString(1, draft[0]);
                    history.executeUpdate();
                    connection.commit();
                }
            }
            return null;
        });
        double confirmSeconds = (System.nanoTime() - confirmStarted) / 1e9;
        try (Statement statement = sql.createStatement()) {
            statement.execute("delete from sales_order where number like 'Б-bare-%'");
        }
        return new double[] {count / draftSeconds, count / confirmSeconds};
    }

    // --- balance, ageing, reconciliation ---------------------------------------------------------

    private void balance(String token, Connection sql) throws Exception {
        List<String> companyIds = companyIds(sql, SAMPLES_BALANCE + WARM_UP);
        List<Double> api = timeRequests(token, i -> "/api/v1/companies/" + companyIds.get(i % companyIds.size())
                + "/balance?asOf=" + today.minusDays(i % DAYS));
        // the same answer as the application's: the balance, and the invoices open that day with their overdue part
        List<Double> bare = timeSql(sql, i -> List.of("""
                select (select coalesce(sum(amount), 0) from invoice where company_id = '%1$s' and issue_date <= '%2$s')
                     - (select coalesce(sum(amount), 0) from payment where company_id = '%1$s' and payment_date <= '%2$s'),
                       count(*), sum(o.owed), sum(o.owed) filter (where o.due_date < '%2$s')
                from (select i.due_date, i.amount - coalesce((select sum(a.amount) from payment_allocation a
                                                              where a.invoice_id = i.id and a.payment_date <= '%2$s'), 0) as owed
                      from invoice i
                      where i.company_id = '%1$s' and i.issue_date <= '%2$s'
                        and (i.settled_on is null or i.settled_on > '%2$s')) o
                """.formatted(companyIds.get(i % companyIds.size()), today.minusDays(i % DAYS))));
        report("a company's balance at a date", "p95 ms", p95(api), p95(bare), "<= 5");
    }

    private void ageing(String token, Connection sql) throws Exception {
        for (LocalDate asOf : List.of(today, today.minusDays(365))) {
            List<Double> api = timeRuns(5, () -> get("/api/v1/receivables/aging?groupBy=company&asOf=" + asOf, token));
            List<Double> bare = timeSql(sql, i -> List.of(ageingSql(asOf)), 5);
            report("ageing of all clients as of " + (asOf.equals(today) ? "today" : "a year ago"), "p50 ms", p50(api),
                    p50(bare), "<= 1000");
        }
    }

    /** The buckets of every company's unpaid invoices at a date, as a bare query. */
    private static String ageingSql(LocalDate asOf) {
        return """
                select i.company_id,
                       sum(o.unpaid) filter (where i.due_date >= '%1$s'),
                       sum(o.unpaid) filter (where '%1$s'::date - i.due_date between 1 and 30),
                       sum(o.unpaid) filter (where '%1$s'::date - i.due_date between 31 and 60),
                       sum(o.unpaid) filter (where '%1$s'::date - i.due_date between 61 and 90),
                       sum(o.unpaid) filter (where '%1$s'::date - i.due_date > 90)
                from invoice i
                cross join lateral (select i.amount - coalesce((select sum(a.amount) from payment_allocation a
                                    where a.invoice_id = i.id and a.payment_date <= '%1$s'), 0) as unpaid) o
                where daterange(i.issue_date, i.settled_on, '[)') @> '%1$s'::date and o.unpaid > 0
                group by i.company_id""".formatted(asOf);
    }

    private void reconciliation(String token, Connection sql) throws Exception {
        String busiest;
        try (Statement statement = sql.createStatement();
                ResultSet row = statement.executeQuery("select id from bench_company where n = 0")) {
            row.next();
            busiest = row.getString(1);
        }
        LocalDate from = today.minusYears(1);
        String path = "/api/v1/companies/" + busiest + "/reconciliation?from=" + from + "&to=" + today;
        List<Double> json = timeRuns(50, () -> get(path, token));
        List<Double> pdf = timeRuns(20, () -> call("GET", path, token, null, "application/pdf"));
        List<Double> bare = timeSql(sql, i -> List.of("""
                select (select coalesce(sum(amount), 0) from invoice where company_id = '%1$s' and issue_date < '%2$s')
                     - (select coalesce(sum(amount), 0) from payment where company_id = '%1$s' and payment_date < '%2$s')
                """.formatted(busiest, from), """
                select issue_date, number, amount from invoice
                where company_id = '%1$s' and issue_date between '%2$s' and '%3$s'
                union all
                select payment_date, reference, -amount from payment
                where company_id = '%1$s' and payment_date between '%2$s' and '%3$s'
                order by 1""".formatted(busiest, from, today)), 50);
        report("reconciliation statement, busiest client, a year, JSON", "p95 ms", p95(json), p95(bare), "<= 200");
        report("reconciliation statement, busiest client, a year, PDF", "p95 ms", p95(pdf), p95(bare), "<= 1000");
    }

    // --- sales facts and ABC/XYZ ---------------------------------------------------------------------

    /** What counts as sold, as the orders' view says, for the bare queries over the order lines. */
    private static final String COUNTING = "('CONFIRMED', 'IN_PRODUCTION', 'READY', 'SHIPPED', 'DELIVERED', 'CLOSED')";

    /**
     * The generated orders were written without events: the rebuild makes their facts, timed beside
     * the same two aggregates (the cells and the months) written by bare SQL into scratch tables,
     * with the rebuild's memory for sorting.
     */
    private void rebuildSalesFacts(Connection sql) throws Exception {
        String admin = token("admin");
        long started = System.nanoTime();
        Reply reply = post("/api/v1/admin/sales-facts/rebuild", admin, null);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("Rebuild: " + reply.statusCode() + " " + reply.body());
        }
        JsonNode rebuilt = JSON.readTree(reply.body());
        results.put("salesFactRows", Map.of("cells", rebuilt.path("rows").asLong(),
                "months", rebuilt.path("monthRows").asLong()));
        String perOrder = """
                select o.company_id, %s date_trunc('month', o.order_date)::date as month, o.id, sum(l.amount) as revenue,
                       coalesce(sum(l.cost_amount), 0) as cost, sum(l.quantity) as quantity
                from sales_order o join order_line l on l.order_id = o.id
                where o.status in %s
                group by o.company_id, %s month, o.id""";
        double bare;
        try (Statement statement = sql.createStatement()) {
            statement.execute("create table bench_sales_fact (like sales_fact)");
            statement.execute("create table bench_sales_fact_month (like sales_fact_month)");
            sql.setAutoCommit(false);
            long bareStarted = System.nanoTime();
            statement.execute("set local work_mem = '128MB'");
            statement.execute("""
                    insert into bench_sales_fact (company_id, group_id, month, revenue, cost, quantity, order_count)
                    select company_id, assortment_group_id, month, sum(revenue), sum(cost), sum(quantity), count(*)
                    from (%s) as per_order group by company_id, assortment_group_id, month"""
                    .formatted(perOrder.formatted("l.assortment_group_id,", COUNTING, "l.assortment_group_id,")));
            statement.execute("""
                    insert into bench_sales_fact_month (company_id, month, revenue, cost, quantity, order_count)
                    select company_id, month, sum(revenue), sum(cost), sum(quantity), count(*)
                    from (%s) as per_order group by company_id, month""".formatted(perOrder.formatted("", COUNTING, "")));
            sql.commit();
            bare = (System.nanoTime() - bareStarted) / 1e9;
            sql.setAutoCommit(true);
            statement.execute("drop table bench_sales_fact");
            statement.execute("drop table bench_sales_fact_month");
            // what the hours after a bulk change do on a real server, as after the generated load
            statement.execute("vacuum analyze sales_fact, sales_fact_month, sales_fact_running, sales_fact_total");
        }
        report("sales facts rebuilt from scratch through the API", "s", seconds, bare, "<= 60");
    }

    /**
     * ABC/XYZ by revenue of all clients (the director's) for the last 12 whole months and for the
     * last 3, beside the bare aggregate over the order lines of the same company × month values (the
     * period and the one before it, which the analysis compares with).
     */
    private void abcXyz(String director, Connection sql) throws Exception {
        YearMonth last = YearMonth.from(today).minusMonths(1);
        for (int months : List.of(12, 3)) {
            YearMonth from = last.minusMonths(months - 1);
            String path = "/api/v1/analytics/abc-xyz?from=" + from + "&to=" + last + "&measure=revenue";
            List<Double> api = timeRuns(PAGE_WARM_UPS, PAGE_RUNS, () -> get(path, director));
            List<Double> bare = timeSql(sql, i -> List.of("""
                    select o.company_id, date_trunc('month', o.order_date) as month, sum(l.amount)
                    from sales_order o join order_line l on l.order_id = o.id
                    where o.status in %s and o.order_date >= '%s' and o.order_date <= '%s'
                    group by o.company_id, month""".formatted(COUNTING, from.minusMonths(months).atDay(1),
                    last.atEndOfMonth())), 20);
            String what = "ABC/XYZ of all clients, the last " + months + " whole months";
            report(what + ", p50", "ms", p50(api), p50(bare), "<= 200");
            report(what + ", p95", "ms", p95(api), p95(bare), "<= 200");
        }
    }

    /**
     * The dashboard page (GET /dashboard, HTML, a logged-in session) of the director and of manager1,
     * with this month's plan of the department and the four managers in place (the demo's, if it was
     * loaded); each beside the bare
     * SQL of its aggregate work: the 24 months of the rollup, this month's and this quarter's sales
     * per owner, (the director's) the last closed quarter and the one before it read for ABC/XYZ,
     * the ageing by manager, the ten most overdue clients and (the manager's) their key clients'
     * last three months.
     */
    private void dashboards(Connection sql) throws Exception {
        String head = token("head");
        YearMonth month = YearMonth.from(today);
        Reply plan = post("/api/v1/plans", head, "{\"period\":\"" + month + "\"}");
        // the demo data's plan of this month, where it was loaded, stays as it is
        if (plan.statusCode() == 201) {
            String planId = JSON.readTree(plan.body()).path("id").asString();
            StringBuilder targets = new StringBuilder("{\"version\":0,\"targets\":[{\"scope\":\"DEPARTMENT\","
                    + "\"revenue\":\"100000000.00\",\"margin\":\"20000000.00\"}");
            for (String manager : OWNERS) {
                targets.append(",{\"scope\":\"MANAGER\",\"scopeId\":\"").append(ownerId(sql, manager))
                        .append("\",\"revenue\":\"25000000.00\"}");
            }
            Reply saved = call("PUT", "/api/v1/plans/" + planId + "/targets", head, targets.append("]}").toString());
            if (saved.statusCode() != 200) {
                throw new IllegalStateException(saved.statusCode() + " " + saved.body());
            }
        } else if (plan.statusCode() != 409) {
            throw new IllegalStateException(plan.statusCode() + " " + plan.body());
        }
        YearMonth quarter = YearMonth.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1);
        YearMonth closed = quarter.minusMonths(3);
        String owner = ownerId(sql, "manager1");
        for (String user : List.of("director", "manager1")) {
            boolean director = user.equals("director");
            String visible = director ? "true" : "c.owner_id = '" + owner + "'";
            List<String> statements = new ArrayList<>(List.of("""
                    select f.month, sum(f.revenue), sum(f.revenue - f.cost)
                    from sales_fact_month f join company_ref c on c.id = f.company_id
                    where f.month between '%s' and '%s' and %s group by f.month""".formatted(
                    month.minusMonths(23).atDay(1), month.atDay(1), visible)));
            for (YearMonth from : List.of(month, quarter)) {
                statements.add("""
                        select c.owner_id, sum(f.revenue), sum(f.revenue - f.cost)
                        from sales_fact_month f join company_ref c on c.id = f.company_id
                        where f.month between '%s' and '%s' group by c.owner_id""".formatted(from.atDay(1),
                        month.atDay(1)));
            }
            if (director) {
                statements.add("""
                        select f.company_id, c.name, f.month, f.revenue
                        from sales_fact_month f join company_ref c on c.id = f.company_id
                        where f.month between '%s' and '%s'""".formatted(closed.minusMonths(3).atDay(1),
                        closed.plusMonths(2).atDay(1)));
            } else {
                statements.add("""
                        select company_id, sum(revenue) from sales_fact_month
                        where company_id in (select id from company_ref where owner_id = '%s' limit 20)
                          and month between '%s' and '%s' group by company_id""".formatted(owner,
                        month.minusMonths(3).atDay(1), month.minusMonths(1).atDay(1)));
            }
            String owed = "select company_id, due_date, amount - paid_amount as owed from invoice where settled_on is null";
            statements.add("""
                    select c.owner_id, sum(o.owed) filter (where o.due_date >= '%1$s'),
                           sum(o.owed) filter (where o.due_date < '%1$s')
                    from (%2$s) o join company_ref c on c.id = o.company_id where %3$s
                    group by c.owner_id""".formatted(today, owed, visible));
            statements.add("""
                    select c.id, sum(o.owed) filter (where o.due_date < '%1$s') as overdue
                    from (%2$s) o join company_ref c on c.id = o.company_id where %3$s
                    group by c.id order by overdue desc nulls last limit 10""".formatted(today, owed, visible));
            String session = logIn(user);
            List<Double> page = timeRuns(PAGE_WARM_UPS, PAGE_RUNS, () -> page("/dashboard", session));
            List<Double> bare = timeSql(sql, i -> statements, 20);
            String what = (director ? "the director's" : "a manager's") + " dashboard page";
            report(what + ", p50", "ms", p50(page), p50(bare), "<= 300");
            report(what + ", p95", "ms", p95(page), p95(bare), "<= 300");
        }
    }

    private static List<String> companyIds(Connection sql, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Statement statement = sql.createStatement();
                ResultSet rows = statement.executeQuery("select id from bench_company order by md5(id::text) limit "
                        + count)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
