package org.clientela.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.clientela.clients.CompanyId;

/**
 * The clients' balances on a day, for the whole department at once (the early warnings, K4). It
 * checks no access: the caller shows only what the user may see.
 */
public interface ReceivableBalances {

    /**
     * Each company owing something or with something overdue at the end of {@code day}: a company
     * missing from the map owes nothing (or has paid in advance) and has nothing overdue.
     */
    Map<CompanyId, ReceivableBalance> on(LocalDate day);

    /**
     * @param balance invoiced (issued up to the day) − paid (payments dated up to the day), as
     *                {@code GET /api/v1/companies/{id}/balance} answers it
     * @param overdue the unpaid part of the invoices past their due date that day
     */
    record ReceivableBalance(BigDecimal balance, BigDecimal overdue) {
    }
}
