package org.clientela.receivables.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A payment as recorded, with the invoices it paid (in a list: {@code null}, left out).
 *
 * @param unallocated what is left of it after paying invoices: the client's credit
 */
public record PaymentView(UUID id, UUID companyId, LocalDate date, BigDecimal amount, BigDecimal unallocated,
        String reference, String purpose, String source, Instant createdAt, List<Allocation> allocations) {

    /** A part of the payment that paid one invoice. */
    public record Allocation(UUID invoiceId, String invoiceNumber, BigDecimal amount) {
    }
}
