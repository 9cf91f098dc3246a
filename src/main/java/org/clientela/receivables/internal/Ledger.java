package org.clientela.receivables.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompaniesMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which payment paid which invoice, for one client at a time. Every change of a client's
 * allocations — a payment recorded, an invoice issued against the client's credit, a merge —
 * goes through here under the client's lock ({@link #lock}), so two of them for one client never
 * see the same unpaid amount. The rule they keep: a client never has an unallocated payment and
 * an unpaid invoice at once (money left over pays the next invoice), and an invoice's
 * {@code paid_amount} is the sum of its allocations, its {@code settled_on} the latest payment
 * date among them (not before its issue date) once they cover it.
 */
@Component
class Ledger {

    /** The first key of the client's advisory lock: the receivables' own key space (V16). */
    private static final int LOCK_SPACE = 16;

    /** The order in which debts are paid: the one due first, then the one issued first, by number. */
    static final Comparator<OpenInvoice> OLDEST_FIRST = Comparator.comparing(OpenInvoice::dueDate)
            .thenComparing(OpenInvoice::issueDate).thenComparing(OpenInvoice::number).thenComparing(OpenInvoice::id);

    /** Ids in PostgreSQL's order of uuids (unsigned, byte by byte), which {@link UUID#compareTo} is not. */
    static final Comparator<UUID> AS_POSTGRESQL_SORTS = Comparator.comparing(UUID::toString);

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    Ledger(JdbcClient jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** An invoice still owed, as locked for this transaction. */
    record OpenInvoice(UUID id, String number, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
            BigDecimal paid) {

        BigDecimal outstanding() {
            return amount.subtract(paid);
        }
    }

    /** A part of a payment that goes to one invoice. */
    record Share(OpenInvoice invoice, BigDecimal amount) {
    }

    /**
     * Takes the client for the rest of the transaction. First the company's row, shared (the
     * lock an insert referring to it takes anyway): a merge of the company, which locks the row
     * exclusively, waits for us or we for it, never both. Then the client's advisory lock, which
     * orders the allocations of one client even against an invoice or a payment not yet
     * committed, which no row lock can reach: without it a payment and an invoice issued at the
     * same moment would each miss the other, leaving money unallocated beside an unpaid invoice.
     *
     * @return whether the company may still take records: {@code false} when it has been merged
     *         into another one meanwhile (or does not exist)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean lock(UUID company) {
        boolean live = jdbc.sql("select merged_into is null from company_ref where id = :company for key share")
                .param("company", company).query(Boolean.class).optional().orElse(false);
        jdbc.sql("select pg_advisory_xact_lock(:space, hashtext(cast(:company as text)))")
                .param("space", LOCK_SPACE).param("company", company).query().listOfRows();
        return live;
    }

    /**
     * The company's unpaid invoices, locked, oldest first. They are locked in the order of their
     * ids, one fixed order, whatever order they are paid in.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<OpenInvoice> lockOpenInvoices(UUID company) {
        List<OpenInvoice> open = new ArrayList<>(jdbc.sql("""
                        select id, number, issue_date, due_date, amount, paid_amount from invoice
                        where company_id = :company and settled_on is null
                        order by id
                        for update""")
                .param("company", company)
                .query((rs, row) -> new OpenInvoice(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                        rs.getBigDecimal("amount"), rs.getBigDecimal("paid_amount")))
                .list());
        open.sort(OLDEST_FIRST);
        return open;
    }

    /**
     * How {@code amount} pays the invoices in the order given: each in full while the money lasts,
     * the last one perhaps in part. What is not in the shares is left over.
     */
    static List<Share> plan(BigDecimal amount, List<OpenInvoice> order) {
        List<Share> shares = new ArrayList<>();
        BigDecimal left = amount;
        for (OpenInvoice invoice : order) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal share = left.min(invoice.outstanding());
            if (share.signum() > 0) {
                shares.add(new Share(invoice, share));
                left = left.subtract(share);
            }
        }
        return shares;
    }

    static BigDecimal total(List<Share> shares) {
        return shares.stream().map(Share::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Writes the shares of a payment (its row written already) and brings each invoice's paid
     * amount and settlement day up to date, each change in the invoice's history.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void write(UUID payment, List<Share> shares) {
        for (Share share : shares) {
            jdbc.sql("""
                            insert into payment_allocation (payment_id, invoice_id, amount, payment_date)
                            select p.id, :invoice, :amount, p.payment_date from payment p where p.id = :payment
                            on conflict (payment_id, invoice_id)
                            do update set amount = payment_allocation.amount + excluded.amount""")
                    .param("payment", payment).param("invoice", share.invoice().id()).param("amount", share.amount())
                    .update();
            // the latest payment date among all its allocations, this one included: a payment
            // entered late may be dated before the ones that paid the rest
            LocalDate settledOn = jdbc.sql("""
                            update invoice i set paid_amount = i.paid_amount + :amount,
                                settled_on = case when i.paid_amount + :amount = i.amount then greatest(i.issue_date,
                                    (select max(a.payment_date) from payment_allocation a where a.invoice_id = i.id)) end
                            where i.id = :invoice
                            returning i.settled_on""")
                    .param("amount", share.amount()).param("invoice", share.invoice().id())
                    .query((rs, row) -> Optional.ofNullable(rs.getObject("settled_on", LocalDate.class)))
                    .single().orElse(null);
            auditLog.updated(InvoiceService.INVOICE, share.invoice().id(), AuditChanges.of()
                    .field("paidAmount", share.invoice().paid().toPlainString(),
                            share.invoice().paid().add(share.amount()).toPlainString())
                    .field("settledOn", null, settledOn)
                    .field("paymentId", null, payment));
        }
    }

    /**
     * Pays the company's unpaid invoices, oldest first, from its unallocated payments, oldest
     * first: after an invoice is issued to a client with credit, or a merge brought money and
     * debts of one client together. The caller holds the client's {@link #lock}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void applyCredit(UUID company) {
        List<OpenInvoice> open = lockOpenInvoices(company);
        if (open.isEmpty()) {
            return;
        }
        record Credit(UUID id, BigDecimal unallocated) {
        }
        List<Credit> credits = jdbc.sql("""
                        select id, unallocated from payment
                        where company_id = :company and unallocated > 0
                        order by payment_date, created_at, id
                        for update""")
                .param("company", company)
                .query((rs, row) -> new Credit(rs.getObject("id", UUID.class), rs.getBigDecimal("unallocated")))
                .list();
        Map<UUID, OpenInvoice> owed = new LinkedHashMap<>();
        open.forEach(invoice -> owed.put(invoice.id(), invoice));
        for (Credit credit : credits) {
            List<Share> shares = plan(credit.unallocated(), List.copyOf(owed.values()));
            if (shares.isEmpty()) {
                break;
            }
            write(credit.id(), shares);
            BigDecimal used = total(shares);
            jdbc.sql("update payment set unallocated = unallocated - :used where id = :id")
                    .param("used", used).param("id", credit.id()).update();
            auditLog.updated(PaymentService.PAYMENT, credit.id(), AuditChanges.of()
                    .field("unallocated", credit.unallocated().toPlainString(),
                            credit.unallocated().subtract(used).toPlainString()));
            for (Share share : shares) {
                OpenInvoice invoice = share.invoice();
                BigDecimal paid = invoice.paid().add(share.amount());
                if (paid.compareTo(invoice.amount()) == 0) {
                    owed.remove(invoice.id());
                } else {
                    owed.put(invoice.id(), new OpenInvoice(invoice.id(), invoice.number(), invoice.issueDate(),
                            invoice.dueDate(), invoice.amount(), paid));
                }
            }
        }
    }

    /**
     * The duplicate's invoices and payments become the survivor's, in the merge's transaction,
     * each with a line in its history; then the survivor's money pays the survivor's debts, since
     * one of the two may have had credit and the other unpaid invoices.
     */
    @EventListener
    void on(CompaniesMerged merged) {
        UUID survivor = merged.survivor().value();
        UUID duplicate = merged.duplicate().value();
        // the merge holds both companies' rows already; their advisory locks in the one order
        List.of(survivor, duplicate).stream().sorted(AS_POSTGRESQL_SORTS).forEach(this::lock);
        List<UUID> invoices = jdbc.sql("update invoice set company_id = :survivor where company_id = :duplicate returning id")
                .param("survivor", survivor).param("duplicate", duplicate).query(UUID.class).list();
        invoices.forEach(id -> auditLog.updated(InvoiceService.INVOICE, id,
                AuditChanges.of().field("companyId", duplicate, survivor)));
        List<UUID> payments = jdbc.sql("update payment set company_id = :survivor where company_id = :duplicate returning id")
                .param("survivor", survivor).param("duplicate", duplicate).query(UUID.class).list();
        payments.forEach(id -> auditLog.updated(PaymentService.PAYMENT, id,
                AuditChanges.of().field("companyId", duplicate, survivor)));
        applyCredit(survivor);
    }
}
