package org.clientela.plans.internal;

import java.math.BigDecimal;

/**
 * A row of targets as sent, not yet checked: the scope by name, the id as text; an empty measure
 * clears its target.
 */
public record TargetInput(String scope, String scopeId, BigDecimal revenue, BigDecimal margin,
        BigDecimal activeClients, BigDecimal newClients) {
}
