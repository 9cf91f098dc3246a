package org.clientela.credit.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One change of a company's limit and terms, with who made it and why.
 *
 * @param oldLimit           {@code null}: the company had no limit before
 * @param oldPaymentTermsDays {@code null} with {@code oldLimit}
 * @param mergedFrom         the duplicate the change was made on, when it came with a merge; else {@code null}
 * @param mergedFromName     its name
 */
public record LimitChange(UUID id, Instant changedAt, UUID changedBy, String changedByName, BigDecimal oldLimit,
        BigDecimal newLimit, Integer oldPaymentTermsDays, int newPaymentTermsDays, String reason, UUID mergedFrom,
        String mergedFromName) {
}
