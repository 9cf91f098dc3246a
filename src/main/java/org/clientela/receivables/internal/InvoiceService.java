package org.clientela.receivables.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompanyId;
import org.clientela.credit.CreditControl;
import org.clientela.credit.ExposureSource;
import org.clientela.credit.OverdueSource;
import org.clientela.identity.CurrentUser;
import org.clientela.receivables.InvoiceView;
import org.clientela.receivables.Invoices;
import org.clientela.receivables.NewInvoice;
import org.clientela.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices, and what the credit rule reads of them: the unpaid amount (less the client's
 * unallocated payments, which are money the client has already given us) and whether anything is
 * overdue.
 */
@Service
public class InvoiceService implements Invoices, ExposureSource, OverdueSource {

    static final String INVOICE = "Invoice";

    private final JdbcClient jdbc;
    private final CreditControl credit;
    private final AuditLog auditLog;

    InvoiceService(JdbcClient jdbc, CreditControl credit, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.credit = credit;
        this.auditLog = auditLog;
    }

    @Override
    @Transactional
    public InvoiceView issue(NewInvoice invoice) {
        UUID id = UUID.randomUUID();
        LocalDate due = invoice.issueDate().plusDays(credit.termsOf(invoice.company()).paymentTermsDays());
        String number = jdbc.sql("select 'СЧ-' || lpad(nextval('invoice_number_seq')::text, 6, '0')")
                .query(String.class).single();
        jdbc.sql("""
                        insert into invoice (id, number, company_id, order_id, issue_date, due_date, amount, vat_amount,
                            source, created_by)
                        values (:id, :number, :company, :order, :issueDate, :dueDate, :amount, :vat, :source, :actor)""")
                .param("id", id).param("number", number).param("company", invoice.company().value())
                .param("order", invoice.orderId()).param("issueDate", invoice.issueDate()).param("dueDate", due)
                .param("amount", invoice.amount().amount()).param("vat", invoice.vat().amount())
                .param("source", invoice.orderId() == null ? "MANUAL" : "ORDER")
                .param("actor", CurrentUser.find().map(user -> user.id().value()).orElse(null)).update();
        auditLog.created(INVOICE, id, AuditChanges.of().field("number", null, number)
                .field("companyId", null, invoice.company().value())
                .field("orderNumber", null, invoice.orderNumber())
                .field("amount", null, invoice.amount().amount().toPlainString())
                .field("issueDate", null, invoice.issueDate()).field("dueDate", null, due));
        return invoice(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<InvoiceView> ofOrder(UUID orderId) {
        return jdbc.sql("select * from invoice where order_id = :order order by issue_date, number")
                .param("order", orderId).query(InvoiceService::view).list();
    }

    InvoiceView invoice(UUID id) {
        return jdbc.sql("select * from invoice where id = :id").param("id", id).query(InvoiceService::view).single();
    }

    @Override
    public Money exposure(CompanyId company) {
        BigDecimal owed = jdbc.sql("""
                        select coalesce((select sum(amount - paid_amount) from invoice
                                         where company_id = :company and settled_on is null), 0)
                             - coalesce((select sum(unallocated) from payment
                                         where company_id = :company and unallocated > 0), 0)""")
                .param("company", company.value()).query(BigDecimal.class).single();
        return Money.rubles(owed);
    }

    /** What {@link #exposure} answers, for every company with anything owed or paid in advance. */
    @Override
    public Optional<String> exposureByCompanyQuery() {
        return Optional.of("""
                select company_id, sum(owed) as exposure
                from (select company_id, amount - paid_amount as owed from invoice where settled_on is null
                      union all
                      select company_id, -unallocated from payment where unallocated > 0) owed
                group by company_id""");
    }

    @Override
    public boolean hasOverdue(CompanyId company, LocalDate day) {
        return jdbc.sql("""
                        select exists (select 1 from invoice
                                       where company_id = :company and settled_on is null and due_date < :day)""")
                .param("company", company.value()).param("day", day).query(Boolean.class).single();
    }

    static InvoiceView view(ResultSet rs, int row) throws SQLException {
        return new InvoiceView(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("company_id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                rs.getBigDecimal("amount"), rs.getBigDecimal("vat_amount"), rs.getBigDecimal("paid_amount"),
                rs.getObject("settled_on", LocalDate.class), rs.getString("source"));
    }
}
