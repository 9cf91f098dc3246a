package org.clientela.keyaccounts.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompanyId;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.RecordScope;
import org.clientela.identity.Role;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserDirectory.UserSummary;
import org.clientela.identity.UserId;
import org.clientela.keyaccounts.internal.AccountPlan.Action;
import org.clientela.keyaccounts.internal.AccountPlan.ActionStatus;
import org.clientela.keyaccounts.internal.AccountPlan.Execution;
import org.clientela.keyaccounts.internal.AccountPlan.Goals;
import org.clientela.keyaccounts.internal.AccountPlan.GroupRef;
import org.clientela.keyaccounts.internal.AccountPlan.Review;
import org.clientela.keyaccounts.internal.AccountPlan.Rights;
import org.clientela.keyaccounts.internal.AccountPlan.Status;
import org.clientela.platform.Paging;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InputErrors;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.PageResponse;
import org.clientela.shared.RecordNotFoundException;
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
 * The cooperation plans of the key accounts (K3). A plan is seen by those who see its company and
 * by the company's KAM; drafted by the KAM, the owner, the head or the director; approved and
 * reopened by the head or the director, who with the KAM write the quarterly reviews. The status
 * and note of an action move on in an approved plan too: that is its execution. Every change is
 * audited.
 */
@Service
public class AccountPlans {

    public static final String PLAN = "AccountPlan";
    public static final String ACTION = "AccountPlanAction";
    public static final Paging PAGING = Paging.sortableBy(Map.of("name", "lower(c.name)", "year", "p.year"),
            Sort.by(Sort.Order.desc("year"), Sort.Order.asc("name")));

    static final String REQUIRED = "keyaccounts.plan.error.required";
    static final String TOO_LONG = "keyaccounts.plan.error.tooLong";
    static final String NEGATIVE = "keyaccounts.plan.error.negative";
    static final String KOPECKS = "keyaccounts.plan.error.kopecks";
    static final String TOO_LARGE = "keyaccounts.plan.error.tooLarge";
    static final String PERCENT = "keyaccounts.plan.error.percent";
    static final String YEAR = "keyaccounts.plan.error.year";
    static final String UNKNOWN_GROUP = "keyaccounts.plan.error.unknownGroup";
    static final String UNKNOWN_USER = "keyaccounts.plan.error.unknownUser";
    static final String QUARTER = "keyaccounts.plan.error.quarter";
    static final String NOT_KEY = "keyaccounts.plan.error.notKey";
    static final String YEAR_TAKEN = "keyaccounts.plan.error.yearTaken";
    static final String APPROVED = "keyaccounts.plan.error.approved";
    static final String NOT_APPROVED = "keyaccounts.plan.error.notApproved";
    static final String NO_REVENUE_GOAL = "keyaccounts.plan.error.noRevenueGoal";
    static final String ACTION_FIXED = "keyaccounts.plan.error.actionFixed";

    static final int MAX_TEXT = 2000;
    static final int MAX_TITLE = 300;
    private static final BigDecimal MAX_MONEY = new BigDecimal("9999999999999999.99");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ZoneId zone;

    AccountPlans(JdbcClient jdbc, UserDirectory users, AccessPolicy accessPolicy, AuditLog auditLog, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.jdbc = jdbc;
        this.users = users;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.clock = clock;
        this.zone = zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    // ---- reading

    /** @throws RecordNotFoundException for a plan the user may not see, exactly as for none */
    @Transactional(readOnly = true)
    public AccountPlan plan(UUID id) {
        Header header = header(id, false);
        LocalDate today = today();
        boolean margins = CurrentUser.maySeeMargins();
        List<Action> actions = jdbc.sql("select * from account_plan_action where plan_id = :plan order by deadline, created_at, id")
                .param("plan", id).query((rs, n) -> action(rs, today)).list();
        List<Review> reviews = jdbc.sql("select * from account_plan_review where plan_id = :plan order by quarter")
                .param("plan", id)
                .query((rs, n) -> new Review(rs.getInt("quarter"), rs.getString("comment"),
                        userName(rs.getObject("written_by", UUID.class)), rs.getTimestamp("written_at").toInstant(),
                        rs.getLong("version")))
                .list();
        Goals goals = margins ? header.goals : withoutMargin(header.goals);
        return new AccountPlan(id, header.companyId, header.companyName, header.kamId, userName(header.kamId),
                header.year, header.status, goals, groups(header.goals.assortmentGroupIds()),
                userName(header.approvedBy), header.approvedAt, header.version,
                execution(header.companyId, header.year, header.goals, today, margins), actions, reviews,
                rights(header));
    }

    /** @throws RecordNotFoundException for a plan the user may not see */
    void requireVisible(UUID id) {
        header(id, false);
    }

    /** The plan of the company for the year, if there is one the user may see. */
    @Transactional(readOnly = true)
    public Optional<AccountPlan> of(CompanyId company, int year) {
        return jdbc.sql("select id from account_plan where company_id = :company and year = :year")
                .param("company", company.value()).param("year", year).query(UUID.class).optional()
                .flatMap(id -> {
                    try {
                        return Optional.of(plan(id));
                    } catch (RecordNotFoundException hidden) {
                        return Optional.empty();
                    }
                });
    }

    /**
     * The execution as of {@code today}: revenue and margin of the plan's year up to today's month.
     * A year still to come has none, a past year counts whole.
     */
    Execution execution(UUID company, int year, Goals goals, LocalDate today, boolean margins) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = year < today.getYear() ? LocalDate.of(year, 12, 1) : today.withDayOfMonth(1);
        BigDecimal[] actual = jdbc.sql("""
                        select coalesce(sum(revenue), 0) as revenue, coalesce(sum(revenue - cost), 0) as margin
                        from sales_fact_month where company_id = :company and month between :from and :to""")
                .param("company", company).param("from", from).param("to", to)
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal("revenue"), rs.getBigDecimal("margin")})
                .single();
        return new Execution(today, elapsedPercent(year, today), actual[0], percent(actual[0], goals.revenue()),
                margins ? actual[1] : null, margins ? percent(actual[1], goals.margin()) : null);
    }

    /** The share of the year gone by on {@code today}, in percent to one decimal: each month a twelfth. */
    static BigDecimal elapsedPercent(int year, LocalDate today) {
        if (year < today.getYear()) {
            return new BigDecimal("100.0");
        }
        if (year > today.getYear()) {
            return new BigDecimal("0.0");
        }
        int length = today.lengthOfMonth();
        BigDecimal days = BigDecimal.valueOf((long) (today.getMonthValue() - 1) * length + today.getDayOfMonth());
        return days.multiply(HUNDRED).divide(BigDecimal.valueOf(12L * length), 1, RoundingMode.HALF_UP);
    }

    /** {@code actual} as a percentage of {@code goal}, to one decimal; {@code null} without a goal to measure by. */
    static BigDecimal percent(BigDecimal actual, BigDecimal goal) {
        if (goal == null || goal.signum() == 0) {
            return null;
        }
        return actual.multiply(HUNDRED).divide(goal, 1, RoundingMode.HALF_UP);
    }

    /** One row of the list of plans. */
    public record Row(UUID id, UUID companyId, String companyName, int year, Status status, UUID kamId,
            String kamName, BigDecimal revenueGoal, BigDecimal revenue, BigDecimal revenuePercent,
            BigDecimal elapsedPercent, int overdueActions, long version) {
    }

    public record Filter(Integer year, Status status, UUID kamId) {
    }

    /** The plans the user may see, the latest year first, then by the company's name. */
    @Transactional(readOnly = true)
    public PageResponse<Row> list(Filter filter, Pageable pageable) {
        PageRequest page = PAGING.check(pageable);
        LocalDate today = today();
        StringBuilder where = new StringBuilder(VISIBLE);
        Map<String, Object> params = visibility();
        if (filter.year() != null) {
            where.append(" and p.year = :year");
            params.put("year", filter.year());
        }
        if (filter.status() != null) {
            where.append(" and p.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.kamId() != null) {
            where.append(" and k.kam_id = :kam");
            params.put("kam", filter.kamId());
        }
        long total = jdbc.sql("select count(*) " + PLANS + where).params(params).query(Long.class).single();
        List<Row> rows = jdbc.sql("""
                        select p.id, p.company_id, c.name, p.year, p.status, k.kam_id, p.revenue_goal, p.version,
                               coalesce(f.revenue, 0) as revenue, a.overdue
                        """ + PLANS + """
                        left join lateral (select sum(m.revenue) as revenue from sales_fact_month m
                                           where m.company_id = p.company_id and m.month >= make_date(p.year, 1, 1)
                                             and m.month <= least(:month, make_date(p.year, 12, 1))) f on true
                        left join lateral (select count(*) as overdue from account_plan_action x
                                           where x.plan_id = p.id and x.status in ('OPEN', 'IN_PROGRESS')
                                             and x.deadline < :today) a on true
                        """ + where + " order by " + PAGING.orderBy(page, "p.id") + " limit :limit offset :offset")
                .params(params).param("month", today.withDayOfMonth(1)).param("today", today)
                .param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query((rs, n) -> {
                    BigDecimal goal = rs.getBigDecimal("revenue_goal");
                    BigDecimal revenue = rs.getBigDecimal("revenue");
                    int year = rs.getInt("year");
                    UUID kam = rs.getObject("kam_id", UUID.class);
                    return new Row(rs.getObject("id", UUID.class), rs.getObject("company_id", UUID.class),
                            rs.getString("name"), year, Status.valueOf(rs.getString("status")), kam, userName(kam),
                            goal, revenue, percent(revenue, goal), elapsedPercent(year, today), rs.getInt("overdue"),
                            rs.getLong("version"));
                })
                .list();
        return PageResponse.of(rows, page.getPageNumber(), page.getPageSize(), total);
    }

    // ---- the plan and its goals

    /**
     * A new draft for a key account; one plan per company and year.
     *
     * @throws RecordNotFoundException for a company the user may not see
     * @throws ConflictException       for a company that is not a key account now, or a year taken
     */
    @Transactional
    public AccountPlan create(UUID companyId, Integer year, Goals goals) {
        if (companyId == null) {
            throw new InvalidInputException("companyId", REQUIRED);
        }
        Company company = company(companyId);
        requireEdit(company.ownerId, company.kamId);
        InputErrors errors = new InputErrors();
        if (year == null) {
            errors.add("year", REQUIRED);
        } else if (year < 2000 || year > 2100) {
            errors.add("year", YEAR);
        }
        Goals checked = check(errors, goals, null);
        errors.throwIfAny();
        if (!company.key) {
            throw new ConflictException(NOT_KEY, company.name);
        }
        // the company's key-account row serialises two creations of the same plan
        jdbc.sql("select 1 from key_account where company_id = :company for update").param("company", companyId)
                .query(Integer.class).single();
        jdbc.sql("select id from account_plan where company_id = :company and year = :year")
                .param("company", companyId).param("year", year).query(UUID.class).optional()
                .ifPresent(existing -> {
                    throw new ConflictException(YEAR_TAKEN, company.name, String.valueOf(year), existing);
                });
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into account_plan (id, company_id, year, status, revenue_goal, margin_goal, assortment_goal,
                            assortment_group_ids, share_of_wallet_goal, share_of_wallet_now, created_by, created_at, version)
                        values (:id, :company, :year, 'DRAFT', :revenue, :margin, :assortment, :groups, :share, :shareNow,
                            :by, :at, 0)""")
                .param("id", id).param("company", companyId).param("year", year)
                .params(goalParams(checked)).param("by", CurrentUser.get().id().value())
                .param("at", Timestamp.from(clock.instant())).update();
        auditLog.created(PLAN, id, goalChanges(AuditChanges.of().field("companyId", null, companyId)
                .field("year", null, year).field("status", null, Status.DRAFT), null, checked));
        return plan(id);
    }

    /**
     * The goals of a draft, all at once. A user who may not see margins leaves the margin goal as
     * it is (and may not set one: 403).
     */
    @Transactional
    public AccountPlan update(UUID id, long expectedVersion, Goals goals) {
        Header header = header(id, true);
        requireEdit(header.ownerId, header.kamId);
        checkVersion(header, expectedVersion);
        requireDraft(header);
        InputErrors errors = new InputErrors();
        Goals checked = check(errors, goals, header.goals);
        errors.throwIfAny();
        jdbc.sql("""
                        update account_plan set revenue_goal = :revenue, margin_goal = :margin, assortment_goal = :assortment,
                            assortment_group_ids = :groups, share_of_wallet_goal = :share, share_of_wallet_now = :shareNow,
                            version = version + 1
                        where id = :id""")
                .params(goalParams(checked)).param("id", id).update();
        auditLog.updated(PLAN, id, goalChanges(AuditChanges.of(), header.goals, checked));
        return plan(id);
    }

    /** Approved by the head or the director: its goals and actions are fixed until it is reopened. */
    @Transactional
    public AccountPlan approve(UUID id, long expectedVersion) {
        Header header = header(id, true);
        requireApprove();
        checkVersion(header, expectedVersion);
        requireDraft(header);
        if (header.goals.revenue() == null) {
            throw new ConflictException(NO_REVENUE_GOAL, header.companyName, String.valueOf(header.year));
        }
        Instant now = clock.instant();
        jdbc.sql("update account_plan set status = 'APPROVED', approved_by = :by, approved_at = :at, version = version + 1 where id = :id")
                .param("by", CurrentUser.get().id().value()).param("at", Timestamp.from(now)).param("id", id).update();
        auditLog.updated(PLAN, id, AuditChanges.of().field("status", header.status, Status.APPROVED)
                .field("approvedBy", null, CurrentUser.get().username()).field("approvedAt", null, now));
        return plan(id);
    }

    /** Back to a draft by the head or the director, with the reason why. */
    @Transactional
    public AccountPlan reopen(UUID id, long expectedVersion, String reason) {
        Header header = header(id, true);
        requireApprove();
        String why = reason == null ? "" : reason.strip();
        InputErrors errors = new InputErrors();
        text(errors, "reason", why, MAX_TEXT, true);
        errors.throwIfAny();
        checkVersion(header, expectedVersion);
        if (header.status != Status.APPROVED) {
            throw new ConflictException(NOT_APPROVED, header.companyName, String.valueOf(header.year));
        }
        jdbc.sql("update account_plan set status = 'DRAFT', approved_by = null, approved_at = null, version = version + 1 where id = :id")
                .param("id", id).update();
        auditLog.updated(PLAN, id, AuditChanges.of().field("status", Status.APPROVED, Status.DRAFT)
                .field("reopenReason", null, why));
        return plan(id);
    }

    // ---- actions

    /** What an action is to be; {@code status} {@code null} for a new one (open). */
    public record ActionInput(String title, UUID ownerId, LocalDate deadline, ActionStatus status, String note) {
    }

    /** A new open action of a draft; the plan's version moves on, so that an approval of what was seen before fails. */
    @Transactional
    public Action addAction(UUID planId, ActionInput input) {
        Header header = header(planId, true);
        requireEdit(header.ownerId, header.kamId);
        requireDraft(header);
        InputErrors errors = new InputErrors();
        String title = text(errors, "title", input.title(), MAX_TITLE, true);
        String note = text(errors, "note", input.note(), MAX_TEXT, false);
        owner(errors, input.ownerId());
        if (input.deadline() == null) {
            errors.add("deadline", REQUIRED);
        }
        errors.throwIfAny();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into account_plan_action (id, plan_id, title, owner_id, deadline, status, note, created_at, version)
                        values (:id, :plan, :title, :owner, :deadline, 'OPEN', :note, :at, 0)""")
                .param("id", id).param("plan", planId).param("title", title).param("owner", input.ownerId())
                .param("deadline", input.deadline()).param("note", note).param("at", Timestamp.from(clock.instant()))
                .update();
        bumpVersion(planId);
        auditLog.created(ACTION, id, AuditChanges.of().field("planId", null, planId).field("title", null, title)
                .field("ownerId", null, input.ownerId()).field("deadline", null, input.deadline())
                .field("status", null, ActionStatus.OPEN).field("note", null, note));
        return action(planId, id);
    }

    /**
     * An action's status and note, in any plan; its title, owner and deadline only in a draft (409
     * in an approved plan). Done records the day; leaving done forgets it.
     */
    @Transactional
    public Action updateAction(UUID planId, UUID actionId, long expectedVersion, ActionInput input) {
        Header header = header(planId, true);
        requireEdit(header.ownerId, header.kamId);
        Action before = jdbc.sql("select * from account_plan_action where id = :id and plan_id = :plan for update")
                .param("id", actionId).param("plan", planId).query((rs, n) -> action(rs, today())).optional()
                .orElseThrow(() -> new RecordNotFoundException(ACTION, actionId));
        if (before.version() != expectedVersion) {
            throw new StaleVersionException(ACTION, actionId, expectedVersion, before.version());
        }
        InputErrors errors = new InputErrors();
        String title = text(errors, "title", input.title(), MAX_TITLE, true);
        String note = text(errors, "note", input.note(), MAX_TEXT, false);
        if (!Objects.equals(input.ownerId(), before.ownerId())) {
            owner(errors, input.ownerId());
        }
        if (input.deadline() == null) {
            errors.add("deadline", REQUIRED);
        }
        if (input.status() == null) {
            errors.add("status", REQUIRED);
        }
        errors.throwIfAny();
        boolean replanned = !title.equals(before.title()) || !input.ownerId().equals(before.ownerId())
                || !input.deadline().equals(before.deadline());
        if (replanned && header.status == Status.APPROVED) {
            throw new ConflictException(ACTION_FIXED, before.title());
        }
        LocalDate doneOn = input.status() != ActionStatus.DONE ? null
                : before.status() == ActionStatus.DONE ? before.doneOn() : today();
        jdbc.sql("""
                        update account_plan_action set title = :title, owner_id = :owner, deadline = :deadline,
                            status = :status, done_on = :doneOn, note = :note, version = version + 1
                        where id = :id""")
                .param("title", title).param("owner", input.ownerId()).param("deadline", input.deadline())
                .param("status", input.status().name()).param("doneOn", doneOn).param("note", note)
                .param("id", actionId).update();
        if (replanned) {
            bumpVersion(planId);
        }
        auditLog.updated(ACTION, actionId, AuditChanges.of().field("title", before.title(), title)
                .field("ownerId", before.ownerId(), input.ownerId()).field("deadline", before.deadline(), input.deadline())
                .field("status", before.status(), input.status()).field("doneOn", before.doneOn(), doneOn)
                .field("note", before.note(), note));
        return action(planId, actionId);
    }

    /** @throws RecordNotFoundException for an action not of this plan, or a plan the user may not see */
    @Transactional(readOnly = true)
    public Action action(UUID planId, UUID actionId) {
        header(planId, false);
        return jdbc.sql("select * from account_plan_action where id = :id and plan_id = :plan")
                .param("id", actionId).param("plan", planId).query((rs, n) -> action(rs, today())).optional()
                .orElseThrow(() -> new RecordNotFoundException(ACTION, actionId));
    }

    // ---- reviews

    /**
     * The review of a quarter of the plan's year, written or rewritten by the head, the director or
     * the KAM.
     *
     * @param expectedVersion 0 for a quarter without a review yet
     */
    @Transactional
    public Review review(UUID planId, int quarter, long expectedVersion, String comment) {
        Header header = header(planId, true);
        if (!mayReview(header.kamId)) {
            throw new AccessDeniedException("Reviews are written by the head, the director and the KAM");
        }
        InputErrors errors = new InputErrors();
        if (quarter < 1 || quarter > 4) {
            errors.add("quarter", QUARTER);
        }
        String text = text(errors, "comment", comment, MAX_TEXT, true);
        errors.throwIfAny();
        Optional<Review> before = jdbc.sql("select * from account_plan_review where plan_id = :plan and quarter = :quarter for update")
                .param("plan", planId).param("quarter", quarter)
                .query((rs, n) -> new Review(quarter, rs.getString("comment"), null, null, rs.getLong("version")))
                .optional();
        long current = before.map(Review::version).orElse(0L);
        if (current != expectedVersion) {
            throw new StaleVersionException(PLAN + "Review", planId + "/" + quarter, expectedVersion, current);
        }
        UUID by = CurrentUser.get().id().value();
        jdbc.sql("""
                        insert into account_plan_review (plan_id, quarter, comment, written_by, written_at, version)
                        values (:plan, :quarter, :comment, :by, :at, 1)
                        on conflict (plan_id, quarter) do update set comment = excluded.comment,
                            written_by = excluded.written_by, written_at = excluded.written_at,
                            version = account_plan_review.version + 1""")
                .param("plan", planId).param("quarter", quarter).param("comment", text).param("by", by)
                .param("at", Timestamp.from(clock.instant())).update();
        auditLog.updated(PLAN, planId, AuditChanges.of()
                .field("reviewQ" + quarter, before.map(Review::comment).orElse(null), text));
        return plan(planId).review(quarter).orElseThrow();
    }

    // ---- who may

    /** Whether the current user may draft a plan of a company with this owner and KAM. */
    static boolean mayEdit(UUID ownerId, UUID kamId) {
        return CurrentUser.find().map(user -> user.hasAny(Role.HEAD, Role.DIRECTOR)
                || user.id().value().equals(ownerId) || user.id().value().equals(kamId)).orElse(false);
    }

    public static boolean mayApprove() {
        return CurrentUser.find().map(user -> user.hasAny(Role.HEAD, Role.DIRECTOR)).orElse(false);
    }

    static boolean mayReview(UUID kamId) {
        return mayApprove() || CurrentUser.find().map(user -> user.id().value().equals(kamId)).orElse(false);
    }

    private static void requireEdit(UUID ownerId, UUID kamId) {
        if (!mayEdit(ownerId, kamId)) {
            throw new AccessDeniedException("Account plans are drafted by the KAM, the owner, the head or the director");
        }
    }

    private static void requireApprove() {
        if (!mayApprove()) {
            throw new AccessDeniedException("Account plans are approved by the head or the director");
        }
    }

    private static Rights rights(Header header) {
        return new Rights(mayEdit(header.ownerId, header.kamId), mayApprove(), mayReview(header.kamId),
                CurrentUser.maySeeMargins());
    }

    /** Whether the current user may start the plan of the company: it is a key account one may draft for. */
    @Transactional(readOnly = true)
    public boolean mayCreate(CompanyId companyId) {
        Company company = company(companyId.value());
        return company.key && mayEdit(company.ownerId, company.kamId);
    }

    // ---- the rows

    private record Header(UUID id, UUID companyId, String companyName, UUID ownerId, UUID kamId, int year,
            Status status, Goals goals, UUID approvedBy, Instant approvedAt, long version) {
    }

    private record Company(UUID id, String name, UUID ownerId, UUID kamId, boolean key) {
    }

    private static final String PLANS = """
            from account_plan p
            join company_ref c on c.id = p.company_id
            left join key_account k on k.company_id = p.company_id
            """;

    /** Who sees a plan: those who see its company, and the company's KAM. */
    private static final String VISIBLE = " where (:everything or c.owner_id = any(:owners) or k.kam_id = :me)";

    private Map<String, Object> visibility() {
        RecordScope scope = accessPolicy.currentScope();
        Map<String, Object> params = new HashMap<>();
        params.put("everything", scope.isEverything());
        params.put("owners", scope.ownerIds());
        params.put("me", CurrentUser.find().map(user -> user.id().value()).orElse(new UUID(0, 0)));
        return params;
    }

    private Header header(UUID id, boolean lock) {
        Header header = jdbc.sql("select p.*, c.name, c.owner_id, k.kam_id " + PLANS + VISIBLE + " and p.id = :id"
                        + (lock ? " for update of p" : ""))
                .params(visibility()).param("id", id)
                .query((rs, n) -> {
                    Timestamp approvedAt = rs.getTimestamp("approved_at");
                    return new Header(id, rs.getObject("company_id", UUID.class), rs.getString("name"),
                            rs.getObject("owner_id", UUID.class), rs.getObject("kam_id", UUID.class), rs.getInt("year"),
                            Status.valueOf(rs.getString("status")), goals(rs), rs.getObject("approved_by", UUID.class),
                            approvedAt == null ? null : approvedAt.toInstant(), rs.getLong("version"));
                })
                .optional().orElseThrow(() -> new RecordNotFoundException(PLAN, id));
        return header;
    }

    /** A company the user may see or is the KAM of; 404 for any other. */
    private Company company(UUID id) {
        return jdbc.sql("""
                        select c.id, c.name, c.owner_id, k.kam_id, coalesce(k.is_key, false) as is_key
                        from company_ref c left join key_account k on k.company_id = c.id
                        where c.id = :id and c.archived_at is null and c.merged_into is null
                          and (:everything or c.owner_id = any(:owners) or k.kam_id = :me)""")
                .params(visibility()).param("id", id)
                .query((rs, n) -> new Company(id, rs.getString("name"), rs.getObject("owner_id", UUID.class),
                        rs.getObject("kam_id", UUID.class), rs.getBoolean("is_key")))
                .optional().orElseThrow(() -> new RecordNotFoundException("Company", id));
    }

    private static Goals goals(ResultSet rs) throws SQLException {
        UUID[] groups = (UUID[]) rs.getArray("assortment_group_ids").getArray();
        return new Goals(rs.getBigDecimal("revenue_goal"), rs.getBigDecimal("margin_goal"),
                rs.getString("assortment_goal"), Arrays.asList(groups), rs.getBigDecimal("share_of_wallet_goal"),
                rs.getBigDecimal("share_of_wallet_now"));
    }

    private static Goals withoutMargin(Goals goals) {
        return new Goals(goals.revenue(), null, goals.assortment(), goals.assortmentGroupIds(), goals.shareOfWallet(),
                goals.shareOfWalletNow());
    }

    private Action action(ResultSet rs, LocalDate today) throws SQLException {
        ActionStatus status = ActionStatus.valueOf(rs.getString("status"));
        LocalDate deadline = rs.getObject("deadline", LocalDate.class);
        UUID owner = rs.getObject("owner_id", UUID.class);
        return new Action(rs.getObject("id", UUID.class), rs.getString("title"), owner, userName(owner), deadline,
                status, rs.getObject("done_on", LocalDate.class), rs.getString("note"), rs.getLong("version"),
                status.pending() && deadline.isBefore(today));
    }

    private List<GroupRef> groups(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, name from assortment_group where id = any(:ids) order by lower(name)")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> new GroupRef(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }

    /** The assortment groups one may name in a plan, by name. */
    @Transactional(readOnly = true)
    public List<GroupRef> assortmentGroups() {
        return jdbc.sql("select id, name from assortment_group order by lower(name)")
                .query((rs, n) -> new GroupRef(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }

    /** Who may own an action: the enabled users of the department's roles, by name. */
    public List<UserSummary> actionOwners() {
        LinkedHashSet<UserSummary> owners = new LinkedHashSet<>();
        for (Role role : List.of(Role.KEY_ACCOUNT_MANAGER, Role.MANAGER, Role.HEAD, Role.DIRECTOR)) {
            owners.addAll(users.withRole(role));
        }
        return owners.stream().sorted(java.util.Comparator.comparing(UserSummary::fullName)).toList();
    }

    private String userName(UUID id) {
        return id == null ? null : users.find(new UserId(id)).map(UserSummary::fullName).orElse(null);
    }

    private void bumpVersion(UUID planId) {
        jdbc.sql("update account_plan set version = version + 1 where id = :id").param("id", planId).update();
    }

    private static void checkVersion(Header header, long expectedVersion) {
        if (header.version != expectedVersion) {
            throw new StaleVersionException(PLAN, header.id, expectedVersion, header.version);
        }
    }

    private static void requireDraft(Header header) {
        if (header.status == Status.APPROVED) {
            throw new ConflictException(APPROVED, header.companyName, String.valueOf(header.year));
        }
    }

    // ---- checks

    /** Checks every goal at once; {@code before} the stored goals of a plan being changed. */
    private Goals check(InputErrors errors, Goals goals, Goals before) {
        Goals input = goals == null ? new Goals(null, null, null, null, null, null) : goals;
        BigDecimal margin = input.margin();
        if (!CurrentUser.maySeeMargins()) {
            // such a user sees no margin goal: none given leaves the stored one as it is
            if (margin != null) {
                throw new AccessDeniedException("The margin goal is set by those who may see margins");
            }
            margin = before == null ? null : before.margin();
        }
        BigDecimal revenue = money(errors, "revenueGoal", input.revenue());
        margin = money(errors, "marginGoal", margin);
        String assortment = text(errors, "assortmentGoal", input.assortment(), MAX_TEXT, false);
        List<UUID> groupIds = input.assortmentGroupIds().stream().distinct().toList();
        if (groupIds.stream().anyMatch(Objects::isNull)) {
            errors.add("assortmentGroupIds", UNKNOWN_GROUP);
        } else if (groups(groupIds).size() != groupIds.size()) {
            errors.add("assortmentGroupIds", UNKNOWN_GROUP);
        }
        BigDecimal share = percentValue(errors, "shareOfWalletGoal", input.shareOfWallet());
        BigDecimal shareNow = percentValue(errors, "shareOfWalletNow", input.shareOfWalletNow());
        return new Goals(revenue, margin, assortment, groupIds, share, shareNow);
    }

    private static BigDecimal money(InputErrors errors, String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            errors.add(field, NEGATIVE);
        } else if (value.stripTrailingZeros().scale() > 2) {
            errors.add(field, KOPECKS);
        } else if (value.compareTo(MAX_MONEY) > 0) {
            errors.add(field, TOO_LARGE);
        } else {
            return value.setScale(2);
        }
        return null;
    }

    private static BigDecimal percentValue(InputErrors errors, String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0 || value.stripTrailingZeros().scale() > 2) {
            errors.add(field, PERCENT);
            return null;
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String text(InputErrors errors, String field, String value, int max, boolean required) {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            errors.add(field, REQUIRED);
        } else if (text.length() > max) {
            errors.add(field, TOO_LONG, max);
        }
        return text;
    }

    private void owner(InputErrors errors, UUID ownerId) {
        if (ownerId == null) {
            errors.add("ownerId", REQUIRED);
        } else if (users.find(new UserId(ownerId)).filter(UserSummary::enabled).isEmpty()) {
            errors.add("ownerId", UNKNOWN_USER);
        }
    }

    private static Map<String, Object> goalParams(Goals goals) {
        Map<String, Object> params = new HashMap<>();
        params.put("revenue", goals.revenue());
        params.put("margin", goals.margin());
        params.put("assortment", goals.assortment());
        params.put("groups", goals.assortmentGroupIds().toArray(UUID[]::new));
        params.put("share", goals.shareOfWallet());
        params.put("shareNow", goals.shareOfWalletNow());
        return params;
    }

    private static AuditChanges goalChanges(AuditChanges changes, Goals before, Goals after) {
        Goals old = before == null ? new Goals(null, null, null, null, null, null) : before;
        return changes.field("revenueGoal", old.revenue(), after.revenue())
                .field("marginGoal", old.margin(), after.margin())
                .field("assortmentGoal", old.assortment().isEmpty() ? null : old.assortment(),
                        after.assortment().isEmpty() ? null : after.assortment())
                .field("assortmentGroupIds", old.assortmentGroupIds(), after.assortmentGroupIds())
                .field("shareOfWalletGoal", old.shareOfWallet(), after.shareOfWallet())
                .field("shareOfWalletNow", old.shareOfWalletNow(), after.shareOfWalletNow());
    }
}
