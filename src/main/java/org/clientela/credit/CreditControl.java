package org.clientela.credit;

import org.clientela.clients.CompanyId;
import org.clientela.shared.Money;

/**
 * The credit rule (O3): whether an order may be confirmed for a company, and the company's terms.
 */
public interface CreditControl {

    /**
     * Decides whether {@code amount} more may go on the company's credit now. Call it inside the
     * transaction that confirms the order: it locks the company's credit account until that
     * transaction ends, so that confirmations racing for one client are decided one after another,
     * each seeing the exposure the ones before it committed. An allowed decision is only true if
     * the caller records the confirmed order in that same transaction.
     */
    CreditDecision decide(CompanyId company, Money amount);

    /** The company's limit (none: prepayment) and payment terms. */
    CreditTerms termsOf(CompanyId company);

    /**
     * What the company owes and has been promised on credit now, from every source: the part of the
     * limit in use. It checks no access: the caller asks for a company the user may see.
     */
    Money exposure(CompanyId company);
}
