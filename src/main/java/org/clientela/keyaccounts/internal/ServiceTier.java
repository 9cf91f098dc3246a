package org.clientela.keyaccounts.internal;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A service tier (K2): the special terms of the key accounts that have it.
 *
 * @param discountPercent the individual discount, taken off the price after the price type's
 * @param leadTimeDays    the priority lead time the factory promises, in days
 */
public record ServiceTier(UUID id, String name, BigDecimal discountPercent, int leadTimeDays, String contractTerms,
        long version) {
}
