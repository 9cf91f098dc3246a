package org.clientela.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invoice as it stands. Amounts in roubles, with VAT.
 *
 * @param settledOn the day it was paid in full, or {@code null} while anything is owed
 */
public record InvoiceView(UUID id, String number, UUID companyId, UUID orderId, LocalDate issueDate,
        LocalDate dueDate, BigDecimal amount, BigDecimal vatAmount, BigDecimal paidAmount, LocalDate settledOn,
        String source) {

    public BigDecimal outstanding() {
        return amount.subtract(paidAmount);
    }
}
