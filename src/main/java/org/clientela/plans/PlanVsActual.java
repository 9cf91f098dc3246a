package org.clientela.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clientela.identity.RecordScope;

/**
 * Plan vs actual of a period in figures (T2), for a report that shows it beside other things (the
 * dashboards): the targets and the sales of the department, or of the managers of a record scope
 * (a head's team, a manager alone), summed in SQL over the monthly rollup of the sales facts. The
 * rules are those of the plan's page: a manager's actual is the sales of the companies they own
 * now; the forecast is the run rate to the period's end plus the open orders dated in it.
 */
public interface PlanVsActual {

    /**
     * The plan of {@code period} as it stands today, for {@code scope}: everything is the
     * department's row; otherwise the rows of the scope's managers summed. Empty when the period
     * has no plan. Margins are {@code null} for one who may not see them.
     */
    Optional<Figures> of(PlanPeriod period, RecordScope scope);

    /**
     * @param revenueTarget {@code null} when no target of the revenue is set (likewise the margin)
     * @param managers      the managers with a revenue target, by its percent reached, best first
     */
    record Figures(PlanPeriod period, PlanStatus status, LocalDate asOf, int daysElapsed, int days,
            MeasureFigures revenue, MeasureFigures margin, List<ManagerFigures> managers) {
    }

    /** One measure: target, actual, percent of the target ({@code null} without one), forecast. */
    record MeasureFigures(BigDecimal target, BigDecimal actual, BigDecimal percent, BigDecimal forecast) {
    }

    /** A manager's revenue against their target; {@code position} 1 for the best. */
    record ManagerFigures(int position, UUID managerId, String name, BigDecimal target, BigDecimal actual,
            BigDecimal percent) {
    }
}
