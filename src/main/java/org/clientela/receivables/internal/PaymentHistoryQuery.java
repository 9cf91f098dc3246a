package org.clientela.receivables.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.credit.PaymentHistory;
import org.clientela.credit.PaymentHistorySource;
import org.clientela.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the companies pay, read from their invoices, payments and allocations, for the credit
 * module's score (R5). An invoice is paid in time when it was paid in full ({@code settled_on})
 * by its due date; of its amount, what payments dated by the due date paid of it was paid in time
 * (so a client that pays half on the day and the rest a month later is half in time by amount).
 * One statement answers a whole page of companies.
 */
@Component
class PaymentHistoryQuery implements PaymentHistorySource {

    private static final String QUERY = """
            with windowed as (
                select i.company_id, i.amount, i.due_date, i.settled_on,
                       i.settled_on is not null or i.due_date < :today as due,
                       case when i.settled_on <= i.due_date then i.amount
                            else coalesce((select sum(a.amount) from payment_allocation a
                                           join payment p on p.id = a.payment_id
                                           where a.invoice_id = i.id and p.payment_date <= i.due_date), 0)
                       end as in_time_amount
                from invoice i
                where i.company_id = any(:companies) and i.issue_date between :windowStart and :today),
            window_facts as (
                select company_id, count(*) as invoices, sum(amount) as invoiced,
                       count(*) filter (where due) as due_count,
                       count(*) filter (where due and settled_on <= due_date) as in_time_count,
                       sum(amount) filter (where due) as due_amount,
                       sum(in_time_amount) filter (where due) as in_time_amount,
                       count(*) filter (where settled_on is not null) as paid_count,
                       round(avg(greatest(settled_on - due_date, 0)) filter (where settled_on is not null), 2)
                           as average_days_late,
                       max(greatest(settled_on - due_date, 0)) filter (where settled_on is not null) as max_days_late
                from windowed group by company_id),
            overdue as (
                select company_id, count(*) as overdue_count, sum(amount - paid_amount) as overdue_amount,
                       max(:today - due_date) as max_days_overdue
                from invoice
                where company_id = any(:companies) and settled_on is null and due_date < :today
                group by company_id),
            first_invoice as (
                select company_id, min(issue_date) as first_invoice_date
                from invoice where company_id = any(:companies) group by company_id)
            select f.company_id, f.first_invoice_date, w.invoices, w.invoiced, w.due_count, w.in_time_count,
                   w.due_amount, w.in_time_amount, w.paid_count, w.average_days_late, w.max_days_late,
                   o.overdue_count, o.overdue_amount, o.max_days_overdue
            from first_invoice f
            left join window_facts w on w.company_id = f.company_id
            left join overdue o on o.company_id = f.company_id""";

    private final JdbcClient jdbc;

    PaymentHistoryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<CompanyId, PaymentHistory> paymentHistories(Collection<CompanyId> companies, LocalDate today) {
        Map<CompanyId, PaymentHistory> histories = new LinkedHashMap<>();
        companies.forEach(company -> histories.put(company, PaymentHistory.none(today)));
        if (companies.isEmpty()) {
            return histories;
        }
        LocalDate windowStart = PaymentHistory.windowStart(today);
        jdbc.sql(QUERY)
                .param("companies", companies.stream().map(CompanyId::value).toArray(UUID[]::new))
                .param("today", today).param("windowStart", windowStart)
                .query((rs, row) -> histories.put(new CompanyId(rs.getObject("company_id", UUID.class)),
                        history(rs, today, windowStart)))
                .list();
        return histories;
    }

    private static PaymentHistory history(ResultSet rs, LocalDate today, LocalDate windowStart) throws SQLException {
        LocalDate first = rs.getObject("first_invoice_date", LocalDate.class);
        BigDecimal invoiced = orZero(rs.getBigDecimal("invoiced"));
        int dueCount = rs.getInt("due_count");
        BigDecimal dueAmount = rs.getBigDecimal("due_amount");
        LocalDate start = first.isAfter(windowStart) ? first : windowStart;
        int months = (int) Math.min(PaymentHistory.WINDOW_MONTHS, Period.between(start, today).toTotalMonths() + 1);
        return new PaymentHistory(today, rs.getInt("invoices"), Money.rubles(invoiced), dueCount,
                dueCount == 0 ? null : share(BigDecimal.valueOf(rs.getInt("in_time_count")), BigDecimal.valueOf(dueCount)),
                dueCount == 0 ? null : share(orZero(rs.getBigDecimal("in_time_amount")), dueAmount),
                rs.getInt("paid_count"), rs.getBigDecimal("average_days_late"), rs.getInt("max_days_late"),
                rs.getInt("overdue_count"), Money.rubles(orZero(rs.getBigDecimal("overdue_amount"))),
                rs.getInt("max_days_overdue"), first,
                Money.rubles(invoiced.divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_UP)));
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return part.divide(whole, 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
