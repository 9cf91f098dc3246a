package org.clientela.keyaccounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompanyId;
import org.clientela.clients.VisibleCompanies;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.RecordScope;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserId;
import org.clientela.keyaccounts.EarlyWarningView;
import org.clientela.keyaccounts.EarlyWarnings;
import org.clientela.keyaccounts.WarningKind;
import org.clientela.platform.Paging;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InputErrors;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.PageResponse;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The early warnings (K4) as people see them: the lists within the user's access, one warning,
 * a company's warnings, and the dismissal with a reason. The rules' side is {@link EarlyWarningRun}.
 */
@Service
@Transactional(readOnly = true)
public class EarlyWarningService implements EarlyWarnings {

    static final int MAX_REASON = 2000;
    public static final Paging PAGING = Paging.sortableBy(
            Map.of("detectedOn", "w.detected_on", "company", "lower(c.name)", "kind", "w.kind"),
            Sort.by(Sort.Direction.DESC, "detectedOn"));

    private static final String SELECT = """
            select w.*, c.name as company_name
            from early_warning w
            join company_ref c on c.id = w.company_id
            """;

    private final JdbcClient jdbc;
    private final VisibleCompanies companies;
    private final AccessPolicy accessPolicy;
    private final UserDirectory users;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ObjectReader evidenceReader;

    EarlyWarningService(JdbcClient jdbc, VisibleCompanies companies, AccessPolicy accessPolicy, UserDirectory users,
            AuditLog auditLog, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.accessPolicy = accessPolicy;
        this.users = users;
        this.auditLog = auditLog;
        this.clock = clock;
        // amounts come back exact, as they were written
        this.evidenceReader = json.readerFor(new TypeReference<Map<String, Object>>() { })
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public record Filter(WarningStatus status, UUID companyId, WarningKind kind) {
    }

    /** The warnings of the companies the user may see, the latest detected first by default. */
    public PageResponse<Warning> list(Filter filter, Pageable pageable) {
        PageRequest page = PAGING.check(pageable);
        RecordScope scope = accessPolicy.currentScope();
        StringBuilder where = new StringBuilder("where (:everything or c.owner_id = any(:owners))");
        Map<String, Object> params = new HashMap<>();
        params.put("everything", scope.isEverything());
        params.put("owners", scope.ownerIds());
        if (filter.status() != null) {
            where.append(" and w.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.companyId() != null) {
            where.append(" and w.company_id = :company");
            params.put("company", filter.companyId());
        }
        if (filter.kind() != null) {
            where.append(" and w.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        long total = jdbc.sql("select count(*) from early_warning w join company_ref c on c.id = w.company_id "
                + where).params(params).query(Long.class).single();
        List<Warning> rows = jdbc.sql(SELECT + where + " order by " + PAGING.orderBy(page, "w.id")
                        + " limit :limit offset :offset")
                .params(params).param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query(this::warning).list();
        return PageResponse.of(rows, page.getPageNumber(), page.getPageSize(), total);
    }

    /** @throws RecordNotFoundException for a warning of a company the user may not see */
    public Warning get(UUID id) {
        Warning warning = jdbc.sql(SELECT + "where w.id = :id").param("id", id).query(this::warning).optional()
                .orElseThrow(() -> new RecordNotFoundException(EarlyWarningRun.EARLY_WARNING, id));
        try {
            companies.company(new CompanyId(warning.companyId()));
        } catch (RecordNotFoundException invisible) {
            throw new RecordNotFoundException(EarlyWarningRun.EARLY_WARNING, id);
        }
        return warning;
    }

    /** A company's warnings, current ones first, then the latest detected; 404 for a company the user may not see. */
    public List<Warning> ofCompany(CompanyId company) {
        companies.company(company);
        return jdbc.sql(SELECT + """
                        where w.company_id = :company
                        order by w.status = 'CLOSED', w.detected_on desc, w.id limit 50""")
                .param("company", company.value()).query(this::warning).list();
    }

    /** The open warnings of the companies the user may see, for the start page: a manager's own, a head's team's. */
    public List<Warning> openOfMine(int limit) {
        return list(new Filter(WarningStatus.OPEN, null, null), PageRequest.of(0, limit)).content();
    }

    /**
     * A person says the warning needs nothing done, with the reason: it stays dismissed while its
     * condition holds, and a new one opens should the condition clear and come back.
     *
     * @param expectedVersion {@code null}: whatever the version is
     */
    @Transactional
    public Warning dismiss(UUID id, String reason, Long expectedVersion) {
        Warning before = get(id);
        InputErrors errors = new InputErrors();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            errors.add("reason", "keyaccounts.warning.reason.required");
        } else if (why.length() > MAX_REASON) {
            errors.add("reason", "keyaccounts.warning.reason.long", MAX_REASON);
        }
        errors.throwIfAny();
        CurrentUser user = CurrentUser.get();
        Instant now = Instant.now(clock);
        int changed = jdbc.sql("""
                        update early_warning set status = 'DISMISSED', dismissed_by = :user, dismissed_at = :now,
                            dismissal_reason = :reason, version = version + 1
                        where id = :id and status = 'OPEN' and (cast(:version as bigint) is null or version = :version)""")
                .param("user", user.id().value()).param("now", Timestamp.from(now)).param("reason", why)
                .param("id", id).param("version", expectedVersion).update();
        if (changed == 0) {
            throw new ConflictException("keyaccounts.warning.notOpen");
        }
        auditLog.updated(EarlyWarningRun.EARLY_WARNING, id, AuditChanges.of()
                .field("status", before.status(), WarningStatus.DISMISSED).field("dismissalReason", null, why));
        return get(id);
    }

    @Override
    public List<EarlyWarningView> openFor(RecordScope scope, int limit) {
        return jdbc.sql(SELECT + "where w.status = 'OPEN' and (:everything or c.owner_id = any(:owners)) "
                        + "order by w.detected_on desc, w.id limit :limit")
                .param("everything", scope.isEverything()).param("owners", scope.ownerIds()).param("limit", limit)
                .query(this::warning).list().stream().map(Warning::view).toList();
    }

    @Override
    public List<EarlyWarningView> openOf(CompanyId company) {
        return jdbc.sql(SELECT + "where w.company_id = :company and w.status = 'OPEN' order by w.detected_on desc, w.id")
                .param("company", company.value()).query(this::warning).list().stream().map(Warning::view).toList();
    }

    @Override
    public Map<WarningKind, Long> openCountsFor(RecordScope scope) {
        Map<WarningKind, Long> counts = new EnumMap<>(WarningKind.class);
        jdbc.sql("""
                        select w.kind, count(*) as n from early_warning w join company_ref c on c.id = w.company_id
                        where w.status = 'OPEN' and (:everything or c.owner_id = any(:owners)) group by w.kind""")
                .param("everything", scope.isEverything()).param("owners", scope.ownerIds())
                .query(rs -> {
                    counts.put(WarningKind.valueOf(rs.getString("kind")), rs.getLong("n"));
                });
        return counts;
    }

    private Warning warning(ResultSet rs, int row) throws SQLException {
        UUID dismissedBy = rs.getObject("dismissed_by", UUID.class);
        Timestamp dismissedAt = rs.getTimestamp("dismissed_at");
        return new Warning(rs.getObject("id", UUID.class), rs.getObject("company_id", UUID.class),
                rs.getString("company_name"), WarningKind.valueOf(rs.getString("kind")),
                WarningStatus.valueOf(rs.getString("status")), rs.getObject("detected_on", LocalDate.class),
                rs.getObject("refreshed_on", LocalDate.class), evidenceReader.readValue(rs.getString("evidence")),
                dismissedBy, dismissedBy == null ? null
                        : users.find(new UserId(dismissedBy)).map(UserDirectory.UserSummary::fullName).orElse(null),
                dismissedAt == null ? null : dismissedAt.toInstant(), rs.getString("dismissal_reason"),
                rs.getObject("closed_on", LocalDate.class), rs.getLong("version"));
    }

    /** A kind's name, any case; blank: none (400 at {@code kind} otherwise). */
    public static WarningKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return WarningKind.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "keyaccounts.warning.kind.unknown", text.strip());
        }
    }
}
