package org.clientela.credit.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.clientela.credit.ExposureSource;
import org.clientela.credit.OverdueSource;

/** The sources' queries put together, as the credit rule and the credit list read them. */
final class CreditStanding {

    private CreditStanding() {
    }

    /** Every source's exposure of every company: one row per company and source. */
    static String exposureParts(List<ExposureSource> sources) {
        if (sources.isEmpty()) {
            return "select null::uuid as company_id, 0::numeric as exposure where false";
        }
        return sources.stream()
                .map(source -> "select company_id, exposure from (" + source.exposureByCompanyQuery() + ") source")
                .collect(Collectors.joining(" union all "));
    }

    /**
     * A company's exposure and whether it has an invoice overdue on {@code :today}, in one
     * statement with the parameters {@code :company} and {@code :today}.
     */
    static String ofOneCompany(List<ExposureSource> exposures, List<OverdueSource> overdue) {
        String oldestDue = overdue.isEmpty() ? "select null::uuid as company_id, null::date as oldest_due where false"
                : overdue.stream()
                        .map(source -> "select company_id, oldest_due from (" + source.oldestDueByCompanyQuery()
                                + ") source")
                        .collect(Collectors.joining(" union all "));
        return """
                select coalesce((select sum(e.exposure) from (%s) e where e.company_id = :company), 0) as exposure,
                       coalesce((select min(o.oldest_due) from (%s) o where o.company_id = :company) < :today,
                                false) as overdue""".formatted(exposureParts(exposures), oldestDue);
    }
}
