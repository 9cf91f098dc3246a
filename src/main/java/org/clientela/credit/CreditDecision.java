package org.clientela.credit;

import org.clientela.shared.Money;

/**
 * The answer of the credit rule for one confirmation.
 *
 * @param holdReason {@code null} when allowed
 * @param limit      {@code null} when the company has no limit
 * @param exposure   the exposure before this order
 */
public record CreditDecision(CreditHoldReason holdReason, Money limit, Money exposure) {

    public boolean allowed() {
        return holdReason == null;
    }
}
