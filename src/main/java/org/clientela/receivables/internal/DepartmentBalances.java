package org.clientela.receivables.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.receivables.ReceivableBalances;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The balances of {@link ReceivablesReports#balance} for every client in one statement: the
 * invoices open at the end of the day found by their open period (V26's index), with what
 * payments dated after it paid of them added back.
 */
@Service
@Transactional(readOnly = true)
class DepartmentBalances implements ReceivableBalances {

    private final JdbcClient jdbc;

    DepartmentBalances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<CompanyId, ReceivableBalance> on(LocalDate day) {
        Map<CompanyId, ReceivableBalance> balances = new HashMap<>();
        jdbc.sql("""
                        with invoiced as (
                            select company_id, sum(amount) as amount from invoice
                            where issue_date <= :day group by company_id),
                        paid as (
                            select company_id, sum(amount) as amount from payment
                            where payment_date <= :day group by company_id),
                        overdue as (
                            select i.company_id, sum(i.amount - i.paid_amount
                                   + coalesce((select sum(a.amount) from payment_allocation a
                                               where a.invoice_id = i.id and a.payment_date > :day), 0)) as amount
                            from invoice i
                            where daterange(i.issue_date, i.settled_on, '[)') @> cast(:day as date)
                              and i.due_date < :day
                            group by i.company_id)
                        select coalesce(v.company_id, o.company_id) as company_id,
                               coalesce(v.amount, 0) - coalesce(p.amount, 0) as balance,
                               coalesce(o.amount, 0) as overdue
                        from invoiced v
                        left join paid p on p.company_id = v.company_id
                        full join overdue o on o.company_id = v.company_id
                        where coalesce(v.amount, 0) - coalesce(p.amount, 0) > 0 or coalesce(o.amount, 0) > 0""")
                .param("day", day)
                .query(rs -> {
                    balances.put(new CompanyId(rs.getObject("company_id", UUID.class)),
                            new ReceivableBalance(rs.getBigDecimal("balance"), rs.getBigDecimal("overdue")));
                });
        return balances;
    }
}
