package org.clientela.plans.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.identity.UserDirectory.UserSummary;
import org.clientela.plans.PlanPeriod;
import org.clientela.plans.PlanStatus;
import org.clientela.plans.TargetScope;
import org.clientela.platform.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo world's plans: last month's, approved by the head, and this month's draft, with
 * targets for the department, the managers and the assortment groups at a tenth above what
 * each sold in the month a year before (at least 100 000 ₽), so the start page shows life.
 */
@Component
class PlansDemoData implements DemoDataContributor {

    private static final BigDecimal GROWTH = new BigDecimal("1.10");
    private static final BigDecimal ROUNDING = new BigDecimal("10000");
    private static final BigDecimal AT_LEAST = new BigDecimal("100000.00");

    private final JdbcClient jdbc;
    private final SalesPlans plans;
    private final AuditLog auditLog;
    private final Clock clock;

    PlansDemoData(JdbcClient jdbc, SalesPlans plans, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sales-plans";
    }

    /** After the sales facts (900): the targets follow last year's sales. */
    @Override
    public int order() {
        return 950;
    }

    @Override
    public boolean hasData() {
        return jdbc.sql("select exists (select 1 from sales_plan)").query(Boolean.class).single();
    }

    @Override
    public void load() {
        YearMonth thisMonth = YearMonth.now(clock);
        UUID head = jdbc.sql("select id from app_user where username = 'head'").query(UUID.class).optional()
                .orElse(null);
        plan(PlanPeriod.month(thisMonth.minusMonths(1)), head);
        plan(PlanPeriod.month(thisMonth), null);
    }

    /** @param approver the head who approved it, or {@code null} for a draft */
    private void plan(PlanPeriod period, UUID approver) {
        UUID id = UUID.randomUUID();
        PlanStatus status = approver == null ? PlanStatus.DRAFT : PlanStatus.APPROVED;
        jdbc.sql("""
                        insert into sales_plan (id, period, period_start, period_end, status, approved_by, approved_at,
                                                version, created_by)
                        values (:id, :period, :start, :end, :status, :by, :at, 0, :by)""")
                .param("id", id).param("period", period.code()).param("start", period.firstDay())
                .param("end", period.lastDay()).param("status", status.name()).param("by", approver)
                .param("at", approver == null ? null : Timestamp.from(clock.instant())).update();
        auditLog.created(SalesPlans.ENTITY, id, AuditChanges.of().field("period", null, period.code())
                .field("status", null, status));

        YearMonth yearBefore = period.first().minusYears(1);
        BigDecimal departmentRevenue = BigDecimal.ZERO;
        BigDecimal departmentMargin = BigDecimal.ZERO;
        List<UserSummary> managers = plans.planManagers();
        for (UserSummary manager : managers) {
            BigDecimal[] sold = sold(yearBefore, "c.owner_id = :scope", manager.id().value());
            BigDecimal revenue = target(sold[0]);
            BigDecimal margin = target(sold[1]).multiply(new BigDecimal("0.25")).max(revenue.multiply(new BigDecimal("0.2")))
                    .setScale(-4, RoundingMode.HALF_UP).setScale(2);
            departmentRevenue = departmentRevenue.add(revenue);
            departmentMargin = departmentMargin.add(margin);
            insert(id, TargetScope.MANAGER, manager.id().value(), revenue, margin, 10, 1);
        }
        insert(id, TargetScope.DEPARTMENT, Target.DEPARTMENT_KEY,
                departmentRevenue, departmentMargin, 10 * managers.size(), managers.size());
        for (UUID group : plans.groups().keySet()) {
            BigDecimal[] sold = sold(yearBefore, "f.group_id = :scope", group);
            insert(id, TargetScope.GROUP, group, target(sold[0]), null, null, null);
        }
    }

    /** Revenue and margin of a month's sales facts selected by {@code condition}. */
    private BigDecimal[] sold(YearMonth month, String condition, UUID scope) {
        return jdbc.sql("""
                        select coalesce(sum(f.revenue), 0), coalesce(sum(f.revenue - f.cost), 0)
                        from sales_fact f left join company_ref c on c.id = f.company_id
                        where f.month = :month and %s""".formatted(condition))
                .param("month", month.atDay(1)).param("scope", scope)
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)}).single();
    }

    private static BigDecimal target(BigDecimal sold) {
        return sold.multiply(GROWTH).setScale(-4, RoundingMode.HALF_UP).max(AT_LEAST).setScale(2);
    }

    private void insert(UUID plan, TargetScope scope, UUID scopeId, BigDecimal revenue, BigDecimal margin,
            Integer active, Integer fresh) {
        jdbc.sql("""
                        insert into sales_plan_target (plan_id, scope, scope_id, revenue, margin, active_clients,
                                                       new_clients)
                        values (:plan, :scope, :scopeId, :revenue, :margin, :active, :fresh)""")
                .param("plan", plan).param("scope", scope.name()).param("scopeId", scopeId)
                .param("revenue", revenue).param("margin", margin).param("active", active).param("fresh", fresh)
                .update();
    }
}
