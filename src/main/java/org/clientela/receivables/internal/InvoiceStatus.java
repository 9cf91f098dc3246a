package org.clientela.receivables.internal;

import java.util.Locale;

import org.clientela.shared.InvalidInputException;

/** What a list of invoices may be filtered by. */
public enum InvoiceStatus {
    /** Anything still owed. */
    OPEN,
    /** Owed and past its due date. */
    OVERDUE,
    /** Paid in full. */
    PAID;

    /** {@code open}, {@code overdue} or {@code paid}, in any case; {@code null} or blank for any status. */
    public static InvoiceStatus of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "receivables.invoice.unknownStatus", text.strip());
        }
    }
}
