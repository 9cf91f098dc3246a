package org.clientela.salesfacts;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.clientela.clients.CompanyId;

/**
 * The sales facts as other modules ask for them. It answers for the companies it is given and
 * checks no access: the caller asks only for companies the user may see, and shows the cost and
 * the margin only to those who may see margins.
 */
public interface SalesFacts {

    /**
     * Per company and month from {@code from} to {@code to} (inclusive) the month's revenue
     * without VAT, cost and margin over all assortment groups, returns subtracted in their own
     * month; only the months with sales or returns, by company id and month.
     */
    List<MonthlyTotal> monthlyTotals(Set<CompanyId> companies, YearMonth from, YearMonth to);

    /** A company's sales in one month: {@code margin} = {@code revenue} − {@code cost}. */
    record MonthlyTotal(CompanyId company, YearMonth month, BigDecimal revenue, BigDecimal cost, BigDecimal margin,
            BigDecimal quantity) {
    }
}
