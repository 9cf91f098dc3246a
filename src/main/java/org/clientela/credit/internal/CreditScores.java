package org.clientela.credit.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.clientela.clients.CompanyId;
import org.clientela.clients.VisibleCompanies;
import org.clientela.credit.PaymentHistory;
import org.clientela.credit.PaymentHistorySource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The creditworthiness scores of companies (R5), from the payment history the receivables module gives. */
@Service
public class CreditScores {

    private final ObjectProvider<PaymentHistorySource> sources;
    private final VisibleCompanies companies;
    private final Clock clock;

    CreditScores(ObjectProvider<PaymentHistorySource> sources, VisibleCompanies companies, Clock clock) {
        this.sources = sources;
        this.companies = companies;
        this.clock = clock;
    }

    /** The score of a company the current user may see, today. */
    @Transactional(readOnly = true)
    public CreditScore score(CompanyId company) {
        companies.company(company);
        return scores(java.util.List.of(company)).get(company);
    }

    /** The scores of companies the caller has checked the user may see, in one question to the source. */
    @Transactional(readOnly = true)
    public Map<CompanyId, CreditScore> scores(Collection<CompanyId> list) {
        LocalDate today = LocalDate.now(clock);
        PaymentHistorySource source = sources.getIfAvailable();
        Map<CompanyId, CreditScore> scores = new LinkedHashMap<>();
        Map<CompanyId, PaymentHistory> histories = source == null ? Map.of() : source.paymentHistories(list, today);
        for (CompanyId company : list) {
            scores.put(company, CreditScoring.score(histories.getOrDefault(company, PaymentHistory.none(today))));
        }
        return scores;
    }
}
