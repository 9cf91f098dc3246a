package org.clientela.plans.internal;

import java.math.BigDecimal;
import java.util.UUID;

import org.clientela.plans.TargetScope;

/**
 * One row of a plan: whose target and its four measures, each {@code null} where no target is set.
 *
 * @param scopeId the manager's, the company's or the group's id; {@code null} for the department
 */
public record Target(TargetScope scope, UUID scopeId, BigDecimal revenue, BigDecimal margin, Integer activeClients,
        Integer newClients) {

    /** The department's row is stored under the nil uuid (a key column may not be null). */
    static final UUID DEPARTMENT_KEY = new UUID(0, 0);

    public static Target empty(TargetScope scope, UUID scopeId) {
        return new Target(scope, scopeId, null, null, null, null);
    }

    public Object value(Measure measure) {
        return switch (measure) {
            case REVENUE -> revenue;
            case MARGIN -> margin;
            case ACTIVE_CLIENTS -> activeClients;
            case NEW_CLIENTS -> newClients;
        };
    }

    Target with(Measure measure, Object value) {
        return new Target(scope, scopeId, measure == Measure.REVENUE ? (BigDecimal) value : revenue,
                measure == Measure.MARGIN ? (BigDecimal) value : margin,
                measure == Measure.ACTIVE_CLIENTS ? (Integer) value : activeClients,
                measure == Measure.NEW_CLIENTS ? (Integer) value : newClients);
    }

    /** The same row without the margin, for one who may not see margins. */
    Target withoutMargin() {
        return with(Measure.MARGIN, null);
    }

    String key() {
        return scope + (scopeId == null ? "" : ":" + scopeId);
    }

    UUID storedScopeId() {
        return scopeId == null ? DEPARTMENT_KEY : scopeId;
    }
}
