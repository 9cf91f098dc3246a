package org.clientela.receivables.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompanyId;
import org.clientela.clients.VisibleCompanies;
import org.clientela.credit.CreditControl;
import org.clientela.credit.ExposureSource;
import org.clientela.credit.OverdueSource;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.RecordScope;
import org.clientela.platform.Paging;
import org.clientela.receivables.InvoiceView;
import org.clientela.receivables.Invoices;
import org.clientela.receivables.NewInvoice;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InputErrors;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.PageResponse;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices, and what the credit rule reads of them: the unpaid amount (less the client's
 * unallocated payments, which are money the client has already given us) and whether anything is
 * overdue. An invoice is issued for an order, entered by hand or imported from the accounting
 * system; a client with credit (a prepayment, an overpayment) has it paid from that credit at once.
 */
@Service
public class InvoiceService implements Invoices, ExposureSource, OverdueSource {

    static final String INVOICE = "Invoice";
    /** Who enters invoices by hand or imports them: the credit controller, the management, the administrator. */
    public static final String INVOICE_KEEPERS = "hasAnyRole('CREDIT_CONTROLLER', 'HEAD', 'DIRECTOR', 'ADMIN')";
    static final String NUMBER_TAKEN = "receivables.invoice.numberTaken";
    static final String DUE_BEFORE_ISSUE = "receivables.invoice.dueBeforeIssue";
    static final String VAT_ABOVE_AMOUNT = "receivables.invoice.vatAboveAmount";

    static final Paging PAGING = Paging.sortableBy(Map.of(
            "issueDate", "i.issue_date",
            "dueDate", "i.due_date",
            "number", "i.number",
            "amount", "i.amount"), Sort.by(Sort.Direction.DESC, "issueDate"));

    private final JdbcClient jdbc;
    private final CreditControl credit;
    private final AuditLog auditLog;
    private final Ledger ledger;
    private final VisibleCompanies companies;
    private final AccessPolicy accessPolicy;
    private final Today today;

    InvoiceService(JdbcClient jdbc, CreditControl credit, AuditLog auditLog, Ledger ledger,
            VisibleCompanies companies, AccessPolicy accessPolicy, Today today) {
        this.jdbc = jdbc;
        this.credit = credit;
        this.auditLog = auditLog;
        this.ledger = ledger;
        this.companies = companies;
        this.accessPolicy = accessPolicy;
        this.today = today;
    }

    /** An invoice whose values passed their checks, for a company the user may see. */
    record Checked(UUID companyId, String number, LocalDate issueDate, LocalDate dueDate, BigDecimal amount,
            BigDecimal vat, String source, UUID orderId, String orderNumber) {
    }

    @Override
    @Transactional
    public InvoiceView issue(NewInvoice invoice) {
        LocalDate due = invoice.issueDate().plusDays(credit.termsOf(invoice.company()).paymentTermsDays());
        return insert(new Checked(invoice.company().value(), null, invoice.issueDate(), due,
                invoice.amount().amount(), invoice.vat().amount(), invoice.orderId() == null ? "MANUAL" : "ORDER",
                invoice.orderId(), invoice.orderNumber()));
    }

    /**
     * Enters an invoice by hand or from the accounting system, for a company the user may see.
     *
     * @throws InvalidInputException   a value wrong at its field
     * @throws ConflictException       {@value #NUMBER_TAKEN}: another invoice has the number
     * @throws RecordNotFoundException for a company the user may not see
     */
    @Transactional
    @PreAuthorize(INVOICE_KEEPERS)
    public InvoiceView enter(InvoiceInput input) {
        InputErrors errors = new InputErrors();
        UUID company = Inputs.id(errors, "companyId", input.companyId());
        Checked checked = check(errors, company, input, "MANUAL");
        errors.throwIfAny();
        companies.company(new CompanyId(company));
        return insert(withDueDate(checked));
    }

    /**
     * The values of an invoice checked at their fields (their problems in {@code errors}); the due
     * date still {@code null} where it comes from the client's terms.
     */
    Checked check(InputErrors errors, UUID company, InvoiceInput input, String source) {
        String number = Inputs.text(errors, "number", input.number(), 64, false);
        LocalDate issueDate = Inputs.requiredDate(errors, "issueDate", input.issueDate(), today.date());
        LocalDate dueDate = Inputs.date(errors, "dueDate", input.dueDate(), null);
        if (issueDate != null && dueDate != null && dueDate.isBefore(issueDate)) {
            errors.add("dueDate", DUE_BEFORE_ISSUE);
        }
        BigDecimal amount = Inputs.positiveAmount(errors, "amount", input.amount());
        BigDecimal vat = Inputs.nonNegativeAmount(errors, "vatAmount", input.vatAmount());
        if (amount != null && vat != null && vat.compareTo(amount) > 0) {
            errors.add("vatAmount", VAT_ABOVE_AMOUNT);
        }
        return new Checked(company, number, issueDate, dueDate, amount, vat, source, null, null);
    }

    /** The due date from the client's payment terms where none was given. */
    Checked withDueDate(Checked invoice) {
        if (invoice.dueDate() != null) {
            return invoice;
        }
        LocalDate due = invoice.issueDate().plusDays(
                credit.termsOf(new CompanyId(invoice.companyId())).paymentTermsDays());
        return new Checked(invoice.companyId(), invoice.number(), invoice.issueDate(), due, invoice.amount(),
                invoice.vat(), invoice.source(), invoice.orderId(), invoice.orderNumber());
    }

    /** Whether an invoice has this number, exactly as the unique index compares numbers. */
    boolean numberTaken(String number) {
        return jdbc.sql("select exists (select 1 from invoice where number = :number)").param("number", number)
                .query(Boolean.class).single();
    }

    /**
     * Writes the invoice under the client's lock, numbered when it has no number, and pays it from
     * the client's credit, if any.
     */
    @Transactional
    InvoiceView insert(Checked invoice) {
        if (!ledger.lock(invoice.companyId())) {
            throw new InvalidInputException("companyId", PaymentService.MERGED);
        }
        String number = invoice.number() == null ? nextNumber() : invoice.number();
        if (invoice.number() != null && numberTaken(number)) {
            throw new ConflictException(NUMBER_TAKEN, number);
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                            insert into invoice (id, number, company_id, order_id, issue_date, due_date, amount,
                                vat_amount, source, created_by)
                            values (:id, :number, :company, :order, :issueDate, :dueDate, :amount, :vat, :source,
                                :actor)""")
                    .param("id", id).param("number", number).param("company", invoice.companyId())
                    .param("order", invoice.orderId()).param("issueDate", invoice.issueDate())
                    .param("dueDate", invoice.dueDate()).param("amount", invoice.amount())
                    .param("vat", invoice.vat()).param("source", invoice.source())
                    .param("actor", CurrentUser.find().map(user -> user.id().value()).orElse(null)).update();
        } catch (DuplicateKeyException takenMeanwhile) {
            throw new ConflictException(NUMBER_TAKEN, number);
        }
        auditLog.created(INVOICE, id, AuditChanges.of().field("number", null, number)
                .field("companyId", null, invoice.companyId())
                .field("orderNumber", null, invoice.orderNumber())
                .field("amount", null, invoice.amount().toPlainString())
                .field("vatAmount", null, invoice.vat().toPlainString())
                .field("issueDate", null, invoice.issueDate()).field("dueDate", null, invoice.dueDate())
                .field("source", null, invoice.source()));
        ledger.applyCredit(invoice.companyId());
        return invoice(id);
    }

    /** The next number of our series that nobody took by hand (СЧ-000124). */
    private String nextNumber() {
        while (true) {
            String number = jdbc.sql("select 'СЧ-' || lpad(nextval('invoice_number_seq')::text, 6, '0')")
                    .query(String.class).single();
            if (!numberTaken(number)) {
                return number;
            }
        }
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

    /** An invoice of a company the user may see, with the payments that paid it. */
    @Transactional(readOnly = true)
    public InvoiceDetail detail(UUID id) {
        RecordScope scope = accessPolicy.currentScope();
        InvoiceDetail invoice = jdbc.sql("""
                        select i.*, c.name as company_name from invoice i join company_ref c on c.id = i.company_id
                        where i.id = :id and (:everything or c.owner_id = any(:owners))""")
                .param("id", id).param("everything", scope.isEverything()).param("owners", scope.ownerIds())
                .query((rs, row) -> new InvoiceDetail(view(rs, row), rs.getString("company_name"), null))
                .optional().orElseThrow(() -> new RecordNotFoundException(INVOICE, id));
        List<InvoiceDetail.Payment> payments = jdbc.sql("""
                        select p.id, p.payment_date, p.reference, a.amount from payment_allocation a
                        join payment p on p.id = a.payment_id
                        where a.invoice_id = :id
                        order by p.payment_date, p.created_at, p.id""")
                .param("id", id)
                .query((rs, row) -> new InvoiceDetail.Payment(rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class), rs.getString(3), rs.getBigDecimal(4)))
                .list();
        return new InvoiceDetail(invoice.invoice(), invoice.companyName(), payments);
    }

    /**
     * The invoices of the companies the user may see, the latest first unless sorted otherwise.
     *
     * @param company {@code null} for all of them
     * @param status  {@code null} for any
     * @param from    the earliest issue date, or {@code null}
     * @param to      the latest issue date, or {@code null}
     */
    @Transactional(readOnly = true)
    public PageResponse<InvoiceDetail> list(UUID company, InvoiceStatus status, LocalDate from, LocalDate to,
            Pageable pageable) {
        PageRequest page = PAGING.check(pageable);
        if (company != null) {
            companies.company(new CompanyId(company));
        }
        RecordScope scope = accessPolicy.currentScope();
        String where = """
                from invoice i join company_ref c on c.id = i.company_id
                where (:everything or c.owner_id = any(:owners))
                  and (cast(:company as uuid) is null or i.company_id = :company)
                  and (cast(:from as date) is null or i.issue_date >= :from)
                  and (cast(:to as date) is null or i.issue_date <= :to)
                """ + switch (status == null ? "" : status.name()) {
                    case "OPEN" -> " and i.settled_on is null";
                    case "OVERDUE" -> " and i.settled_on is null and i.due_date < :today";
                    case "PAID" -> " and i.settled_on is not null";
                    default -> "";
                };
        Map<String, Object> params = new HashMap<>();
        params.put("everything", scope.isEverything());
        params.put("owners", scope.ownerIds());
        params.put("company", company);
        params.put("from", from);
        params.put("to", to);
        params.put("today", today.date());
        long total = jdbc.sql("select count(*) " + where).params(params).query(Long.class).single();
        List<InvoiceDetail> content = jdbc.sql("select i.*, c.name as company_name " + where + " order by "
                        + PAGING.orderBy(page, "i.id") + " limit :limit offset :offset")
                .params(params).param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query((rs, row) -> new InvoiceDetail(view(rs, row), rs.getString("company_name"), null)).list();
        return PageResponse.of(content, page.getPageNumber(), page.getPageSize(), total);
    }

    /** The unpaid invoices of a company the caller has checked the user may see, the one due first first. */
    @Transactional(readOnly = true)
    public List<InvoiceView> openOf(UUID company) {
        return jdbc.sql("""
                        select * from invoice where company_id = :company and settled_on is null
                        order by due_date, issue_date, number""")
                .param("company", company).query(InvoiceService::view).list();
    }

    /** The unpaid invoiced amount less the payments not yet allocated (the client's credit), per company. */
    @Override
    public String exposureByCompanyQuery() {
        return """
                select company_id, sum(owed) as exposure
                from (select company_id, amount - paid_amount as owed from invoice where settled_on is null
                      union all
                      select company_id, -unallocated from payment where unallocated > 0) owed
                group by company_id""";
    }

    /** From the partial index of the unpaid invoices (company, due date). */
    @Override
    public String oldestDueByCompanyQuery() {
        return "select company_id, min(due_date) as oldest_due from invoice where settled_on is null group by company_id";
    }

    static InvoiceView view(ResultSet rs, int row) throws SQLException {
        return new InvoiceView(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("company_id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                rs.getBigDecimal("amount"), rs.getBigDecimal("vat_amount"), rs.getBigDecimal("paid_amount"),
                rs.getObject("settled_on", LocalDate.class), rs.getString("source"));
    }
}
