package org.clientela.credit;

import org.clientela.shared.Money;

/**
 * A company's credit terms.
 *
 * @param limit              {@code null}: no limit, the company buys on prepayment
 * @param paymentTermsDays   days from the invoice to its due date; 0 is prepayment
 * @param version            of the credit account, for a change; 0 when none was ever set
 */
public record CreditTerms(Money limit, int paymentTermsDays, long version) {

    public static final CreditTerms NONE = new CreditTerms(null, 0, 0);

    public boolean hasLimit() {
        return limit != null;
    }
}
