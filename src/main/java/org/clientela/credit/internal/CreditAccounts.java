package org.clientela.credit.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompanyId;
import org.clientela.clients.VisibleCompanies;
import org.clientela.credit.CreditControl;
import org.clientela.credit.CreditDecision;
import org.clientela.credit.CreditHoldReason;
import org.clientela.credit.CreditTerms;
import org.clientela.credit.ExposureSource;
import org.clientela.credit.OverdueSource;
import org.clientela.identity.CurrentUser;
import org.clientela.shared.InputErrors;
import org.clientela.shared.Money;
import org.clientela.shared.StaleVersionException;
import org.clientela.shared.TypedNumber;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The credit accounts of the companies: their limits and terms, and the credit rule on them. */
@Service
public class CreditAccounts implements CreditControl {

    /** Who may set a limit (R5): the credit controller and the management, not the administrator. */
    public static final String LIMIT_SETTERS = "hasAnyRole('CREDIT_CONTROLLER', 'HEAD', 'DIRECTOR')";
    static final String CREDIT_ACCOUNT = "CreditAccount";
    static final BigDecimal MAX_LIMIT = new BigDecimal("99999999999999.99");

    private final JdbcClient jdbc;
    private final VisibleCompanies companies;
    private final AuditLog auditLog;
    // providers, not lists: the sources (receivables) need this bean for the terms in turn
    private final ObjectProvider<ExposureSource> exposureSources;
    private final ObjectProvider<OverdueSource> overdueSources;
    private final Clock clock;

    CreditAccounts(JdbcClient jdbc, VisibleCompanies companies, AuditLog auditLog,
            ObjectProvider<ExposureSource> exposureSources, ObjectProvider<OverdueSource> overdueSources, Clock clock) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.auditLog = auditLog;
        this.exposureSources = exposureSources;
        this.overdueSources = overdueSources;
        this.clock = clock;
    }

    /**
     * The row lock serialises the decisions for one company (READ COMMITTED: each query after the
     * lock sees what the previous holder committed); decisions for different companies run side by
     * side.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public CreditDecision decide(CompanyId company, Money amount) {
        CreditTerms terms = jdbc.sql("""
                        select credit_limit, payment_terms_days, version from credit_account
                        where company_id = :company for update""")
                .param("company", company.value())
                .query((rs, row) -> new CreditTerms(Money.rubles(rs.getBigDecimal(1)), rs.getInt(2), rs.getLong(3)))
                .optional().orElse(CreditTerms.NONE);
        Money exposure = exposure(company);
        if (!terms.hasLimit()) {
            return new CreditDecision(CreditHoldReason.NO_LIMIT, null, exposure);
        }
        LocalDate today = LocalDate.now(clock);
        if (overdueSources.orderedStream().anyMatch(source -> source.hasOverdue(company, today))) {
            return new CreditDecision(CreditHoldReason.OVERDUE, terms.limit(), exposure);
        }
        if (exposure.plus(amount).compareTo(terms.limit()) > 0) {
            return new CreditDecision(CreditHoldReason.LIMIT_EXCEEDED, terms.limit(), exposure);
        }
        return new CreditDecision(null, terms.limit(), exposure);
    }

    /** What the company owes and has been promised on credit, from every source. */
    public Money exposure(CompanyId company) {
        Money total = Money.rubles(BigDecimal.ZERO);
        for (ExposureSource source : exposureSources.orderedStream().toList()) {
            total = total.plus(source.exposure(company));
        }
        return total;
    }

    @Override
    @Transactional(readOnly = true)
    public CreditTerms termsOf(CompanyId company) {
        return jdbc.sql("select credit_limit, payment_terms_days, version from credit_account where company_id = :company")
                .param("company", company.value())
                .query((rs, row) -> new CreditTerms(Money.rubles(rs.getBigDecimal(1)), rs.getInt(2), rs.getLong(3)))
                .optional().orElse(CreditTerms.NONE);
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
        CreditTerms before = jdbc.sql("""
                        select credit_limit, payment_terms_days, version from credit_account
                        where company_id = :company for update""")
                .param("company", company.value())
                .query((rs, row) -> new CreditTerms(Money.rubles(rs.getBigDecimal(1)), rs.getInt(2), rs.getLong(3)))
                .optional().orElse(CreditTerms.NONE);
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
