package org.clientela.reporting.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.RecordScope;
import org.clientela.identity.Role;
import org.clientela.keyaccounts.AbcXyzAnalysis;
import org.clientela.keyaccounts.AbcXyzClasses;
import org.clientela.keyaccounts.EarlyWarnings;
import org.clientela.keyaccounts.KeyAccountPortfolio;
import org.clientela.keyaccounts.Measure;
import org.clientela.plans.PlanPeriod;
import org.clientela.plans.PlanVsActual;
import org.clientela.receivables.ReceivablesOverview;
import org.clientela.reporting.internal.Dashboard.Cell;
import org.clientela.reporting.internal.Dashboard.KeyClientSales;
import org.clientela.reporting.internal.Dashboard.Matrix;
import org.clientela.reporting.internal.Dashboard.MonthSales;
import org.clientela.reporting.internal.Dashboard.View;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboards (D1), read from aggregates only — the department's month totals and the monthly
 * rollup of the sales facts ({@code sales_fact_total}, {@code sales_fact_month}), the plans'
 * figures, the ABC/XYZ analysis of one quarter (the department's kept until the quarter's facts
 * change), the ageing of the unpaid invoices, the open early warnings — never from the order
 * lines, and in a fixed number of statements whatever the number of clients. Everything within
 * the current user's access.
 * <p>
 * The parts do not depend on each other, so they are read side by side, each in its own read-only
 * transaction on a thread of {@link DashboardReads} that carries the user's security context: the
 * director's page is as slow as its slowest part (the ageing), not their sum.
 * The request's thread holds no connection while it waits, so concurrent dashboards cannot starve
 * the pool.
 */
@Service
public class Dashboards {

    public static final String VIEWERS = "hasAnyRole('MANAGER', 'KEY_ACCOUNT_MANAGER', 'HEAD', 'DIRECTOR', 'ADMIN')";
    /** The clients with the most overdue on the dashboard. */
    static final int TOP_OVERDUE = 10;
    /** The latest early warnings on the dashboard. */
    static final int LATEST_WARNINGS = 10;

    private final PlanVsActual plans;
    private final AbcXyzClasses classes;
    private final KeyAccountPortfolio keyAccounts;
    private final ReceivablesOverview receivables;
    private final EarlyWarnings warnings;
    private final AccessPolicy accessPolicy;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final DashboardReads reads;
    private final Clock clock;
    private final AtomicReference<KeptMatrix> departmentMatrix = new AtomicReference<>();

    /** The department's matrix of a quarter and the writes to the quarter's facts it was computed after. */
    private record KeptMatrix(PlanPeriod quarter, long writes, Matrix matrix) {
    }

    Dashboards(PlanVsActual plans, AbcXyzClasses classes, KeyAccountPortfolio keyAccounts,
            ReceivablesOverview receivables, EarlyWarnings warnings, AccessPolicy accessPolicy, JdbcClient jdbc,
            PlatformTransactionManager transactions, DashboardReads reads, Clock clock) {
        this.plans = plans;
        this.classes = classes;
        this.keyAccounts = keyAccounts;
        this.receivables = receivables;
        this.warnings = warnings;
        this.accessPolicy = accessPolicy;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.reads = reads;
        this.clock = clock;
    }

    /** The head, the director and the administrator see the department's view (a head: the team's). */
    public static View viewOf(CurrentUser user) {
        return user.hasAny(Role.HEAD, Role.DIRECTOR, Role.ADMIN) ? View.DEPARTMENT : View.MANAGER;
    }

    @PreAuthorize(VIEWERS)
    public Dashboard current() {
        CurrentUser user = CurrentUser.get();
        View view = viewOf(user);
        RecordScope scope = accessPolicy.currentScope();
        LocalDate today = LocalDate.now(clock);
        YearMonth month = YearMonth.from(today);
        boolean margins = CurrentUser.maySeeMargins();
        boolean department = view == View.DEPARTMENT;
        var monthFigures = reads.start(() -> plans.of(PlanPeriod.month(month), scope).orElse(null));
        var quarterFigures = reads.start(() -> plans.of(PlanPeriod.quarterOf(month), scope).orElse(null));
        var months = reads.start(() -> readOnly.execute(status -> months(month, scope, margins)));
        var debts = reads.start(() -> receivables.today(TOP_OVERDUE));
        var latestWarnings = reads.start(() -> warnings.openFor(scope, LATEST_WARNINGS));
        var warningCounts = reads.start(() -> warnings.openCountsFor(scope));
        var matrix = reads.start(() -> department ? matrix(month, scope) : null);
        var keyClients = reads.start(() -> department ? List.<KeyClientSales>of()
                : readOnly.execute(status -> keyClients(user.id().value(), month)));
        PlanVsActual.Figures monthPlan = monthFigures.join();
        List<PlanVsActual.ManagerFigures> ranking = department && monthPlan != null ? monthPlan.managers() : List.of();
        return new Dashboard(view, scope.isEverything(), today, margins, monthPlan, quarterFigures.join(),
                months.join(), matrix.join(), debts.join(), ranking, keyClients.join(), latestWarnings.join(),
                warningCounts.join());
    }

    /**
     * The twelve months up to this one beside the twelve before them, in one statement: everyone's
     * from the department's month totals ({@code sales_fact_total}, a few rows a month), a team's or
     * a manager's from the monthly rollup of their clients' sales.
     */
    private List<MonthSales> months(YearMonth month, RecordScope scope, boolean margins) {
        YearMonth first = month.minusMonths(23);
        Map<YearMonth, BigDecimal[]> sums = new HashMap<>();
        if (!scope.isEverything()) {
            // planned for these owners and months each time: a plan kept for any owners and months
            // guesses a few rows in the months and reads every client's months of the range
            // (240 000 at 10 000 clients) instead of the owners' clients' by their index (V52)
            jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)").query(String.class).single();
        }
        // two sums and one difference, not a difference per row: numeric arithmetic is what such a sum costs
        jdbc.sql("select f.month, sum(f.revenue) as revenue, sum(f.revenue) - sum(f.cost) as margin from "
                        + (scope.isEverything() ? "sales_fact_total f where"
                                : "sales_fact_month f where f.company_id in "
                                        + "(select id from company_ref where owner_id = any(:owners)) and")
                        + " f.month between :first and :last group by f.month")
                .param("first", first.atDay(1)).param("last", month.atDay(1))
                .param("owners", scope.ownerIds())
                .query(rs -> {
                    sums.put(YearMonth.from(rs.getObject("month", LocalDate.class)),
                            new BigDecimal[] {rs.getBigDecimal("revenue"), rs.getBigDecimal("margin")});
                });
        BigDecimal[] none = {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)};
        return IntStream.rangeClosed(0, 11).mapToObj(i -> {
            YearMonth current = month.minusMonths(11L - i);
            BigDecimal[] now = sums.getOrDefault(current, none);
            BigDecimal[] before = sums.getOrDefault(current.minusYears(1), none);
            return new MonthSales(current, now[0], margins ? now[1] : null, before[0], margins ? before[1] : null);
        }).toList();
    }

    /**
     * The last closed quarter's ABC×XYZ matrix by revenue. The whole department's is kept with the
     * number of writes to the quarter's facts it was computed after ({@code sales_fact_total.writes},
     * V51), read before it was computed: it is given again while that number is the same, and
     * computed again after any change to those months' facts (an order dated back into the
     * quarter, a return, a merge, a rebuild). A team's depends on who owns which client as well,
     * which that number does not follow, and is computed every time.
     */
    private Matrix matrix(YearMonth month, RecordScope scope) {
        PlanPeriod quarter = PlanPeriod.quarterOf(month.minusMonths(3));
        if (!scope.isEverything()) {
            return matrixOf(quarter);
        }
        long writes = readOnly.execute(status -> jdbc.sql(
                        "select coalesce(sum(writes), 0) from sales_fact_total where month between :first and :last")
                .param("first", quarter.first().atDay(1)).param("last", quarter.last().atDay(1))
                .query(Long.class).single());
        KeptMatrix kept = departmentMatrix.get();
        if (kept != null && kept.quarter().equals(quarter) && kept.writes() == writes) {
            return kept.matrix();
        }
        Matrix matrix = matrixOf(quarter);
        departmentMatrix.set(new KeptMatrix(quarter, writes, matrix));
        return matrix;
    }

    private Matrix matrixOf(PlanPeriod quarter) {
        AbcXyzAnalysis analysis = classes.classifyVisible(quarter.first(), quarter.last(), Measure.REVENUE);
        List<Cell> cells = analysis.matrix().stream()
                .map(cell -> new Cell(cell.abc().name(), cell.xyz().name(), cell.count(), cell.value(), cell.share()))
                .toList();
        return new Matrix(quarter.first(), quarter.last(), analysis.companies().size(), cells);
    }

    /** The user's key accounts with the revenue of the last three whole months, the largest first. */
    private List<KeyClientSales> keyClients(UUID user, YearMonth month) {
        List<KeyAccountPortfolio.KeyClient> clients = keyAccounts.of(user);
        if (clients.isEmpty()) {
            return List.of();
        }
        YearMonth from = month.minusMonths(3);
        YearMonth to = month.minusMonths(1);
        Map<UUID, BigDecimal> revenue = new HashMap<>();
        jdbc.sql("""
                        select company_id, sum(revenue) from sales_fact_month
                        where company_id = any(:ids) and month between :from and :to
                        group by company_id""")
                .param("ids", clients.stream().map(KeyAccountPortfolio.KeyClient::companyId).toArray(UUID[]::new))
                .param("from", from.atDay(1)).param("to", to.atDay(1))
                .query(rs -> {
                    revenue.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2));
                });
        return clients.stream()
                .map(client -> new KeyClientSales(client.companyId(), client.name(), user.equals(client.ownerId()),
                        user.equals(client.kamId()), from, to,
                        revenue.getOrDefault(client.companyId(), BigDecimal.ZERO.setScale(2))))
                .sorted(Comparator.comparing(KeyClientSales::revenue).reversed()
                        .thenComparing(KeyClientSales::name))
                .toList();
    }
}
