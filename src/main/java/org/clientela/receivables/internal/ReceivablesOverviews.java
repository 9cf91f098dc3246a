package org.clientela.receivables.internal;

import java.util.List;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.receivables.ReceivablesOverview;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ReceivablesOverview} from the reports' ageing by manager and debt list: a statement each. */
@Service
@Transactional(readOnly = true)
class ReceivablesOverviews implements ReceivablesOverview {

    /** More managers than a department has: the ageing's one page holds them all. */
    private static final int MANAGERS = 1000;

    private final ReceivablesReports reports;

    ReceivablesOverviews(ReceivablesReports reports) {
        this.reports = reports;
    }

    @Override
    public Ageing ageingByManager() {
        ReceivablesReports.Ageing ageing = reports.ageing(reports.today(), ReceivablesReports.GroupBy.MANAGER, null, 0,
                MANAGERS);
        List<ManagerAgeing> managers = ageing.rows().content().stream()
                .map(row -> new ManagerAgeing(UUID.fromString(row.id()), row.name(), buckets(row.buckets())))
                .toList();
        return new Ageing(ageing.asOf(), buckets(ageing.total()), managers);
    }

    @Override
    public List<OverdueClient> mostOverdue(int count) {
        return reports.debts(null, null, true, 0, count).companies().content().stream()
                .map(debt -> new OverdueClient(debt.companyId(), debt.name(), debt.ownerId(), debt.ownerName(),
                        debt.total(), debt.overdue(), debt.maxDaysOverdue()))
                .toList();
    }

    @Override
    public ClientDebt debtOf(CompanyId company) {
        return reports.debtToday(company.value());
    }

    private static AgeBuckets buckets(Buckets buckets) {
        return new AgeBuckets(buckets.notDue(), buckets.days1to30(), buckets.days31to60(), buckets.days61to90(),
                buckets.over90());
    }
}
