package org.clientela.activities.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clientela.activities.ActivityType;
import org.clientela.activities.Cadence;
import org.clientela.activities.CadenceStanding;
import org.clientela.activities.CadenceStanding.Standing;
import org.clientela.activities.ContactCadences;
import org.clientela.activities.OverdueContact;
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
import org.clientela.shared.ConflictException;
import org.clientela.shared.InputErrors;
import org.clientela.shared.PageResponse;
import org.clientela.shared.StaleVersionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact cadences (A2). A company is overdue when the day of its last contact (the actual start
 * of its latest done activity; with none, the day it was created) lies more days back than its
 * cadence: the individual one a person set, or the default of its standing, which the daily run
 * copies from {@link CadenceStanding} into {@code contact_cadence} so that no request classifies
 * anything. Archived, merged and lost companies have no cadence.
 */
@Service
public class ContactCadenceService implements ContactCadences {

    public static final String CONTACT_CADENCE = "ContactCadence";
    static final int MIN_DAYS = 1;
    static final int MAX_DAYS = 365;
    static final int MAX_REASON = 2000;
    static final Paging PAGING = Paging.sortableBy(Map.of("daysOverdue", "x.days_overdue",
            "companyName", "lower(x.name)", "lastContact", "x.last_contact"),
            Sort.by(Sort.Order.desc("daysOverdue"), Sort.Order.asc("companyName")));

    private static final String DEFAULT_DAYS = Arrays.stream(Standing.values())
            .map(standing -> "when '" + standing.name() + "' then " + standing.defaultDays())
            .collect(Collectors.joining(" ", "case coalesce(cc.standing, 'NONE') ", " end"));
    /** Every company with a cadence in the scope, with its figures on :today. */
    private static final String CADENCES = """
            select x.*, cast(:today as date) - x.last_contact - x.cadence_days as days_overdue from (
                select c.id, c.name, c.owner_id, coalesce(cc.standing, 'NONE') as standing,
                       cc.days as individual_days, coalesce(cc.days, %s) as cadence_days,
                       cast(coalesce(l.last_at, c.created_at) at time zone :zone as date) as last_contact,
                       l.last_at is null as never_contacted,
                       cc.reason, cc.changed_by, cc.changed_at, coalesce(cc.version, 0) as version
                from company_ref c
                left join contact_cadence cc on cc.company_id = c.id
                left join lateral (select max(a.actual_start) as last_at from activity a
                                   where a.company_id = c.id and a.status = 'DONE') l on true
                where c.archived_at is null and c.merged_into is null and c.status <> 'LOST'
                  and (:everything or c.owner_id = any(:owners))
                  and (cast(:owner as uuid) is null or c.owner_id = :owner)
                  and (cast(:company as uuid) is null or c.id = :company)
            ) x
            """.formatted(DEFAULT_DAYS);
    private static final String OVERDUE = " where cast(:today as date) - x.last_contact > x.cadence_days ";
    private static final String WITH_NEXT_PLANNED = """
            select x.*, n.* from (%s) x
            left join lateral (select p.id as next_id, p.type as next_type, p.subject as next_subject,
                                      p.planned_start as next_start
                               from activity p where p.company_id = x.id and p.status = 'PLANNED'
                               order by p.planned_start, p.id limit 1) n on true
            """.formatted(CADENCES + OVERDUE);

    private final JdbcClient jdbc;
    private final VisibleCompanies companies;
    private final AccessPolicy accessPolicy;
    private final CadenceStanding standings;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ZoneId zone;

    ContactCadenceService(JdbcClient jdbc, VisibleCompanies companies, AccessPolicy accessPolicy,
            CadenceStanding standings, AuditLog auditLog, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.accessPolicy = accessPolicy;
        this.standings = standings;
        this.auditLog = auditLog;
        this.clock = clock;
        this.zone = zone;
    }

    /** The day it is in the department's zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * The cadence of a company the current user may see.
     *
     * @throws org.clientela.shared.RecordNotFoundException for a company the user may not see
     */
    @Transactional(readOnly = true)
    public CompanyCadence cadence(CompanyId company) {
        CompanyView view = companies.company(company);
        return cadences(RecordScope.everything(), null, company.value()).stream().findFirst()
                .map(row -> row.cadence(mayChange(view)))
                .orElseGet(() -> new CompanyCadence(view.id(), null, null, null, null, null, false, 0, 0, false));
    }

    /**
     * Sets an individual cadence of {@code days} (1–365), or goes back to the standing's default
     * with {@code days} {@code null}; either with a reason.
     *
     * @throws org.clientela.shared.RecordNotFoundException for a company the user may not see
     * @throws AccessDeniedException    for one who may see it but is neither its owner nor a head, the director, an admin
     * @throws StaleVersionException    when the cadence changed since the caller saw {@code expectedVersion}
     * @throws ConflictException        for an archived, merged or lost company: it has no cadence
     */
    @Transactional
    public CompanyCadence change(CompanyId company, Integer days, String reason, long expectedVersion) {
        CompanyView view = companies.company(company);
        if (!mayChange(view)) {
            throw new AccessDeniedException("A contact cadence is set by the company's owner, a head or the director");
        }
        InputErrors errors = new InputErrors();
        if (days != null && (days < MIN_DAYS || days > MAX_DAYS)) {
            errors.add("days", "activities.cadence.days.range", MIN_DAYS, MAX_DAYS);
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            errors.add("reason", "activities.cadence.reason.required");
        } else if (why.length() > MAX_REASON) {
            errors.add("reason", "activities.field.tooLong", MAX_REASON);
        }
        errors.throwIfAny();
        Row before = cadences(RecordScope.everything(), null, company.value()).stream().findFirst()
                .orElseThrow(() -> new ConflictException("activities.cadence.none"));
        if (before.version() != expectedVersion) {
            throw new StaleVersionException(CONTACT_CADENCE, company.value(), expectedVersion, before.version());
        }
        // the first change inserts the row unless the daily run made it; a concurrent first change loses
        int written = jdbc.sql("""
                        insert into contact_cadence (company_id, days, reason, changed_by, changed_at, version)
                        values (:company, :days, :reason, :me, :now, 1)
                        on conflict (company_id) do update
                            set days = excluded.days, reason = excluded.reason, changed_by = excluded.changed_by,
                                changed_at = excluded.changed_at, version = contact_cadence.version + 1
                            where contact_cadence.version = :version""")
                .param("company", company.value()).param("days", days).param("reason", why)
                .param("me", CurrentUser.get().id().value()).param("now", Timestamp.from(clock.instant()))
                .param("version", expectedVersion).update();
        if (written == 0) {
            throw new StaleVersionException(CONTACT_CADENCE, company.value(), expectedVersion, expectedVersion + 1);
        }
        auditLog.updated(CONTACT_CADENCE, company.value(), AuditChanges.of()
                .field("days", before.individualDays(), days).field("reason", before.reason(), why));
        return cadence(company);
    }

    /**
     * A page of the companies overdue for a contact that the current user may see: a manager's own,
     * a head's team's, everyone's for the director.
     *
     * @param owner whose companies; {@code null} for all in the scope
     */
    @Transactional(readOnly = true)
    public PageResponse<OverdueContact> overdue(UUID owner, Pageable pageable) {
        PageRequest page = PAGING.check(pageable);
        Map<String, Object> params = params(accessPolicy.currentScope(), owner, null);
        List<OverdueContact> rows = jdbc.sql(WITH_NEXT_PLANNED + " order by " + PAGING.orderBy(page, "x.id")
                        + " limit :limit offset :offset")
                .params(params).param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query(this::overdueContact).list();
        long total = jdbc.sql("select count(*) from (" + CADENCES + OVERDUE + ") counted").params(params)
                .query(Long.class).single();
        return PageResponse.of(rows, page.getPageNumber(), page.getPageSize(), total);
    }

    /** How many companies the current user may see are overdue for a contact; {@code owner} as in {@link #overdue}. */
    @Transactional(readOnly = true)
    public long overdueCount(UUID owner) {
        return jdbc.sql("select count(*) from (" + CADENCES + OVERDUE + ") counted")
                .params(params(accessPolicy.currentScope(), owner, null)).query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OverdueContact> overdueOn(LocalDate day) {
        Map<String, Object> params = params(RecordScope.everything(), null, null);
        params.put("today", day);
        return jdbc.sql(WITH_NEXT_PLANNED + " order by x.days_overdue desc, x.id").params(params)
                .query(this::overdueContact).list();
    }

    @Override
    public void refreshStandings(Collection<UUID> companyIds) {
        store(standings.standings(companyIds, today()), companyIds.toArray(UUID[]::new), today());
    }

    /** Takes the standing of every company afresh, as of {@code day}: the daily run and the demo world. */
    @Transactional
    public int refreshAll(LocalDate day) {
        UUID[] all = jdbc.sql("select id from company_ref where archived_at is null and merged_into is null")
                .query(UUID.class).list().toArray(UUID[]::new);
        return store(standings.standings(null, day), all, day);
    }

    /** Each of {@code companies}' standing, NONE where {@code found} has none; the people's settings stay. */
    private int store(Map<UUID, Standing> found, UUID[] companyIds, LocalDate day) {
        String[] values = new String[companyIds.length];
        for (int i = 0; i < companyIds.length; i++) {
            values[i] = found.getOrDefault(companyIds[i], Standing.NONE).name();
        }
        return jdbc.sql("""
                        insert into contact_cadence (company_id, standing, standing_on)
                        select s.id, s.standing, :day from unnest(:ids, :standings) as s (id, standing)
                        join company_ref c on c.id = s.id
                        on conflict (company_id) do update
                            set standing = excluded.standing, standing_on = excluded.standing_on""")
                .param("ids", companyIds).param("standings", values).param("day", day).update();
    }

    /** The owner of a company, or a head, the director, an admin (who may see it: the caller checked). */
    static boolean mayChange(CompanyView company) {
        CurrentUser me = CurrentUser.get();
        return me.hasAny(Role.HEAD, Role.DIRECTOR, Role.ADMIN)
                || (me.id().value().equals(company.ownerId()) && me.hasAny(Role.MANAGER, Role.KEY_ACCOUNT_MANAGER));
    }

    private List<Row> cadences(RecordScope scope, UUID owner, UUID company) {
        return jdbc.sql(CADENCES).params(params(scope, owner, company)).query(this::row).list();
    }

    private Map<String, Object> params(RecordScope scope, UUID owner, UUID company) {
        Map<String, Object> params = new HashMap<>();
        params.put("today", today());
        params.put("zone", zone.getId());
        params.put("everything", scope.isEverything());
        params.put("owners", scope.ownerIds());
        params.put("owner", owner);
        params.put("company", company);
        return params;
    }

    /** A row of {@link #CADENCES}. */
    private record Row(UUID companyId, String companyName, UUID ownerId, Cadence cadence, Integer individualDays,
            LocalDate lastContact, boolean neverContacted, int daysOverdue, String reason, UUID changedBy,
            Instant changedAt, long version) {

        CompanyCadence cadence(boolean mayChange) {
            return new CompanyCadence(companyId, cadence, reason, changedBy, changedAt, lastContact, neverContacted,
                    Math.max(0, daysOverdue), version, mayChange);
        }
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        Integer individual = rs.getObject("individual_days", Integer.class);
        Timestamp changedAt = rs.getTimestamp("changed_at");
        return new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("owner_id", UUID.class),
                new Cadence(rs.getInt("cadence_days"), Standing.valueOf(rs.getString("standing")), individual != null),
                individual, rs.getObject("last_contact", LocalDate.class), rs.getBoolean("never_contacted"),
                rs.getInt("days_overdue"), rs.getString("reason"), rs.getObject("changed_by", UUID.class),
                changedAt == null ? null : changedAt.toInstant(), rs.getLong("version"));
    }

    private OverdueContact overdueContact(ResultSet rs, int n) throws SQLException {
        Row row = row(rs, n);
        UUID next = rs.getObject("next_id", UUID.class);
        return new OverdueContact(row.companyId(), row.companyName(), row.ownerId(), row.lastContact(),
                row.neverContacted(), row.cadence(), row.daysOverdue(), next == null ? null
                        : new OverdueContact.NextActivity(next, ActivityType.valueOf(rs.getString("next_type")),
                                rs.getString("next_subject"), rs.getTimestamp("next_start").toInstant()));
    }
}
