package org.clientela.receivables.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clientela.receivables.InvoiceView;

/**
 * An invoice with its client's name and the payments that paid it ({@code null} in a list).
 */
public record InvoiceDetail(InvoiceView invoice, String companyName, List<Payment> payments) {

    /** The part of a payment that went to this invoice. */
    public record Payment(UUID paymentId, LocalDate date, String reference, BigDecimal amount) {
    }

    /** Days past the due date on {@code day}, 0 when not yet due or paid by then. */
    public long daysOverdue(LocalDate day) {
        if (invoice.settledOn() != null && !invoice.settledOn().isAfter(day)) {
            return 0;
        }
        return Math.max(0, day.toEpochDay() - invoice.dueDate().toEpochDay());
    }
}
