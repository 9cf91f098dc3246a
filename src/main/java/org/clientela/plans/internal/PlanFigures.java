package org.clientela.plans.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clientela.identity.CurrentUser;
import org.clientela.identity.RecordScope;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserId;
import org.clientela.orders.OpenOrders;
import org.clientela.plans.PlanPeriod;
import org.clientela.plans.PlanStatus;
import org.clientela.plans.PlanVsActual;
import org.clientela.plans.TargetScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link PlanVsActual} in three statements, whatever the number of clients: the plan's department
 * and manager targets, the period's sales per owner from {@code sales_fact_month} (a quarter of
 * 10 000 clients is 30 000 rows summed in the database, where {@link PlanProgresses} reads every
 * company × group for its grid), and the open orders.
 */
@Service
class PlanFigures implements PlanVsActual {

    private static final BigDecimal NONE = BigDecimal.ZERO.setScale(2);

    private final JdbcClient jdbc;
    private final OpenOrders openOrders;
    private final UserDirectory users;
    private final Clock clock;

    PlanFigures(JdbcClient jdbc, OpenOrders openOrders, UserDirectory users, Clock clock) {
        this.jdbc = jdbc;
        this.openOrders = openOrders;
        this.users = users;
        this.clock = clock;
    }

    private record Sum(BigDecimal revenue, BigDecimal margin) {

        static final Sum ZERO = new Sum(NONE, NONE);

        Sum plus(Sum other) {
            return new Sum(revenue.add(other.revenue), margin.add(other.margin));
        }
    }

    private record Header(UUID id, PlanStatus status) {
    }

    @Override
    @PreAuthorize(SalesPlans.READERS)
    @Transactional(readOnly = true)
    public Optional<Figures> of(PlanPeriod period, RecordScope scope) {
        Optional<Header> found = jdbc.sql("select id, status from sales_plan where period = :period")
                .param("period", period.code())
                .query((rs, n) -> new Header(rs.getObject(1, UUID.class), PlanStatus.valueOf(rs.getString(2))))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, Target> managerTargets = new HashMap<>();
        Target[] department = {Target.empty(TargetScope.DEPARTMENT, null)};
        jdbc.sql("""
                        select scope, scope_id, revenue, margin from sales_plan_target
                        where plan_id = :id and scope in ('DEPARTMENT', 'MANAGER')""")
                .param("id", found.get().id())
                .query(rs -> {
                    Target target = new Target(TargetScope.valueOf(rs.getString(1)),
                            rs.getObject(2, UUID.class), rs.getBigDecimal(3), rs.getBigDecimal(4), null, null);
                    if (target.scope() == TargetScope.DEPARTMENT) {
                        department[0] = target;
                    } else {
                        managerTargets.put(target.scopeId(), target);
                    }
                });
        Map<UUID, Sum> sales = new HashMap<>();
        jdbc.sql("""
                        select c.owner_id, sum(f.revenue), sum(f.revenue) - sum(f.cost)
                        from sales_fact_month f join company_ref c on c.id = f.company_id
                        where f.month between :from and :to
                        group by c.owner_id""")
                .param("from", period.firstDay()).param("to", period.last().atDay(1))
                .query(rs -> {
                    sales.put(rs.getObject(1, UUID.class), new Sum(rs.getBigDecimal(2), rs.getBigDecimal(3)));
                });
        Map<UUID, Sum> open = openByOwner(period);

        Set<UUID> owners = scope.isEverything() ? null
                : scope.owners().orElseThrow().stream().map(UserId::value).collect(Collectors.toSet());
        Sum actual = total(sales, owners);
        Sum opened = total(open, owners);
        BigDecimal revenueTarget;
        BigDecimal marginTarget;
        if (owners == null) {
            revenueTarget = department[0].revenue();
            marginTarget = department[0].margin();
        } else {
            List<Target> mine = owners.stream().map(managerTargets::get).filter(Objects::nonNull).toList();
            revenueTarget = sumOrNull(mine.stream().map(Target::revenue).toList());
            marginTarget = sumOrNull(mine.stream().map(Target::margin).toList());
        }
        LocalDate today = LocalDate.now(clock);
        int elapsed = period.daysElapsed(today);
        int days = period.days();
        MeasureFigures revenue = measure(revenueTarget, actual.revenue(), opened.revenue(), elapsed, days);
        MeasureFigures margin = CurrentUser.maySeeMargins()
                ? measure(marginTarget, actual.margin(), opened.margin(), elapsed, days) : null;
        return Optional.of(new Figures(period, found.get().status(), today, elapsed, days, revenue, margin,
                rank(managerTargets, sales, owners)));
    }

    private Map<UUID, Sum> openByOwner(PlanPeriod period) {
        List<OpenOrders.OpenOrderAmount> amounts = openOrders.amounts(period.firstDay(), period.lastDay());
        if (amounts.isEmpty()) {
            return Map.of();
        }
        Map<UUID, UUID> owners = new HashMap<>();
        jdbc.sql("select id, owner_id from company_ref where id = any(:ids)")
                .param("ids", amounts.stream().map(amount -> amount.company().value()).distinct().toArray(UUID[]::new))
                .query(rs -> {
                    owners.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                });
        Map<UUID, Sum> open = new HashMap<>();
        for (OpenOrders.OpenOrderAmount amount : amounts) {
            open.merge(owners.get(amount.company().value()),
                    new Sum(amount.revenue(), amount.revenue().subtract(amount.cost())), Sum::plus);
        }
        return open;
    }

    private static Sum total(Map<UUID, Sum> byOwner, Set<UUID> owners) {
        Sum total = Sum.ZERO;
        for (Map.Entry<UUID, Sum> entry : byOwner.entrySet()) {
            if (owners == null || owners.contains(entry.getKey())) {
                total = total.plus(entry.getValue());
            }
        }
        return total;
    }

    private static BigDecimal sumOrNull(List<BigDecimal> values) {
        List<BigDecimal> set = values.stream().filter(Objects::nonNull).toList();
        return set.isEmpty() ? null : set.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static MeasureFigures measure(BigDecimal target, BigDecimal actual, BigDecimal open, int elapsed,
            int days) {
        return new MeasureFigures(target, actual, Forecasts.percent(actual, target),
                Forecasts.runRate(actual, elapsed, days).add(open));
    }

    /** As the plan's ranking: by revenue % of the target, best first; equal ones by name. */
    private List<ManagerFigures> rank(Map<UUID, Target> targets, Map<UUID, Sum> sales, Set<UUID> owners) {
        record Unranked(UUID manager, String name, BigDecimal target, BigDecimal actual, BigDecimal percent) {
        }
        List<Unranked> unranked = new ArrayList<>();
        targets.forEach((manager, target) -> {
            if (target.revenue() == null || target.revenue().signum() <= 0
                    || (owners != null && !owners.contains(manager))) {
                return;
            }
            BigDecimal actual = sales.getOrDefault(manager, Sum.ZERO).revenue();
            String name = users.find(new UserId(manager)).map(UserDirectory.UserSummary::fullName)
                    .orElse(manager.toString());
            unranked.add(new Unranked(manager, name, target.revenue(), actual,
                    Forecasts.percent(actual, target.revenue())));
        });
        unranked.sort(Comparator.comparing(Unranked::percent).reversed().thenComparing(Unranked::name)
                .thenComparing(Unranked::manager));
        List<ManagerFigures> ranking = new ArrayList<>();
        for (Unranked entry : unranked) {
            ranking.add(new ManagerFigures(ranking.size() + 1, entry.manager(), entry.name(), entry.target(),
                    entry.actual(), entry.percent()));
        }
        return ranking;
    }
}
