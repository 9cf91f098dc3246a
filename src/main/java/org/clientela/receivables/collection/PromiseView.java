package org.clientela.receivables.collection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A promise to pay with how far the client has got with it.
 *
 * @param invoiceId null for a promise on the company's debt as a whole
 * @param paidSoFar the company's payments dated from {@code recordedOn} to {@code promisedDate}
 * @param checkedAt when the daily run found it kept or broken
 */
record PromiseView(UUID id, UUID companyId, UUID invoiceId, String invoiceNumber, LocalDate promisedDate,
        BigDecimal amount, String madeBy, String note, LocalDate recordedOn, Instant recordedAt, UUID recordedBy,
        String recordedByName, PromiseStatus status, Instant checkedAt, BigDecimal paidSoFar, long version) {
}
