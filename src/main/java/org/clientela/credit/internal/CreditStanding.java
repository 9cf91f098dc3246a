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
     * statement: the company is the SQL expression {@code company} ({@code :company}, or a scalar
     * subquery, whose value PostgreSQL carries into each source's index like a parameter's).
     */
    static String ofOneCompany(List<ExposureSource> exposures, List<OverdueSource> overdue, String company) {
        String oldestDue = overdue.isEmpty() ? "select null::uuid as company_id, null::date as oldest_due where false"
                : overdue.stream()
                        .map(source -> "select company_id, oldest_due from (" + source.oldestDueByCompanyQuery()
                                + ") source")
                        .collect(Collectors.joining(" union all "));
        return """
                select coalesce((select sum(e.exposure) from (%s) e where e.company_id = %s), 0) as exposure,
                       coalesce((select min(o.oldest_due) from (%s) o where o.company_id = %s) < :today,
                                false) as overdue""".formatted(exposureParts(exposures), company, oldestDue, company);
    }
}
