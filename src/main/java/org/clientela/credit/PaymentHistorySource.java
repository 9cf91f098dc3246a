package org.clientela.credit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.clientela.clients.CompanyId;

/**
 * A company's payment discipline, for the creditworthiness score (R5): the receivables module
 * answers from its invoices and payments. No access check: the caller has checked that the current
 * user may see the companies.
 */
public interface PaymentHistorySource {

    /**
     * The facts of the companies' invoices on {@code today}, with the payments known now; every
     * company asked has an entry ({@link PaymentHistory#none} for one never invoiced). One query for
     * them all: a list asks for its page at once.
     */
    Map<CompanyId, PaymentHistory> paymentHistories(Collection<CompanyId> companies, LocalDate today);

    default PaymentHistory paymentHistory(CompanyId company, LocalDate today) {
        return paymentHistories(List.of(company), today).get(company);
    }
}
