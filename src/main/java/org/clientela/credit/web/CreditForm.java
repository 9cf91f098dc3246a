package org.clientela.credit.web;

import org.clientela.credit.CreditTerms;

/**
 * The form that changes a company's limit and terms, as the browser sends it.
 *
 * @param amount           the limit as typed («1 200 000,00»)
 * @param paymentTermsDays the days as typed
 * @param version          the version of the terms the form was filled from; 0 when there were none
 */
record CreditForm(String amount, String paymentTermsDays, String reason, Long version) {

    /** Filled from the terms in force; the reason is always the user's own to write. */
    static CreditForm of(CreditTerms terms) {
        return new CreditForm(terms.hasLimit() ? terms.limit().amount().toPlainString() : "",
                String.valueOf(terms.paymentTermsDays()), "", terms.version());
    }

    /**
     * The days for the service: none when left empty (it answers "required"), and out of range when
     * they are no whole number, so that the service's message about the range stands at the field.
     */
    Integer days() {
        if (paymentTermsDays == null || paymentTermsDays.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(paymentTermsDays.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** No version means a form from nowhere: refused as stale rather than saved over anything. */
    long expectedVersion() {
        return version == null ? -1 : version;
    }
}
