package org.clientela.receivables.internal;

import org.clientela.clients.CompanyId;
import org.clientela.receivables.ReceivablesOverview;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ReceivablesOverview} from the reports' statements over the unpaid invoices. */
@Service
@Transactional(readOnly = true)
class ReceivablesOverviews implements ReceivablesOverview {

    private final ReceivablesReports reports;

    ReceivablesOverviews(ReceivablesReports reports) {
        this.reports = reports;
    }

    @Override
    public Overview today(int topOverdue) {
        return reports.overview(topOverdue);
    }

    @Override
    public ClientDebt debtOf(CompanyId company) {
        return reports.debtToday(company.value());
    }
}
