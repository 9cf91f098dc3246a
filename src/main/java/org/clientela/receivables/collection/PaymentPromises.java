package org.clientela.receivables.collection;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompaniesMerged;
import org.clientela.clients.CompanyId;
import org.clientela.clients.VisibleCompanies;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserId;
import org.clientela.platform.Paging;
import org.clientela.shared.InputErrors;
import org.clientela.shared.PageResponse;
import org.clientela.shared.RecordNotFoundException;
import org.clientela.shared.TypedNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client's promises to pay, recorded by whoever works with the company. A promise not yet due
 * holds the collection steps of what it covers back; the daily run decides it kept or broken.
 */
@Service
class PaymentPromises {

    static final String PROMISE = "PaymentPromise";
    static final int MAX_DAYS_AHEAD = 365;
    static final Paging PAGING = Paging.sortableBy(Map.of("recordedAt", "p.recorded_at",
            "promisedDate", "p.promised_date"), Sort.by(Sort.Direction.DESC, "recordedAt"));

    private static final String SELECT = """
            select p.*, i.number as invoice_number,
                   coalesce((select sum(pm.amount) from payment pm
                             where pm.company_id = p.company_id
                               and pm.payment_date between p.recorded_on and p.promised_date), 0) as paid_so_far
            from payment_promise p
            left join invoice i on i.id = p.invoice_id
            """;

    private final JdbcClient jdbc;
    private final VisibleCompanies companies;
    private final UserDirectory users;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ZoneId zone;

    PaymentPromises(JdbcClient jdbc, VisibleCompanies companies, UserDirectory users, AuditLog auditLog, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.users = users;
        this.auditLog = auditLog;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Records a promise for a company the current user may see. The amount may not exceed what
     * the company owes (its unpaid invoices less its payments not yet put against any), nor, for
     * a promise on one invoice, what is left of that invoice.
     *
     * @throws RecordNotFoundException for a company the user may not see
     * @throws org.clientela.shared.InvalidInputException with the wrong values at their fields
     */
    @Transactional
    PromiseView record(CompanyId company, PromiseInput input) {
        companies.company(company);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        InputErrors errors = new InputErrors();
        LocalDate promisedDate = promisedDate(errors, input.promisedDate(), today);
        UUID invoiceId = invoice(errors, company, input.invoiceId());
        BigDecimal amount = amount(errors, input.amount());
        if (amount != null) {
            BigDecimal debt = debtOf(company);
            if (amount.compareTo(debt) > 0) {
                errors.add("amount", "collection.promise.amount.aboveDebt", debt.max(BigDecimal.ZERO));
            } else if (invoiceId != null) {
                BigDecimal outstanding = jdbc.sql("select amount - paid_amount from invoice where id = :id")
                        .param("id", invoiceId).query(BigDecimal.class).single();
                if (amount.compareTo(outstanding) > 0) {
                    errors.add("amount", "collection.promise.amount.aboveInvoice", outstanding);
                }
            }
        }
        String madeBy = text(errors, "madeBy", input.madeBy(), 200);
        String note = text(errors, "note", input.note(), 2000);
        errors.throwIfAny();
        UUID id = UUID.randomUUID();
        UUID recorder = CurrentUser.get().id().value();
        jdbc.sql("""
                        insert into payment_promise (id, company_id, invoice_id, promised_date, amount, made_by, note,
                            recorded_on, recorded_by)
                        values (:id, :company, :invoice, :promisedDate, :amount, :madeBy, :note, :today, :recorder)""")
                .param("id", id).param("company", company.value()).param("invoice", invoiceId)
                .param("promisedDate", promisedDate).param("amount", amount).param("madeBy", madeBy)
                .param("note", note).param("today", today).param("recorder", recorder).update();
        auditLog.created(PROMISE, id, AuditChanges.of().field("companyId", null, company.value())
                .field("invoiceId", null, invoiceId).field("promisedDate", null, promisedDate)
                .field("amount", null, amount.toPlainString()).field("madeBy", null, madeBy).field("note", null, note));
        return promise(id);
    }

    /** The company's promises, the latest first. */
    @Transactional(readOnly = true)
    List<PromiseView> of(CompanyId company) {
        companies.company(company);
        return jdbc.sql(SELECT + " where p.company_id = :company order by p.recorded_at desc, p.id")
                .param("company", company.value()).query(this::view).list();
    }

    @Transactional(readOnly = true)
    PageResponse<PromiseView> page(CompanyId company, Pageable pageable) {
        companies.company(company);
        PageRequest page = PAGING.check(pageable);
        List<PromiseView> content = jdbc.sql(SELECT + " where p.company_id = :company order by "
                        + PAGING.orderBy(page, "p.id") + " limit :limit offset :offset")
                .param("company", company.value()).param("limit", page.getPageSize())
                .param("offset", page.getOffset()).query(this::view).list();
        long total = jdbc.sql("select count(*) from payment_promise where company_id = :company")
                .param("company", company.value()).query(Long.class).single();
        return PageResponse.of(content, page.getPageNumber(), page.getPageSize(), total);
    }

    @Transactional(readOnly = true)
    PromiseView promise(CompanyId company, UUID id) {
        companies.company(company);
        PromiseView promise = promise(id);
        if (!promise.companyId().equals(company.value())) {
            throw new RecordNotFoundException(PROMISE, id);
        }
        return promise;
    }

    /** An unpaid invoice, to choose for a promise. */
    record UnpaidInvoice(UUID id, String number, LocalDate issueDate, LocalDate dueDate, BigDecimal outstanding) {
    }

    /** The company's unpaid invoices, the earliest due first. The caller checked that the user may see it. */
    @Transactional(readOnly = true)
    List<UnpaidInvoice> unpaidInvoices(CompanyId company) {
        return jdbc.sql("""
                        select id, number, issue_date, due_date, amount - paid_amount as outstanding from invoice
                        where company_id = :company and settled_on is null
                        order by due_date, number""")
                .param("company", company.value())
                .query((rs, row) -> new UnpaidInvoice(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                        rs.getBigDecimal("outstanding")))
                .list();
    }

    /** What the company owes now: its unpaid invoices less the payments not yet put against any. */
    BigDecimal debtOf(CompanyId company) {
        return jdbc.sql("""
                        select coalesce((select sum(amount - paid_amount) from invoice
                                         where company_id = :company and settled_on is null), 0)
                             - coalesce((select sum(unallocated) from payment
                                         where company_id = :company and unallocated > 0), 0)""")
                .param("company", company.value()).query(BigDecimal.class).single();
    }

    /** The promises of a duplicate are the survivor's now, in the merge's transaction. */
    @EventListener
    void on(CompaniesMerged merged) {
        List<UUID> moved = jdbc.sql("""
                        update payment_promise set company_id = :survivor, version = version + 1
                        where company_id = :duplicate
                        returning id""")
                .param("survivor", merged.survivor().value()).param("duplicate", merged.duplicate().value())
                .query(UUID.class).list();
        for (UUID id : moved) {
            auditLog.updated(PROMISE, id, AuditChanges.of().field("companyId", merged.duplicate(), merged.survivor()));
        }
    }

    private PromiseView promise(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(this::view).optional()
                .orElseThrow(() -> new RecordNotFoundException(PROMISE, id));
    }

    private PromiseView view(ResultSet rs, int row) throws SQLException {
        UUID recorder = rs.getObject("recorded_by", UUID.class);
        return new PromiseView(rs.getObject("id", UUID.class), rs.getObject("company_id", UUID.class),
                rs.getObject("invoice_id", UUID.class), rs.getString("invoice_number"),
                rs.getObject("promised_date", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("made_by"),
                rs.getString("note"), rs.getObject("recorded_on", LocalDate.class),
                rs.getTimestamp("recorded_at").toInstant(), recorder,
                users.find(new UserId(recorder)).map(UserDirectory.UserSummary::fullName).orElse(null),
                PromiseStatus.valueOf(rs.getString("status")), instant(rs, "checked_at"),
                rs.getBigDecimal("paid_so_far"), rs.getLong("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private LocalDate promisedDate(InputErrors errors, String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            errors.add("promisedDate", "collection.promise.date.required");
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add("promisedDate", "collection.promise.date.invalid", text.strip());
            return null;
        }
        if (date.isBefore(today)) {
            errors.add("promisedDate", "collection.promise.date.past", java.sql.Date.valueOf(today));
            return null;
        }
        if (date.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            errors.add("promisedDate", "collection.promise.date.tooFar", MAX_DAYS_AHEAD);
            return null;
        }
        return date;
    }

    /** An unpaid invoice of this company, or null when none is named. */
    private UUID invoice(InputErrors errors, CompanyId company, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add("invoiceId", "collection.promise.invoice.unknown");
            return null;
        }
        Boolean unpaid = jdbc.sql("select settled_on is null from invoice where id = :id and company_id = :company")
                .param("id", id).param("company", company.value()).query(Boolean.class).optional().orElse(null);
        if (unpaid == null) {
            errors.add("invoiceId", "collection.promise.invoice.unknown");
            return null;
        }
        if (!unpaid) {
            errors.add("invoiceId", "collection.promise.invoice.paid");
            return null;
        }
        return id;
    }

    private static BigDecimal amount(InputErrors errors, String text) {
        if (text == null || text.isBlank()) {
            errors.add("amount", "collection.promise.amount.required");
            return null;
        }
        BigDecimal amount;
        try {
            amount = TypedNumber.parse(text.strip());
        } catch (NumberFormatException e) {
            errors.add("amount", "collection.promise.amount.invalid", text.strip());
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 2 || amount.compareTo(new BigDecimal("99999999999999.99")) > 0) {
            errors.add("amount", "collection.promise.amount.invalid", text.strip());
            return null;
        }
        if (amount.signum() <= 0) {
            errors.add("amount", "collection.promise.amount.positive");
            return null;
        }
        return amount.setScale(2);
    }

    private static String text(InputErrors errors, String field, String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > maxLength) {
            errors.add(field, "collection.field.tooLong", maxLength);
            return null;
        }
        return stripped;
    }
}
