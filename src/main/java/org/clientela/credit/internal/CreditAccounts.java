package org.clientela.credit.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompaniesMerged;
import org.clientela.clients.CompanyId;
import org.clientela.clients.VisibleCompanies;
import org.clientela.credit.CreditControl;
import org.clientela.credit.CreditDecision;
import org.clientela.credit.CreditHoldReason;
import org.clientela.credit.CreditTerms;
import org.clientela.credit.ExposureSource;
import org.clientela.credit.OverdueSource;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserId;
import org.clientela.platform.Paging;
import org.clientela.shared.InputErrors;
import org.clientela.shared.Money;
import org.clientela.shared.PageResponse;
import org.clientela.shared.StaleVersionException;
import org.clientela.shared.TypedNumber;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.util.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The credit accounts of the companies: their limits and terms, and the credit rule on them. */
@Service
public class CreditAccounts implements CreditControl {

    /** Who may set a limit (R5): the credit controller and the management, not the administrator. */
    public static final String LIMIT_SETTERS = "hasAnyRole('CREDIT_CONTROLLER', 'HEAD', 'DIRECTOR')";
    /** The entity type of the credit accounts in the audit log; a company's id is its account's. */
    public static final String CREDIT_ACCOUNT = "CreditAccount";
    static final BigDecimal MAX_LIMIT = new BigDecimal("99999999999999.99");
    static final Paging HISTORY_PAGING = Paging.sortableBy(Map.of("changedAt", "h.changed_at"),
            Sort.by(Sort.Direction.DESC, "changedAt"));
    private static final String TERMS_FOR_UPDATE = termsForUpdate(":company");

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations namedJdbc;
    private final VisibleCompanies companies;
    private final AuditLog auditLog;
    // put together at the first decision from the sources, not injected: they (receivables) need this
    // bean for the terms in turn; and once, since resolving them at every decision was about 40 % of the
    // credit check's time in a profile of the confirmations
    private final Lazy<Function<String, String>> standingOf;
    private final Lazy<String> standingQuery;
    /** The account's lock, then the standing: the two statements of a decision. */
    private final Lazy<String> decisionQuery;
    /** {@link #lockWith}'s statements by the caller's two: a caller's are constants. */
    private final Map<String, String> lockWithQueries = new ConcurrentHashMap<>();
    private final UserDirectory users;
    private final Clock clock;

    CreditAccounts(JdbcClient jdbc, NamedParameterJdbcOperations namedJdbc, VisibleCompanies companies,
            AuditLog auditLog, ObjectProvider<ExposureSource> exposureSources,
            ObjectProvider<OverdueSource> overdueSources, UserDirectory users, Clock clock) {
        this.jdbc = jdbc;
        this.namedJdbc = namedJdbc;
        this.companies = companies;
        this.auditLog = auditLog;
        this.standingOf = Lazy.of(() -> {
            List<ExposureSource> exposures = exposureSources.orderedStream().toList();
            List<OverdueSource> overdue = overdueSources.orderedStream().toList();
            return company -> CreditStanding.ofOneCompany(exposures, overdue, company);
        });
        this.standingQuery = standingOf.map(of -> of.apply(":company"));
        this.decisionQuery = standingQuery.map(standing -> TERMS_FOR_UPDATE + ";\n" + standing);
        this.users = users;
        this.clock = clock;
    }

    /** Whether the current user may set limits ({@link #LIMIT_SETTERS}): the screens show the form only to them. */
    public static boolean maySetLimits() {
        return CurrentUser.find().map(user -> user.hasAny(Role.CREDIT_CONTROLLER, Role.HEAD, Role.DIRECTOR))
                .orElse(false);
    }

    /**
     * Refuses (403) whoever may not set limits. The edges call it after they checked that the user
     * may see the company, so that nobody learns of a hidden company from a 403, and before they
     * read the request's version, so that a refused user is not asked for one.
     */
    public static void requireMaySetLimits() {
        if (!maySetLimits()) {
            throw new AccessDeniedException("Credit limits are set by the credit controller, a head or the director");
        }
    }

    /**
     * The row lock serialises the decisions for one company (READ COMMITTED: each query after the
     * lock sees what the previous holder committed); decisions for different companies run side by
     * side.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public CreditDecision decide(CompanyId company, Money amount) {
        // the account's lock and the standing, two statements in one round trip: the second starts
        // once the first holds the lock, with a snapshot of its own (read committed), so it counts
        // every confirmation of the company that committed before
        Map<String, Object> parameters = Map.of("company", company.value(), "today", LocalDate.now(clock));
        return namedJdbc.execute(decisionQuery.get(), parameters, statement -> {
            statement.execute();
            return decided(statement, company);
        }).decide(amount);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> Locked<T> lockWith(String lead, Map<String, ?> parameters, ResultSetExtractor<T> leadReader,
            String companyOf) {
        if (parameters.containsKey("today")) {
            throw new IllegalArgumentException("The parameter 'today' is the credit rule's own");
        }
        // the caller's statement, the account's lock and the standing in one round trip, each
        // statement with a snapshot of its own, as in decide
        String statements = lockWithQueries.computeIfAbsent(lead + "\n" + companyOf, key -> lead + ";\n"
                + termsForUpdate("(" + companyOf + ")") + ";\n" + standingOf.get().apply("(" + companyOf + ")"));
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("today", LocalDate.now(clock));
        return namedJdbc.execute(statements, all, statement -> {
            statement.execute();
            T read;
            try (ResultSet rs = statement.getResultSet()) {
                read = leadReader.extractData(rs);
            }
            if (!statement.getMoreResults()) {
                throw new IllegalStateException("The credit account of " + companyOf + " was not locked");
            }
            return new Locked<>(read, decided(statement, companyOf)::decide);
        });
    }

    /** The account's terms (the statement's current result) and the standing (its next). */
    private static Decided decided(PreparedStatement statement, Object company) throws SQLException {
        CreditTerms found = CreditTerms.NONE;
        try (ResultSet rs = statement.getResultSet()) {
            if (rs.next()) {
                found = terms(rs, 0);
            }
        }
        if (!statement.getMoreResults()) {
            throw new IllegalStateException("The standing of " + company + " was not read");
        }
        try (ResultSet rs = statement.getResultSet()) {
            rs.next();
            return new Decided(found, standing(rs));
        }
    }

    private static String termsForUpdate(String company) {
        return "select credit_limit, payment_terms_days, version from credit_account where company_id = " + company
                + " for update";
    }

    /** What a company owes and has been promised on credit, and whether it has an invoice overdue today. */
    private record Standing(Money exposure, boolean overdue) {
    }

    /** The rule (O3) on what the decision's statements read. */
    private record Decided(CreditTerms terms, Standing standing) {

        CreditDecision decide(Money amount) {
            if (!terms.hasLimit()) {
                return new CreditDecision(CreditHoldReason.NO_LIMIT, null, standing.exposure());
            }
            if (standing.overdue()) {
                return new CreditDecision(CreditHoldReason.OVERDUE, terms.limit(), standing.exposure());
            }
            if (standing.exposure().plus(amount).compareTo(terms.limit()) > 0) {
                return new CreditDecision(CreditHoldReason.LIMIT_EXCEEDED, terms.limit(), standing.exposure());
            }
            return new CreditDecision(null, terms.limit(), standing.exposure());
        }
    }

    private static Standing standing(ResultSet rs) throws SQLException {
        return new Standing(Money.rubles(rs.getBigDecimal("exposure")), rs.getBoolean("overdue"));
    }

    /** One statement over every source: it runs in every confirmation, under the company's lock. */
    private Standing standing(CompanyId company) {
        return jdbc.sql(standingQuery.get()).param("company", company.value()).param("today", LocalDate.now(clock))
                .query((rs, row) -> standing(rs)).single();
    }

    @Override
    @Transactional(readOnly = true)
    public Money exposure(CompanyId company) {
        return standing(company).exposure();
    }

    @Override
    @Transactional(readOnly = true)
    public CreditTerms termsOf(CompanyId company) {
        return jdbc.sql("select credit_limit, payment_terms_days, version from credit_account where company_id = :company")
                .param("company", company.value()).query(CreditAccounts::terms).optional().orElse(CreditTerms.NONE);
    }

    /**
     * Sets a company's limit and terms, with the reason, for a company the current user may see.
     *
     * @param expectedVersion the version of the terms the user saw (0 when the company had none)
     */
    @Transactional
    @PreAuthorize(LIMIT_SETTERS)
    public CreditTerms change(CompanyId company, String amount, Integer paymentTermsDays, String reason,
            long expectedVersion) {
        companies.company(company);
        InputErrors errors = new InputErrors();
        BigDecimal limit = limit(errors, amount);
        if (paymentTermsDays == null) {
            errors.add("paymentTermsDays", "credit.field.required");
        } else if (paymentTermsDays < 0 || paymentTermsDays > 365) {
            errors.add("paymentTermsDays", "credit.terms.range");
        }
        if (reason == null || reason.isBlank()) {
            errors.add("reason", "credit.reason.required");
        } else if (reason.strip().length() > 2000) {
            errors.add("reason", "credit.field.tooLong", 2000);
        }
        errors.throwIfAny();
        CreditTerms before = jdbc.sql(TERMS_FOR_UPDATE).param("company", company.value())
                .query(CreditAccounts::terms).optional().orElse(CreditTerms.NONE);
        if (before.version() != expectedVersion) {
            throw new StaleVersionException(CREDIT_ACCOUNT, company.value(), expectedVersion, before.version());
        }
        UUID actor = CurrentUser.get().id().value();
        long version = expectedVersion + 1;
        int written = jdbc.sql("""
                        insert into credit_account (company_id, credit_limit, payment_terms_days, version, updated_by)
                        values (:company, :limit, :terms, :version, :actor)
                        on conflict (company_id) do update set credit_limit = excluded.credit_limit,
                            payment_terms_days = excluded.payment_terms_days, version = excluded.version,
                            updated_by = excluded.updated_by, updated_at = now()
                        where credit_account.version = :expected""")
                .param("company", company.value()).param("limit", limit).param("terms", paymentTermsDays)
                .param("version", version).param("actor", actor).param("expected", expectedVersion).update();
        if (written == 0) {
            // a first limit set by someone else between our read and our insert
            throw new StaleVersionException(CREDIT_ACCOUNT, company.value(), expectedVersion, expectedVersion + 1);
        }
        jdbc.sql("""
                        insert into credit_limit_change (id, company_id, old_limit, new_limit, old_payment_terms_days,
                            new_payment_terms_days, reason, changed_by)
                        values (:id, :company, :oldLimit, :newLimit, :oldTerms, :newTerms, :reason, :actor)""")
                .param("id", UUID.randomUUID()).param("company", company.value())
                .param("oldLimit", before.hasLimit() ? before.limit().amount() : null).param("newLimit", limit)
                .param("oldTerms", before.hasLimit() ? before.paymentTermsDays() : null)
                .param("newTerms", paymentTermsDays).param("reason", reason.strip()).param("actor", actor).update();
        auditLog.updated(CREDIT_ACCOUNT, company.value(), AuditChanges.of()
                .field("creditLimit", before.hasLimit() ? before.limit().amount().toPlainString() : null,
                        limit.toPlainString())
                .field("paymentTermsDays", before.hasLimit() ? String.valueOf(before.paymentTermsDays()) : null,
                        String.valueOf(paymentTermsDays))
                .field("reason", null, reason.strip()));
        return new CreditTerms(Money.rubles(limit), paymentTermsDays, version);
    }

    /** Whether the company has an invoice overdue today, by any source. */
    public boolean hasOverdue(CompanyId company) {
        return standing(company).overdue();
    }

    /**
     * The changes of the limit and terms of a company the current user may see, newest first,
     * those made on duplicates merged into it among them.
     */
    @Transactional(readOnly = true)
    public PageResponse<LimitChange> history(CompanyId company, Pageable pageable) {
        companies.company(company);
        PageRequest page = HISTORY_PAGING.check(pageable);
        long total = jdbc.sql("select count(*) from credit_limit_change where company_id = :company")
                .param("company", company.value()).query(Long.class).single();
        Map<UUID, String> names = new HashMap<>();
        List<LimitChange> changes = jdbc.sql("""
                        select h.*, d.name as merged_from_name from credit_limit_change h
                        left join company_ref d on d.id = h.merged_from
                        where h.company_id = :company
                        order by %s limit :limit offset :offset""".formatted(HISTORY_PAGING.orderBy(page, "h.id")))
                .param("company", company.value()).param("limit", page.getPageSize())
                .param("offset", page.getOffset())
                .query((rs, row) -> change(rs, names)).list();
        return PageResponse.of(changes, page.getPageNumber(), page.getPageSize(), total);
    }

    private LimitChange change(ResultSet rs, Map<UUID, String> names) throws SQLException {
        UUID changedBy = rs.getObject("changed_by", UUID.class);
        String name = names.computeIfAbsent(changedBy, id -> users.find(new UserId(id))
                .map(UserDirectory.UserSummary::fullName).orElse(id.toString()));
        return new LimitChange(rs.getObject("id", UUID.class), rs.getObject("changed_at", java.time.OffsetDateTime.class)
                .toInstant(), changedBy, name, rs.getBigDecimal("old_limit"), rs.getBigDecimal("new_limit"),
                (Integer) rs.getObject("old_payment_terms_days"), rs.getInt("new_payment_terms_days"),
                rs.getString("reason"), rs.getObject("merged_from", UUID.class), rs.getString("merged_from_name"));
    }

    /**
     * The survivor of a merge keeps its own limit and terms; it takes the duplicate's when it had
     * none. Either way the duplicate's changes join the survivor's history, marked with the
     * duplicate, and the duplicate's account is gone with it.
     */
    @EventListener
    void on(CompaniesMerged merged) {
        UUID survivor = merged.survivor().value();
        UUID duplicate = merged.duplicate().value();
        Optional<CreditTerms> taken = jdbc.sql(TERMS_FOR_UPDATE).param("company", duplicate)
                .query(CreditAccounts::terms).optional();
        if (taken.isPresent()) {
            int inserted = jdbc.sql("""
                            insert into credit_account (company_id, credit_limit, payment_terms_days, version, updated_by)
                            values (:survivor, :limit, :terms, 1, :actor)
                            on conflict (company_id) do nothing""")
                    .param("survivor", survivor).param("limit", taken.get().limit().amount())
                    .param("terms", taken.get().paymentTermsDays())
                    .param("actor", CurrentUser.find().map(user -> user.id().value()).orElse(null)).update();
            if (inserted == 1) {
                auditLog.updated(CREDIT_ACCOUNT, survivor, AuditChanges.of()
                        .field("creditLimit", null, taken.get().limit().amount().toPlainString())
                        .field("paymentTermsDays", null, String.valueOf(taken.get().paymentTermsDays())));
            }
            jdbc.sql("delete from credit_account where company_id = :duplicate").param("duplicate", duplicate)
                    .update();
            auditLog.merged(CREDIT_ACCOUNT, duplicate, survivor);
        }
        // a change that came to the duplicate with an earlier merge keeps the company it was made on
        jdbc.sql("""
                        update credit_limit_change set company_id = :survivor, merged_from = coalesce(merged_from, :duplicate)
                        where company_id = :duplicate""")
                .param("survivor", survivor).param("duplicate", duplicate).update();
    }

    private static CreditTerms terms(ResultSet rs, int row) throws SQLException {
        return new CreditTerms(Money.rubles(rs.getBigDecimal("credit_limit")), rs.getInt("payment_terms_days"),
                rs.getLong("version"));
    }

    private static BigDecimal limit(InputErrors errors, String text) {
        if (text == null || text.isBlank()) {
            errors.add("amount", "credit.field.required");
            return null;
        }
        BigDecimal value;
        try {
            value = TypedNumber.parse(text);
        } catch (NumberFormatException e) {
            errors.add("amount", "credit.amount.invalid", text);
            return null;
        }
        if (value.scale() > 2 || value.compareTo(MAX_LIMIT) > 0) {
            errors.add("amount", "credit.amount.invalid", text);
            return null;
        }
        if (value.signum() < 0) {
            errors.add("amount", "credit.amount.negative");
            return null;
        }
        return value.setScale(2);
    }
}
