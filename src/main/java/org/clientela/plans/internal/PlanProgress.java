package org.clientela.plans.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Plan vs actual of a plan on one day (T2), for the rows the user may see.
 *
 * @param asOf        the day it is computed for (today)
 * @param daysElapsed the days of the period up to and including {@code asOf}
 * @param days        the days of the period
 * @param ranking     the managers by revenue % of plan (a manager sees only their own place)
 */
public record PlanProgress(PlanView plan, LocalDate asOf, int daysElapsed, int days, List<RowProgress> rows,
        List<RankedManager> ranking, int rankedManagers) {

    /**
     * A row's actuals, percents and forecasts. The margin's figures are {@code null} for one who
     * may not see margins; a percent is {@code null} where no target is set.
     */
    public record RowProgress(PlanRow row, BigDecimal revenue, BigDecimal margin, int activeClients, int newClients,
            BigDecimal revenuePercent, BigDecimal marginPercent, BigDecimal activeClientsPercent,
            BigDecimal newClientsPercent, Forecast revenueForecast, Forecast marginForecast) {
    }

    /** The forecast to the period's end in its two parts. */
    public record Forecast(BigDecimal runRate, BigDecimal openOrders, BigDecimal total, BigDecimal percent) {
    }

    /** @param position 1 for the best; equal percents by name */
    public record RankedManager(int position, java.util.UUID managerId, String name, BigDecimal target,
            BigDecimal revenue, BigDecimal percent) {
    }

    public RowProgress department() {
        return rows.get(0);
    }
}
