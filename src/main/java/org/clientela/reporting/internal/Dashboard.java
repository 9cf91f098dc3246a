package org.clientela.reporting.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.keyaccounts.EarlyWarningView;
import org.clientela.keyaccounts.WarningKind;
import org.clientela.plans.PlanVsActual;
import org.clientela.receivables.ReceivablesOverview;

/**
 * What a dashboard shows. The department's view (the director's, the administrator's; a head's of
 * their team) has the matrix, the ageing by manager and the ranking; a manager's view has their key
 * clients instead. Margins are {@code null} for one who may not see them.
 *
 * @param wholeDepartment whether the figures are the whole department's (not a team's or a manager's)
 * @param month   plan vs actual of this month's plan, {@code null} when the month has none
 * @param quarter the same for this quarter's plan
 * @param matrix  {@code null} in a manager's view
 * @param ranking empty in a manager's view
 * @param keyClients empty in the department's view
 * @param warnings the latest open early warnings of the clients in view
 * @param warningCounts all their open early warnings per kind
 */
public record Dashboard(View view, boolean wholeDepartment, LocalDate asOf, boolean marginsVisible, PlanVsActual.Figures month,
        PlanVsActual.Figures quarter, List<MonthSales> months, Matrix matrix, ReceivablesOverview.Overview receivables,
        List<PlanVsActual.ManagerFigures> ranking, List<KeyClientSales> keyClients, List<EarlyWarningView> warnings,
        Map<WarningKind, Long> warningCounts) {

    public enum View {
        DEPARTMENT, MANAGER
    }

    /**
     * A month of the last twelve (this month so far included) beside the same month a year before.
     */
    public record MonthSales(YearMonth month, BigDecimal revenue, BigDecimal margin, BigDecimal revenueYearBefore,
            BigDecimal marginYearBefore) {

        /** The revenue's change against the year before in percent, one decimal; {@code null} without sales then. */
        public BigDecimal change() {
            return Change.percent(revenue, revenueYearBefore);
        }
    }

    /** The ABC×XYZ matrix by revenue of a closed quarter: the clients in each cell. */
    public record Matrix(YearMonth from, YearMonth to, int companies, List<Cell> cells) {

        public Cell cell(String abc, String xyz) {
            return cells.stream().filter(cell -> cell.abc().equals(abc) && cell.xyz().equals(xyz)).findFirst()
                    .orElseThrow();
        }
    }

    /** @param share the cell's clients' part of the revenue, in percent */
    public record Cell(String abc, String xyz, int count, BigDecimal value, BigDecimal share) {
    }

    /** A key account with its revenue of the last three whole months ({@code from} to {@code to}). */
    public record KeyClientSales(UUID companyId, String name, boolean owned, boolean kam, YearMonth from, YearMonth to,
            BigDecimal revenue) {
    }
}
