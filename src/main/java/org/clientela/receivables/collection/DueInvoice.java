package org.clientela.receivables.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * An unpaid invoice as the daily run sees it, with its company.
 *
 * @param companyName the company's name as documents write it ({@code ООО «Ромашка»})
 * @param promised    whether an open promise to pay, not yet due, covers it
 */
record DueInvoice(UUID id, String number, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
        BigDecimal paidAmount, UUID companyId, String companyName, String companyInn, UUID ownerId,
        boolean promised) {

    BigDecimal outstanding() {
        return amount.subtract(paidAmount);
    }

    long daysOverdue(LocalDate day) {
        return Math.max(0, ChronoUnit.DAYS.between(dueDate, day));
    }
}
