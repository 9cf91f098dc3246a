package org.clientela.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clientela.clients.CompanyId;

/**
 * Today's receivables in brief (R2), for the pages of other modules (the dashboards, the meeting brief): the ageing
 * of the clients the current user may see, in total and per manager, and the clients with the most
 * overdue, from one pass over the unpaid invoices.
 */
public interface ReceivablesOverview {

    /** Today's overview within the current user's access, with {@code topOverdue} of the most overdue clients. */
    Overview today(int topOverdue);

    /**
     * A client's debt today, in one statement, for a company the current user may see.
     *
     * @throws org.clientela.shared.RecordNotFoundException for a company the user may not see
     */
    ClientDebt debtOf(CompanyId company);

    /**
     * @param balance            invoiced − paid, as {@code GET /api/v1/companies/{id}/balance} answers it
     * @param overdue            the unpaid part of the invoices past their due date
     * @param oldestOverdueDays  how long the oldest overdue invoice is overdue; {@code null} when none is
     */
    record ClientDebt(LocalDate asOf, BigDecimal balance, BigDecimal overdue, Integer oldestOverdueDays) {
    }

    /** Unpaid amounts by how long they are past due, in roubles. */
    record AgeBuckets(BigDecimal notDue, BigDecimal days1to30, BigDecimal days31to60, BigDecimal days61to90,
            BigDecimal over90) {

        public BigDecimal overdue() {
            return days1to30.add(days31to60).add(days61to90).add(over90);
        }

        public BigDecimal total() {
            return notDue.add(overdue());
        }
    }

    /** A manager's clients' unpaid amounts, the most overdue managers first. */
    record ManagerAgeing(UUID managerId, String name, AgeBuckets buckets) {
    }

    /** @param maxDaysOverdue how long its oldest overdue invoice is overdue */
    record OverdueClient(UUID companyId, String name, UUID ownerId, String ownerName, BigDecimal total,
            BigDecimal overdue, int maxDaysOverdue) {
    }

    /** The managers' lines the most overdue first, the clients the most overdue first. */
    record Overview(LocalDate asOf, AgeBuckets total, List<ManagerAgeing> managers, List<OverdueClient> topOverdue) {
    }
}
