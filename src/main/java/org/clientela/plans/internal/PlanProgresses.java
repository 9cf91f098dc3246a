package org.clientela.plans.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.clientela.identity.CurrentUser;
import org.clientela.orders.OpenOrders;
import org.clientela.plans.PlanPeriod;
import org.clientela.plans.TargetScope;
import org.clientela.plans.internal.PlanProgress.Forecast;
import org.clientela.plans.internal.PlanProgress.RankedManager;
import org.clientela.plans.internal.PlanProgress.RowProgress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plan vs actual (T2) from the sales facts ({@code sales_fact}) of the period's months up to
 * today. A manager's actual is the sales of the companies they own now (a client handed over
 * takes its history along); a group's, the sales of that assortment group. Active clients: the
 * companies whose revenue in the period is above 0; new clients: those of them whose first month
 * with revenue above 0 ever falls in the period. The forecast adds to the run rate the drafts and
 * the orders on credit hold dated in the period ({@link OpenOrders}).
 */
@Service
public class PlanProgresses {

    private final SalesPlans plans;
    private final OpenOrders openOrders;
    private final JdbcClient jdbc;
    private final Clock clock;

    PlanProgresses(SalesPlans plans, OpenOrders openOrders, JdbcClient jdbc, Clock clock) {
        this.plans = plans;
        this.openOrders = openOrders;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One company's sales of one group in the period (or its open orders), with its owner now. */
    private record Amount(UUID company, UUID group, UUID owner, BigDecimal revenue, BigDecimal cost) {

        BigDecimal margin() {
            return revenue.subtract(cost);
        }
    }

    @PreAuthorize(SalesPlans.READERS)
    @Transactional(readOnly = true)
    public PlanProgress progress(UUID planId) {
        PlanView plan = plans.view(planId);
        PlanPeriod period = plan.period();
        LocalDate today = LocalDate.now(clock);
        int elapsed = period.daysElapsed(today);
        int days = period.days();

        List<Amount> sales = jdbc.sql("""
                        select f.company_id, f.group_id, c.owner_id, sum(f.revenue) as revenue, sum(f.cost) as cost
                        from sales_fact f
                        left join company_ref c on c.id = f.company_id
                        where f.month between :from and :to
                        group by f.company_id, f.group_id, c.owner_id""")
                .param("from", period.firstDay()).param("to", period.last().atDay(1))
                .query((rs, n) -> new Amount(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
        Set<UUID> firstBuying = firstBuyingIn(period, sales);
        List<Amount> open = openAmounts(period);

        boolean margins = plan.marginsVisible();
        List<RowProgress> rows = new ArrayList<>();
        for (PlanRow row : plan.rows()) {
            rows.add(rowProgress(row, sales, open, firstBuying, elapsed, days, margins));
        }
        PlanView whole = plans.wholePlan(planId);
        List<RankedManager> ranking = rank(whole.rowsOf(TargetScope.MANAGER), sales);
        UUID me = CurrentUser.get().id().value();
        List<RankedManager> shown = plan.wholePlan() ? ranking
                : ranking.stream().filter(ranked -> ranked.managerId().equals(me)).toList();
        return new PlanProgress(plan, today, elapsed, days, rows, shown, ranking.size());
    }

    private Set<UUID> firstBuyingIn(PlanPeriod period, List<Amount> sales) {
        UUID[] buying = sales.stream().filter(amount -> amount.revenue().signum() > 0).map(Amount::company)
                .distinct().toArray(UUID[]::new);
        if (buying.length == 0) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select company_id
                        from (select company_id, month from sales_fact where company_id = any(:companies)
                              group by company_id, month having sum(revenue) > 0) months
                        group by company_id
                        having min(month) between :from and :to""")
                .param("companies", buying).param("from", period.firstDay()).param("to", period.last().atDay(1))
                .query(UUID.class).list());
    }

    private List<Amount> openAmounts(PlanPeriod period) {
        List<OpenOrders.OpenOrderAmount> amounts = openOrders.amounts(period.firstDay(), period.lastDay());
        if (amounts.isEmpty()) {
            return List.of();
        }
        Map<UUID, UUID> owners = new HashMap<>();
        jdbc.sql("select id, owner_id from company_ref where id = any(:ids)")
                .param("ids", amounts.stream().map(amount -> amount.company().value()).distinct().toArray(UUID[]::new))
                .query(rs -> {
                    owners.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                });
        return amounts.stream().map(amount -> new Amount(amount.company().value(), amount.groupId(),
                owners.get(amount.company().value()), amount.revenue(), amount.cost())).toList();
    }

    private static Predicate<Amount> of(PlanRow row) {
        return switch (row.scope()) {
            case DEPARTMENT -> amount -> true;
            case MANAGER -> amount -> row.scopeId().equals(amount.owner());
            case COMPANY -> amount -> row.scopeId().equals(amount.company());
            case GROUP -> amount -> row.scopeId().equals(amount.group());
        };
    }

    private static RowProgress rowProgress(PlanRow row, List<Amount> sales, List<Amount> open, Set<UUID> firstBuying,
            int elapsed, int days, boolean margins) {
        Predicate<Amount> belongs = of(row);
        BigDecimal revenue = BigDecimal.ZERO.setScale(2);
        BigDecimal margin = BigDecimal.ZERO.setScale(2);
        Map<UUID, BigDecimal> byCompany = new HashMap<>();
        for (Amount amount : sales) {
            if (belongs.test(amount)) {
                revenue = revenue.add(amount.revenue());
                margin = margin.add(amount.margin());
                byCompany.merge(amount.company(), amount.revenue(), BigDecimal::add);
            }
        }
        BigDecimal openRevenue = BigDecimal.ZERO.setScale(2);
        BigDecimal openMargin = BigDecimal.ZERO.setScale(2);
        for (Amount amount : open) {
            if (belongs.test(amount)) {
                openRevenue = openRevenue.add(amount.revenue());
                openMargin = openMargin.add(amount.margin());
            }
        }
        List<UUID> active = byCompany.entrySet().stream().filter(entry -> entry.getValue().signum() > 0)
                .map(Map.Entry::getKey).toList();
        int fresh = (int) active.stream().filter(firstBuying::contains).count();
        Target target = row.target();
        Forecast revenueForecast = forecast(revenue, openRevenue, elapsed, days, target.revenue());
        return new RowProgress(row, revenue, margins ? margin : null, active.size(), fresh,
                Forecasts.percent(revenue, target.revenue()), margins ? Forecasts.percent(margin, target.margin()) : null,
                Forecasts.percent(active.size(), target.activeClients()), Forecasts.percent(fresh, target.newClients()),
                revenueForecast, margins ? forecast(margin, openMargin, elapsed, days, target.margin()) : null);
    }

    private static Forecast forecast(BigDecimal actual, BigDecimal open, int elapsed, int days, BigDecimal target) {
        BigDecimal runRate = Forecasts.runRate(actual, elapsed, days);
        BigDecimal total = runRate.add(open);
        return new Forecast(runRate, open, total, Forecasts.percent(total, target));
    }

    /** The managers with a revenue target, by their revenue's percent of it, best first; equal ones by name. */
    private static List<RankedManager> rank(List<PlanRow> managers, List<Amount> sales) {
        record Unranked(PlanRow row, BigDecimal revenue, BigDecimal percent) {
        }
        List<Unranked> unranked = new ArrayList<>();
        for (PlanRow row : managers) {
            BigDecimal target = row.target().revenue();
            if (target == null || target.signum() <= 0) {
                continue;
            }
            BigDecimal revenue = sales.stream().filter(of(row)).map(Amount::revenue)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            unranked.add(new Unranked(row, revenue, Forecasts.percent(revenue, target)));
        }
        unranked.sort(Comparator.comparing(Unranked::percent).reversed()
                .thenComparing(entry -> entry.row().name())
                .thenComparing(entry -> entry.row().scopeId()));
        List<RankedManager> ranking = new ArrayList<>();
        for (Unranked entry : unranked) {
            ranking.add(new RankedManager(ranking.size() + 1, entry.row().scopeId(), entry.row().name(),
                    entry.row().target().revenue(), entry.revenue(), entry.percent()));
        }
        return ranking;
    }
}
