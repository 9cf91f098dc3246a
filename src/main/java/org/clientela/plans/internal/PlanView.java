package org.clientela.plans.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.clientela.plans.PlanPeriod;
import org.clientela.plans.PlanStatus;
import org.clientela.plans.TargetScope;

/**
 * A plan with the rows the current user may see, in the grid's order: the department, the
 * managers, the assortment groups, the key accounts.
 *
 * @param approvedBy the approver's name, {@code null} for a draft
 * @param marginsVisible whether the margin column is shown (it is empty otherwise)
 * @param editable whether the current user may change the targets now
 * @param wholePlan whether the user sees every row (a manager sees the department's, their own, the
 *                  groups' and their key accounts'): only then are the managers' totals shown
 */
public record PlanView(UUID id, PlanPeriod period, PlanStatus status, String approvedBy, Instant approvedAt,
        long version, List<PlanRow> rows, boolean marginsVisible, boolean editable, boolean wholePlan) {

    public List<PlanRow> rowsOf(TargetScope scope) {
        return rows.stream().filter(row -> row.scope() == scope).toList();
    }

    public PlanRow department() {
        return rowsOf(TargetScope.DEPARTMENT).get(0);
    }

    /**
     * The sum of the managers' targets of one measure, {@code null} when no manager has one; the
     * grid shows it beside the department's target.
     */
    public Object managersTotal(Measure measure) {
        List<Object> values = rowsOf(TargetScope.MANAGER).stream().map(row -> row.target().value(measure))
                .filter(Objects::nonNull).toList();
        if (values.isEmpty()) {
            return null;
        }
        if (measure.money()) {
            return values.stream().map(BigDecimal.class::cast).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return values.stream().mapToInt(Integer.class::cast).sum();
    }

    /** Whether the managers' total differs from the department's target, both set. */
    public boolean totalMismatch(Measure measure) {
        Object total = managersTotal(measure);
        Object department = department().target().value(measure);
        if (total == null || department == null) {
            return false;
        }
        return total instanceof BigDecimal sum ? sum.compareTo((BigDecimal) department) != 0 : !total.equals(department);
    }
}
