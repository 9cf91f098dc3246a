package org.clientela.activities.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clientela.activities.ActivityStatus;
import org.clientela.activities.ActivityType;
import org.clientela.activities.ActivityView;
import org.clientela.activities.CompanyActivities;
import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompaniesMerged;
import org.clientela.clients.CompanyContacts;
import org.clientela.clients.CompanyId;
import org.clientela.clients.ContactView;
import org.clientela.clients.VisibleCompanies;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.RecordScope;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserId;
import org.clientela.platform.Paging;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InputErrors;
import org.clientela.shared.PageResponse;
import org.clientela.shared.RecordNotFoundException;
import org.clientela.shared.StaleVersionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans activities, changes and cancels planned ones and records their outcomes. An activity is
 * visible exactly when its company is: one on a company the user may not see answers 404, like
 * one that does not exist. Every change goes to the audit log in its own transaction.
 */
@Service
public class ActivityService implements CompanyActivities {

    public static final String ACTIVITY = "Activity";
    static final int MAX_SUBJECT = 300;
    static final int MAX_LOCATION = 300;
    static final int MAX_OUTCOME = 4000;
    static final int MAX_REASON = 2000;
    static final Paging PAGING = Paging.sortableBy(Map.of("plannedStart", "a.planned_start", "type", "a.type",
            "status", "a.status"), Sort.by("plannedStart"));

    private static final String SELECT = """
            select a.*, c.name as company_name, c.owner_id as company_owner,
                   (select n.id from activity n where n.previous_id = a.id order by n.created_at, n.id limit 1) as next_id
            from activity a
            join company_ref c on c.id = a.company_id
            """;
    private static final String IN_SCOPE = " (:everything or c.owner_id = any(:owners)) ";

    private final JdbcClient jdbc;
    private final VisibleCompanies companies;
    private final CompanyContacts contacts;
    private final AccessPolicy accessPolicy;
    private final UserDirectory users;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ZoneId zone;

    ActivityService(JdbcClient jdbc, VisibleCompanies companies, CompanyContacts contacts, AccessPolicy accessPolicy,
            UserDirectory users, AuditLog auditLog, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.contacts = contacts;
        this.accessPolicy = accessPolicy;
        this.users = users;
        this.auditLog = auditLog;
        this.clock = clock;
        this.zone = zone;
    }

    /** The department's zone: where a time typed without one is meant. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Plans an activity with a company the current user may see.
     *
     * @throws RecordNotFoundException for a company the user may not see
     * @throws org.clientela.shared.InvalidInputException with the wrong values at their fields
     */
    @Transactional
    public ActivityView plan(NewActivity input) {
        InputErrors errors = new InputErrors();
        UUID companyId = uuid(errors, "companyId", input.companyId(), true);
        errors.throwIfAny();
        CompanyId company = new CompanyId(companyId);
        companies.company(company);
        ActivityType type = type(errors, "type", input.type(), null);
        if (input.type() == null || input.type().isBlank()) {
            errors.add("type", "activities.field.required");
        }
        String subject = text(errors, "subject", input.subject(), MAX_SUBJECT, true);
        Instant start = moment(errors, "plannedStart", input.plannedStart(), true);
        Instant end = moment(errors, "plannedEnd", input.plannedEnd(), true);
        checkPlannedTimes(errors, "", start, end);
        ZoneId timeZone = timeZone(errors, "timeZone", input.timeZone());
        List<UUID> contactIds = contactIds(errors, company, input.contactIds());
        String location = text(errors, "location", input.location(), MAX_LOCATION, false);
        UUID owner = owner(errors, input.ownerId());
        errors.throwIfAny();
        UUID id = insert(companyId, owner, type, subject, start, end, timeZone, location, contactIds, null);
        return activity(id);
    }

    /**
     * Changes a planned activity that the caller saw in {@code expectedVersion}.
     *
     * @throws StaleVersionException when it changed since
     * @throws ConflictException     when it is done or cancelled
     */
    @Transactional
    public ActivityView change(UUID id, long expectedVersion, ActivityChanges changes) {
        ActivityView activity = plannedInVersion(id, expectedVersion);
        CompanyId company = new CompanyId(activity.companyId());
        InputErrors errors = new InputErrors();
        ActivityType type = type(errors, "type", changes.type(), activity.type());
        String subject = changes.subject() == null ? activity.subject()
                : text(errors, "subject", changes.subject(), MAX_SUBJECT, true);
        Instant start = changes.plannedStart() == null ? activity.plannedStart()
                : moment(errors, "plannedStart", changes.plannedStart(), true);
        Instant end = changes.plannedEnd() == null ? activity.plannedEnd()
                : moment(errors, "plannedEnd", changes.plannedEnd(), true);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("plannedEnd", "activities.plannedEnd.beforeStart");
        }
        // a start kept as it was may have passed meanwhile; only a new one must lie ahead
        if (start != null && !start.equals(activity.plannedStart()) && start.isBefore(clock.instant())) {
            errors.add("plannedStart", "activities.plannedStart.past");
        }
        ZoneId timeZone = changes.timeZone() == null ? activity.timeZone()
                : timeZone(errors, "timeZone", changes.timeZone());
        List<UUID> contactIds = changes.contactIds() == null
                ? activity.contacts().stream().map(ActivityView.Participant::id).toList()
                : contactIds(errors, company, changes.contactIds());
        String location = changes.location() == null ? activity.location()
                : text(errors, "location", changes.location(), MAX_LOCATION, false);
        errors.throwIfAny();
        int updated = jdbc.sql("""
                        update activity set type = :type, subject = :subject, planned_start = :start,
                            planned_end = :end, time_zone = :zone, location = :location, version = version + 1
                        where id = :id and version = :version and status = 'PLANNED'""")
                .param("type", type.name()).param("subject", subject).param("start", timestamp(start))
                .param("end", timestamp(end)).param("zone", timeZone.getId()).param("location", location)
                .param("id", id).param("version", expectedVersion).update();
        if (updated == 0) {
            throw new StaleVersionException(ACTIVITY, id, expectedVersion, expectedVersion + 1);
        }
        List<UUID> before = activity.contacts().stream().map(ActivityView.Participant::id).toList();
        if (!Set.copyOf(before).equals(Set.copyOf(contactIds))) {
            jdbc.sql("delete from activity_contact where activity_id = :id").param("id", id).update();
            insertContacts(id, contactIds);
        }
        auditLog.updated(ACTIVITY, id, AuditChanges.of().field("type", activity.type(), type)
                .field("subject", activity.subject(), subject).field("plannedStart", activity.plannedStart(), start)
                .field("plannedEnd", activity.plannedEnd(), end).field("timeZone", activity.timeZone(), timeZone)
                .field("location", activity.location(), location).field("contactIds", before, contactIds));
        return activity(id);
    }

    /**
     * Records how a planned activity went: it is done, late by the minutes its actual start came
     * after the planned one; a next step with a planned start plans the next activity, linked to
     * this one, with the same company, owner, zone and people.
     *
     * @throws StaleVersionException when it changed since the caller saw it
     * @throws ConflictException     when it is done or cancelled already
     */
    @Transactional
    public ActivityView recordOutcome(UUID id, long expectedVersion, OutcomeInput input) {
        ActivityView activity = plannedInVersion(id, expectedVersion);
        InputErrors errors = new InputErrors();
        Instant now = clock.instant();
        Instant actualStart = moment(errors, "actualStart", input.actualStart(), true);
        if (actualStart != null && actualStart.isAfter(now)) {
            errors.add("actualStart", "activities.actualStart.future");
        }
        String outcome = text(errors, "outcome", input.outcome(), MAX_OUTCOME, true);
        OutcomeInput.NextStep next = input.nextStep();
        String nextStep = null;
        ActivityType nextType = null;
        Instant nextStart = null;
        Instant nextEnd = null;
        if (next != null) {
            boolean planned = next.plannedStart() != null && !next.plannedStart().isBlank();
            // the next step's text is the next activity's subject
            nextStep = text(errors, "nextStep.subject", next.subject(), MAX_SUBJECT, planned);
            nextType = type(errors, "nextStep.type", next.type(), activity.type());
            if (planned) {
                nextStart = moment(errors, "nextStep.plannedStart", next.plannedStart(), true);
                nextEnd = next.plannedEnd() == null || next.plannedEnd().isBlank()
                        ? nextStart == null ? null
                                : nextStart.plus(Duration.between(activity.plannedStart(), activity.plannedEnd()))
                        : moment(errors, "nextStep.plannedEnd", next.plannedEnd(), true);
                checkPlannedTimes(errors, "nextStep.", nextStart, nextEnd);
            } else if (next.plannedEnd() != null && !next.plannedEnd().isBlank()) {
                errors.add("nextStep.plannedStart", "activities.nextStep.startRequired");
            }
        }
        errors.throwIfAny();
        int late = (int) Math.max(0, Duration.between(activity.plannedStart(), actualStart).toMinutes());
        int updated = jdbc.sql("""
                        update activity set status = 'DONE', actual_start = :actual, late_minutes = :late,
                            outcome = :outcome, next_step = :nextStep, closed_at = :now, version = version + 1
                        where id = :id and version = :version and status = 'PLANNED'""")
                .param("actual", timestamp(actualStart)).param("late", late).param("outcome", outcome)
                .param("nextStep", nextStep).param("now", timestamp(now)).param("id", id)
                .param("version", expectedVersion).update();
        if (updated == 0) {
            throw new StaleVersionException(ACTIVITY, id, expectedVersion, expectedVersion + 1);
        }
        auditLog.updated(ACTIVITY, id, AuditChanges.of().field("status", activity.status(), ActivityStatus.DONE)
                .field("actualStart", null, actualStart).field("lateMinutes", null, late)
                .field("outcome", null, outcome).field("nextStep", null, nextStep));
        if (nextStart != null) {
            insert(activity.companyId(), activity.ownerId(), nextType, nextStep, nextStart, nextEnd,
                    activity.timeZone(), activity.location(),
                    activity.contacts().stream().map(ActivityView.Participant::id).toList(), id);
        }
        return activity(id);
    }

    /**
     * Cancels a planned activity, with the reason.
     *
     * @throws StaleVersionException when it changed since the caller saw it
     * @throws ConflictException     when it is done or cancelled already
     */
    @Transactional
    public ActivityView cancel(UUID id, long expectedVersion, String reason) {
        ActivityView activity = plannedInVersion(id, expectedVersion);
        InputErrors errors = new InputErrors();
        String why = text(errors, "reason", reason, MAX_REASON, true);
        errors.throwIfAny();
        int updated = jdbc.sql("""
                        update activity set status = 'CANCELLED', cancel_reason = :reason, closed_at = :now,
                            version = version + 1
                        where id = :id and version = :version and status = 'PLANNED'""")
                .param("reason", why).param("now", timestamp(clock.instant())).param("id", id)
                .param("version", expectedVersion).update();
        if (updated == 0) {
            throw new StaleVersionException(ACTIVITY, id, expectedVersion, expectedVersion + 1);
        }
        auditLog.updated(ACTIVITY, id, AuditChanges.of()
                .field("status", activity.status(), ActivityStatus.CANCELLED).field("cancelReason", null, why));
        return activity(id);
    }

    /** @throws RecordNotFoundException for one that does not exist or whose company the user may not see */
    @Transactional(readOnly = true)
    public ActivityView activity(UUID id) {
        RecordScope scope = accessPolicy.currentScope();
        return jdbc.sql(SELECT + " where a.id = :id and" + IN_SCOPE).param("id", id)
                .param("everything", scope.isEverything()).param("owners", scope.ownerIds())
                .query(this::row).optional().map(row -> views(List.of(row)).get(0))
                .orElseThrow(() -> new RecordNotFoundException(ACTIVITY, id));
    }

    /** A page of the activities the current user may see, filtered. */
    @Transactional(readOnly = true)
    public PageResponse<ActivityView> page(ActivityQuery query, Pageable pageable) {
        PageRequest page = PAGING.check(pageable);
        InputErrors errors = new InputErrors();
        UUID company = uuid(errors, "companyId", query.companyId(), false);
        UUID owner = uuid(errors, "ownerId", query.ownerId(), false);
        LocalDate from = day(errors, "from", query.from());
        LocalDate to = day(errors, "to", query.to());
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("to", "activities.range.toBeforeFrom");
        }
        ActivityType type = type(errors, "type", query.type(), null);
        ActivityStatus status = status(errors, query.status());
        errors.throwIfAny();
        RecordScope scope = accessPolicy.currentScope();
        String where = " where" + IN_SCOPE + """
                and (cast(:company as uuid) is null or a.company_id = :company)
                and (cast(:owner as uuid) is null or a.owner_id = :owner)
                and (cast(:from as timestamptz) is null or a.planned_start >= :from)
                and (cast(:to as timestamptz) is null or a.planned_start < :to)
                and (cast(:type as text) is null or a.type = :type)
                and (cast(:status as text) is null or a.status = :status)
                """;
        Map<String, Object> params = new HashMap<>();
        params.put("everything", scope.isEverything());
        params.put("owners", scope.ownerIds());
        params.put("company", company);
        params.put("owner", owner);
        params.put("from", from == null ? null : timestamp(from.atStartOfDay(zone).toInstant()));
        params.put("to", to == null ? null : timestamp(to.plusDays(1).atStartOfDay(zone).toInstant()));
        params.put("type", type == null ? null : type.name());
        params.put("status", status == null ? null : status.name());
        List<Row> rows = jdbc.sql(SELECT + where + " order by " + PAGING.orderBy(page, "a.id")
                        + " limit :limit offset :offset")
                .params(params).param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query(this::row).list();
        long total = jdbc.sql("select count(*) from activity a join company_ref c on c.id = a.company_id" + where)
                .params(params).query(Long.class).single();
        return PageResponse.of(views(rows), page.getPageNumber(), page.getPageSize(), total);
    }

    /** The activities with a company the current user may see, the latest planned first. */
    @Transactional(readOnly = true)
    public List<ActivityView> ofCompany(CompanyId company) {
        companies.company(company);
        return views(jdbc.sql(SELECT + " where a.company_id = :company order by a.planned_start desc, a.id")
                .param("company", company.value()).query(this::row).list());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ActivityView> lastDone(CompanyId company, int limit) {
        companies.company(company);
        return views(jdbc.sql(SELECT + """
                         where a.company_id = :company and a.status = 'DONE'
                        order by a.actual_start desc, a.id limit :limit""")
                .param("company", company.value()).param("limit", limit).query(this::row).list());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ActivityView> nextPlanned(CompanyId company) {
        companies.company(company);
        return views(jdbc.sql(SELECT + """
                         where a.company_id = :company and a.status = 'PLANNED'
                          and coalesce(a.planned_end, a.planned_start) >= :now
                        order by a.planned_start, a.id limit 1""")
                .param("company", company.value()).param("now", timestamp(clock.instant())).query(this::row).list())
                .stream().findFirst();
    }

    /**
     * The planned activities the current user may see that start before {@code to}, all of them
     * still planned however long ago (a forgotten one must show), the earliest first.
     *
     * @param owner whose; {@code null} for everyone's in the user's scope
     */
    @Transactional(readOnly = true)
    public List<ActivityView> plannedUntil(UUID owner, Instant to) {
        RecordScope scope = accessPolicy.currentScope();
        return views(jdbc.sql(SELECT + " where" + IN_SCOPE + """
                        and a.status = 'PLANNED' and a.planned_start < :to
                        and (cast(:owner as uuid) is null or a.owner_id = :owner)
                        order by a.planned_start, a.id""")
                .param("everything", scope.isEverything()).param("owners", scope.ownerIds())
                .param("to", timestamp(to)).param("owner", owner).query(this::row).list());
    }

    /**
     * The activities the current user may see, of any status, planned to start in
     * [{@code from}, {@code to}), the earliest first: a calendar's week or month.
     *
     * @param owner whose; {@code null} for everyone's in the user's scope
     */
    @Transactional(readOnly = true)
    public List<ActivityView> between(UUID owner, Instant from, Instant to) {
        RecordScope scope = accessPolicy.currentScope();
        return views(jdbc.sql(SELECT + " where" + IN_SCOPE + """
                        and a.planned_start >= :from and a.planned_start < :to
                        and (cast(:owner as uuid) is null or a.owner_id = :owner)
                        order by a.planned_start, a.id""")
                .param("everything", scope.isEverything()).param("owners", scope.ownerIds())
                .param("from", timestamp(from)).param("to", timestamp(to)).param("owner", owner)
                .query(this::row).list());
    }

    /**
     * The activities {@code owner} does, of any status, planned to start in [{@code from},
     * {@code to}): their own calendar feed, read where nobody is logged in, so by the owner alone.
     */
    @Transactional(readOnly = true)
    List<ActivityView> ownedBy(UUID owner, Instant from, Instant to) {
        return views(jdbc.sql(SELECT + """
                         where a.owner_id = :owner and a.planned_start >= :from and a.planned_start < :to
                        order by a.planned_start, a.id""")
                .param("owner", owner).param("from", timestamp(from)).param("to", timestamp(to))
                .query(this::row).list());
    }

    /** The activities of a duplicate are the survivor's now, in the merge's transaction. */
    @EventListener
    void on(CompaniesMerged merged) {
        List<UUID> moved = jdbc.sql("""
                        update activity set company_id = :survivor, version = version + 1
                        where company_id = :duplicate
                        returning id""")
                .param("survivor", merged.survivor().value()).param("duplicate", merged.duplicate().value())
                .query(UUID.class).list();
        for (UUID id : moved) {
            auditLog.updated(ACTIVITY, id, AuditChanges.of().field("companyId", merged.duplicate(), merged.survivor()));
        }
    }

    private ActivityView plannedInVersion(UUID id, long expectedVersion) {
        ActivityView activity = activity(id);
        if (activity.version() != expectedVersion) {
            throw new StaleVersionException(ACTIVITY, id, expectedVersion, activity.version());
        }
        if (!activity.isPlanned()) {
            throw new ConflictException("activities.notPlanned");
        }
        return activity;
    }

    private UUID insert(UUID company, UUID owner, ActivityType type, String subject, Instant start, Instant end,
            ZoneId timeZone, String location, List<UUID> contactIds, UUID previous) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into activity (id, company_id, owner_id, type, subject, planned_start, planned_end,
                            time_zone, location, previous_id, created_by, created_at)
                        values (:id, :company, :owner, :type, :subject, :start, :end, :zone, :location, :previous,
                            :me, :now)""")
                .param("id", id).param("company", company).param("owner", owner).param("type", type.name())
                .param("subject", subject).param("start", timestamp(start)).param("end", timestamp(end))
                .param("zone", timeZone.getId()).param("location", location).param("previous", previous)
                .param("me", CurrentUser.get().id().value()).param("now", timestamp(clock.instant())).update();
        insertContacts(id, contactIds);
        auditLog.created(ACTIVITY, id, AuditChanges.of().field("companyId", null, company)
                .field("ownerId", null, owner).field("type", null, type).field("subject", null, subject)
                .field("plannedStart", null, start).field("plannedEnd", null, end)
                .field("timeZone", null, timeZone).field("location", null, location)
                .field("contactIds", null, contactIds).field("previousId", null, previous));
        return id;
    }

    private void insertContacts(UUID activity, List<UUID> contactIds) {
        for (UUID contact : contactIds) {
            jdbc.sql("insert into activity_contact (activity_id, contact_id) values (:activity, :contact)")
                    .param("activity", activity).param("contact", contact).update();
        }
    }

    private void checkPlannedTimes(InputErrors errors, String prefix, Instant start, Instant end) {
        if (start != null && start.isBefore(clock.instant())) {
            errors.add(prefix + "plannedStart", "activities.plannedStart.past");
        }
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(prefix + "plannedEnd", "activities.plannedEnd.beforeStart");
        }
    }

    /** The company's people named, each once; one of another company is refused. */
    private List<UUID> contactIds(InputErrors errors, CompanyId company, List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            return List.of();
        }
        Set<UUID> ofCompany = contacts.of(company).stream().map(ContactView::id).collect(Collectors.toSet());
        Set<UUID> chosen = new LinkedHashSet<>();
        for (String text : texts) {
            UUID id = parseUuid(text);
            if (id == null || !ofCompany.contains(id)) {
                errors.add("contactIds", "activities.contact.notOfCompany", text);
            } else {
                chosen.add(id);
            }
        }
        return List.copyOf(chosen);
    }

    /** The current user, or someone whose records they may see (a head plans for the team). */
    private UUID owner(InputErrors errors, String text) {
        UserId me = CurrentUser.get().id();
        if (text == null || text.isBlank()) {
            return me.value();
        }
        UUID id = parseUuid(text);
        boolean known = id != null && users.find(new UserId(id)).filter(UserDirectory.UserSummary::enabled)
                .filter(user -> accessPolicy.maySee(user.id())).isPresent();
        if (!known) {
            errors.add("ownerId", "activities.owner.unknown");
            return null;
        }
        return id;
    }

    private ZoneId timeZone(InputErrors errors, String field, String text) {
        if (text == null || text.isBlank()) {
            return zone;
        }
        // IANA region ids only: a bare offset would not follow the clocks of summer time
        if (!ZoneId.getAvailableZoneIds().contains(text.strip())) {
            errors.add(field, "activities.timeZone.unknown", text.strip());
            return null;
        }
        return ZoneId.of(text.strip());
    }

    /** The type named, or {@code absent} when none is. */
    private static ActivityType type(InputErrors errors, String field, String text, ActivityType absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return ActivityType.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(field, "activities.type.unknown", text.strip());
            return null;
        }
    }

    private static ActivityStatus status(InputErrors errors, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ActivityStatus.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add("status", "activities.status.unknown", text.strip());
            return null;
        }
    }

    private static Instant moment(InputErrors errors, String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.add(field, "activities.field.required");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, "activities.moment.invalid", text.strip());
            return null;
        }
    }

    private static LocalDate day(InputErrors errors, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "activities.date.invalid", text.strip());
            return null;
        }
    }

    private static UUID uuid(InputErrors errors, String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.add(field, "activities.field.required");
            }
            return null;
        }
        UUID id = parseUuid(text);
        if (id == null) {
            errors.add(field, "activities.id.invalid", text.strip());
        }
        return id;
    }

    private static UUID parseUuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(InputErrors errors, String field, String text, int maxLength, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.add(field, "activities.field.required");
            }
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > maxLength) {
            errors.add(field, "activities.field.tooLong", maxLength);
            return null;
        }
        return stripped;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A row before its people and its owner's name are added. */
    private record Row(UUID id, UUID companyId, String companyName, UUID ownerId, ActivityType type, String subject,
            Instant plannedStart, Instant plannedEnd, ZoneId timeZone, String location, ActivityStatus status,
            Instant actualStart, Integer lateMinutes, String outcome, String nextStep, String cancelReason,
            UUID previousId, UUID nextId, long version) {
    }

    private Row row(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("company_id", UUID.class),
                rs.getString("company_name"), rs.getObject("owner_id", UUID.class),
                ActivityType.valueOf(rs.getString("type")), rs.getString("subject"), instant(rs, "planned_start"),
                instant(rs, "planned_end"), ZoneId.of(rs.getString("time_zone")), rs.getString("location"),
                ActivityStatus.valueOf(rs.getString("status")), instant(rs, "actual_start"),
                rs.getObject("late_minutes", Integer.class), rs.getString("outcome"), rs.getString("next_step"),
                rs.getString("cancel_reason"), rs.getObject("previous_id", UUID.class),
                rs.getObject("next_id", UUID.class), rs.getLong("version"));
    }

    /** The rows with their people (by the company's own list, so as its contacts are shown) and owners. */
    private List<ActivityView> views(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<UUID>> taking = new HashMap<>();
        jdbc.sql("select activity_id, contact_id from activity_contact where activity_id = any(:ids)")
                .param("ids", rows.stream().map(Row::id).toArray(UUID[]::new))
                .query(rs -> {
                    taking.computeIfAbsent(rs.getObject("activity_id", UUID.class), key -> new ArrayList<>())
                            .add(rs.getObject("contact_id", UUID.class));
                });
        Map<UUID, Map<UUID, ContactView>> people = new HashMap<>();
        Map<UUID, String> ownerNames = new HashMap<>();
        List<ActivityView> views = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<ActivityView.Participant> participants = new ArrayList<>();
            List<UUID> ids = taking.getOrDefault(row.id(), List.of());
            if (!ids.isEmpty()) {
                Map<UUID, ContactView> ofCompany = people.computeIfAbsent(row.companyId(), company -> contacts
                        .of(new CompanyId(company)).stream().collect(Collectors.toMap(ContactView::id, c -> c)));
                for (UUID contact : ids) {
                    ContactView person = ofCompany.get(contact);
                    if (person != null) {
                        participants.add(new ActivityView.Participant(person.id(), person.fullName(),
                                person.position()));
                    }
                }
                participants.sort((a, b) -> a.fullName().compareToIgnoreCase(b.fullName()));
            }
            String ownerName = ownerNames.computeIfAbsent(row.ownerId(), owner -> users.find(new UserId(owner))
                    .map(UserDirectory.UserSummary::fullName).orElse(""));
            views.add(new ActivityView(row.id(), row.companyId(), row.companyName(), row.ownerId(), ownerName,
                    row.type(), row.subject(), row.plannedStart(), row.plannedEnd(), row.timeZone(), row.location(),
                    row.status(), row.actualStart(), row.lateMinutes(), row.outcome(), row.nextStep(),
                    row.cancelReason(), row.previousId(), row.nextId(), List.copyOf(participants), row.version()));
        }
        return views;
    }
}
