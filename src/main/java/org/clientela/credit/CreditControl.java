package org.clientela.credit;

import java.util.Map;
import java.util.function.Function;

import org.clientela.clients.CompanyId;
import org.clientela.shared.Money;
import org.springframework.jdbc.core.ResultSetExtractor;

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

    /**
     * {@link #decide}, sent to the database in the same round trip as the caller's statement that
     * locks what it decides on (the order's row) and reads the amount: {@code lead} runs first, with
     * its named {@code parameters}, and {@code leadReader} reads its result; then the company's credit
     * account is locked and its standing read, for the company that the scalar subquery
     * {@code companyOf} selects with the same parameters ({@code today} is the rule's own name). The
     * decision is taken for an amount once the caller has checked what its statement read; a caller
     * that refuses instead leaves it untaken. Same transaction and lock as {@link #decide}.
     */
    <T> Locked<T> lockWith(String lead, Map<String, ?> parameters, ResultSetExtractor<T> leadReader,
            String companyOf);

    /** What the caller's statement read, and the credit rule of its company under its lock, ready to decide. */
    record Locked<T>(T lead, Function<Money, CreditDecision> rule) {

        /** The decision for {@code amount} more on the company's credit. */
        public CreditDecision decide(Money amount) {
            return rule.apply(amount);
        }
    }

    /** The company's limit (none: prepayment) and payment terms. */
    CreditTerms termsOf(CompanyId company);

    /**
     * What the company owes and has been promised on credit now, from every source: the part of the
     * limit in use. It checks no access: the caller asks for a company the user may see.
     */
    Money exposure(CompanyId company);
}
