package org.clientela.receivables.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanyView;
import org.clientela.clients.VisibleCompanies;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.RecordScope;
import org.clientela.identity.Role;
import org.clientela.platform.Paging;
import org.clientela.receivables.internal.Ledger.OpenInvoice;
import org.clientela.receivables.internal.Ledger.Share;
import org.clientela.shared.InputErrors;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.Money;
import org.clientela.shared.PageResponse;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments (R1): recorded by hand, through the API or from the accounting system, each allocated
 * to the client's invoices in the same transaction — first to the invoices it names, then to the
 * oldest ones — with whatever is left kept as the client's credit.
 */
@Service
public class PaymentService {

    static final String PAYMENT = "Payment";
    static final String OVER_DEBT = "receivables.payment.overDebt";
    static final String UNKNOWN_INVOICE = "receivables.payment.unknownInvoice";
    static final String ONLY_RUB = "receivables.payment.onlyRub";
    static final String MERGED = "receivables.company.merged";

    static final Paging PAGING = Paging.sortableBy(Map.of(
            "date", "p.payment_date",
            "amount", "p.amount",
            "createdAt", "p.created_at"), Sort.by(Sort.Direction.DESC, "date", "createdAt"));

    /** Where a payment came from, as the {@code payment.source} column says. */
    public enum Source { MANUAL, API, IMPORT }

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final VisibleCompanies companies;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final Today today;

    PaymentService(JdbcClient jdbc, Ledger ledger, VisibleCompanies companies, AccessPolicy accessPolicy,
            AuditLog auditLog, Today today) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.companies = companies;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.today = today;
    }

    /** A payment whose values passed their checks, for a company the user may see. */
    record Checked(UUID companyId, LocalDate date, BigDecimal amount, String reference, String purpose,
            String invoiceNumber, boolean advance) {
    }

    /**
     * Who may record a client's payment: the credit controller, the management, the administrator
     * and the client's own manager.
     */
    public static boolean mayRecord(CompanyView company) {
        return CurrentUser.find().map(user -> user.hasAny(Role.CREDIT_CONTROLLER, Role.HEAD, Role.DIRECTOR, Role.ADMIN)
                || user.id().value().equals(company.ownerId())).orElse(false);
    }

    /**
     * Records a payment of a company the user may see and allocates it.
     *
     * @throws InvalidInputException   a value wrong at its field; {@value #OVER_DEBT} at {@code amount}
     *                                 for more than the client owes, unless it is an advance
     * @throws RecordNotFoundException for a company the user may not see
     * @throws AccessDeniedException   for a user who may see the company but not record its payments
     */
    @Transactional
    public PaymentView record(PaymentInput input, Source source) {
        InputErrors errors = new InputErrors();
        UUID company = Inputs.id(errors, "companyId", input.companyId());
        LocalDate date = Inputs.requiredDate(errors, "date", input.date(), today.date());
        BigDecimal amount = Inputs.positiveAmount(errors, "amount", input.amount());
        if (input.currency() != null && !input.currency().isBlank()
                && !Money.RUB.getCurrencyCode().equals(input.currency().strip().toUpperCase(Locale.ROOT))) {
            errors.add("currency", ONLY_RUB, input.currency().strip());
        }
        String reference = Inputs.text(errors, "reference", input.reference(), 64, true);
        String purpose = Inputs.text(errors, "purpose", input.purpose(), 1000, false);
        String invoiceNumber = Inputs.text(errors, "invoiceNumber", input.invoiceNumber(), 64, false);
        errors.throwIfAny();
        CompanyView visible = companies.company(new CompanyId(company));
        if (!mayRecord(visible)) {
            throw new AccessDeniedException("Recording payments of this company is not for this user");
        }
        return payment(record(new Checked(company, date, amount, reference, purpose, invoiceNumber,
                Boolean.TRUE.equals(input.advance())), source));
    }

    /**
     * Records a checked payment under the client's lock and answers its id; refusals as for
     * {@link #record(PaymentInput, Source)}. It asks nothing of the current user, so an import or
     * the demo data may record payments without one.
     */
    @Transactional
    UUID record(Checked payment, Source source) {
        if (!ledger.lock(payment.companyId())) {
            throw new InvalidInputException("companyId", MERGED);
        }
        List<OpenInvoice> open = ledger.lockOpenInvoices(payment.companyId());
        List<OpenInvoice> order = allocationOrder(payment, open);
        BigDecimal owed = open.stream().map(OpenInvoice::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (payment.amount().compareTo(owed) > 0 && !payment.advance()) {
            throw new InvalidInputException("amount", OVER_DEBT, payment.amount(), owed);
        }
        List<Share> shares = Ledger.plan(payment.amount(), order);
        BigDecimal unallocated = payment.amount().subtract(Ledger.total(shares));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into payment (id, company_id, payment_date, amount, unallocated, reference, purpose,
                            source, created_by)
                        values (:id, :company, :date, :amount, :unallocated, :reference, :purpose, :source, :actor)""")
                .param("id", id).param("company", payment.companyId()).param("date", payment.date())
                .param("amount", payment.amount()).param("unallocated", unallocated)
                .param("reference", payment.reference()).param("purpose", payment.purpose())
                .param("source", source.name())
                .param("actor", CurrentUser.find().map(user -> user.id().value()).orElse(null)).update();
        ledger.write(id, shares);
        auditLog.created(PAYMENT, id, AuditChanges.of()
                .field("companyId", null, payment.companyId())
                .field("date", null, payment.date())
                .field("amount", null, payment.amount().toPlainString())
                .field("reference", null, payment.reference())
                .field("purpose", null, payment.purpose())
                .field("source", null, source.name())
                .field("allocations", null, shares.isEmpty() ? null : shares.stream()
                        .map(share -> share.invoice().number() + ": " + share.amount().toPlainString())
                        .collect(Collectors.joining("; ")))
                .field("unallocated", null, unallocated.toPlainString()));
        return id;
    }

    /**
     * The invoices in the order the payment pays them: those it names (by {@code invoiceNumber},
     * else those whose numbers its purpose mentions, in the order mentioned), then the others
     * oldest first.
     */
    private List<OpenInvoice> allocationOrder(Checked payment, List<OpenInvoice> open) {
        List<OpenInvoice> named = new ArrayList<>();
        if (payment.invoiceNumber() != null) {
            open.stream().filter(invoice -> invoice.number().equalsIgnoreCase(payment.invoiceNumber()))
                    .findFirst().ifPresentOrElse(named::add, () -> requirePaidInvoice(payment));
        } else if (payment.purpose() != null) {
            named.addAll(mentionedIn(payment.purpose(), open));
        }
        List<OpenInvoice> order = new ArrayList<>(named);
        open.stream().filter(invoice -> !named.contains(invoice)).forEach(order::add);
        return order;
    }

    /** A named invoice that is not open is one paid already, or none of this client's. */
    private void requirePaidInvoice(Checked payment) {
        boolean exists = jdbc.sql("""
                        select exists (select 1 from invoice where company_id = :company and lower(number) = lower(:number))""")
                .param("company", payment.companyId()).param("number", payment.invoiceNumber())
                .query(Boolean.class).single();
        if (!exists) {
            throw new InvalidInputException("invoiceNumber", UNKNOWN_INVOICE, payment.invoiceNumber());
        }
    }

    /**
     * The open invoices whose numbers the text mentions as whole words («Оплата по счёту
     * СЧ-000123 от 01.03.2025»: СЧ-000123, not СЧ-00012), in the order it mentions them.
     */
    static List<OpenInvoice> mentionedIn(String text, List<OpenInvoice> open) {
        String haystack = text.toLowerCase(Locale.ROOT);
        record Mention(int at, OpenInvoice invoice) {
        }
        List<Mention> mentions = new ArrayList<>();
        for (OpenInvoice invoice : open) {
            String number = invoice.number().toLowerCase(Locale.ROOT);
            for (int at = haystack.indexOf(number); at >= 0; at = haystack.indexOf(number, at + 1)) {
                int end = at + number.length();
                if ((at == 0 || !Character.isLetterOrDigit(haystack.charAt(at - 1)))
                        && (end == haystack.length() || !Character.isLetterOrDigit(haystack.charAt(end)))) {
                    mentions.add(new Mention(at, invoice));
                    break;
                }
            }
        }
        return mentions.stream().sorted(Comparator.comparingInt(Mention::at)).map(Mention::invoice).toList();
    }

    /** A payment of a company the user may see, with the invoices it paid. */
    @Transactional(readOnly = true)
    public PaymentView payment(UUID id) {
        RecordScope scope = accessPolicy.currentScope();
        PaymentView payment = jdbc.sql("""
                        select p.* from payment p join company_ref c on c.id = p.company_id
                        where p.id = :id and (:everything or c.owner_id = any(:owners))""")
                .param("id", id).param("everything", scope.isEverything())
                .param("owners", scope.ownerIds())
                .query((rs, row) -> view(rs, null)).optional()
                .orElseThrow(() -> new RecordNotFoundException(PAYMENT, id));
        List<PaymentView.Allocation> allocations = jdbc.sql("""
                        select a.invoice_id, i.number, a.amount from payment_allocation a
                        join invoice i on i.id = a.invoice_id
                        where a.payment_id = :id
                        order by i.due_date, i.issue_date, i.number""")
                .param("id", id)
                .query((rs, row) -> new PaymentView.Allocation(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getBigDecimal(3)))
                .list();
        return new PaymentView(payment.id(), payment.companyId(), payment.date(), payment.amount(),
                payment.unallocated(), payment.reference(), payment.purpose(), payment.source(), payment.createdAt(),
                allocations);
    }

    /**
     * The payments of the companies the user may see, newest first unless sorted otherwise.
     *
     * @param company {@code null} for all of them
     * @param from    the earliest payment date, or {@code null}
     * @param to      the latest payment date, or {@code null}
     */
    @Transactional(readOnly = true)
    public PageResponse<PaymentView> list(UUID company, LocalDate from, LocalDate to, Pageable pageable) {
        PageRequest page = PAGING.check(pageable);
        if (company != null) {
            companies.company(new CompanyId(company));
        }
        RecordScope scope = accessPolicy.currentScope();
        String where = """
                from payment p join company_ref c on c.id = p.company_id
                where (:everything or c.owner_id = any(:owners))
                  and (cast(:company as uuid) is null or p.company_id = :company)
                  and (cast(:from as date) is null or p.payment_date >= :from)
                  and (cast(:to as date) is null or p.payment_date <= :to)""";
        Map<String, Object> params = new HashMap<>();
        params.put("everything", scope.isEverything());
        params.put("owners", scope.ownerIds());
        params.put("company", company);
        params.put("from", from);
        params.put("to", to);
        long total = jdbc.sql("select count(*) " + where).params(params).query(Long.class).single();
        List<PaymentView> content = jdbc.sql("select p.* " + where + " order by " + PAGING.orderBy(page, "p.id")
                        + " limit :limit offset :offset")
                .params(params).param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query((rs, row) -> view(rs, null)).list();
        return PageResponse.of(content, page.getPageNumber(), page.getPageSize(), total);
    }

    /** The latest payments of a company the caller has checked the user may see, newest first. */
    @Transactional(readOnly = true)
    public List<PaymentView> latest(UUID company, int limit) {
        return jdbc.sql("""
                        select * from payment where company_id = :company
                        order by payment_date desc, created_at desc, id limit :limit""")
                .param("company", company).param("limit", limit).query((rs, row) -> view(rs, null)).list();
    }

    private static PaymentView view(ResultSet rs, List<PaymentView.Allocation> allocations) throws SQLException {
        return new PaymentView(rs.getObject("id", UUID.class), rs.getObject("company_id", UUID.class),
                rs.getObject("payment_date", LocalDate.class), rs.getBigDecimal("amount"),
                rs.getBigDecimal("unallocated"), rs.getString("reference"), rs.getString("purpose"),
                rs.getString("source"), rs.getTimestamp("created_at").toInstant(), allocations);
    }
}
