package org.clientela.plans.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserDirectory.UserSummary;
import org.clientela.identity.UserId;
import org.clientela.plans.PlanPeriod;
import org.clientela.plans.PlanStatus;
import org.clientela.plans.TargetScope;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InputErrors;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.RecordNotFoundException;
import org.clientela.shared.StaleVersionException;
import org.clientela.shared.TypedNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales plans and their targets (T1): created and edited by the head, the director and the
 * administrator, approved and reopened by the head or the director; read by the managers, who see
 * the department's row, their own, the groups' and their key accounts'. Every change is audited.
 */
@Service
public class SalesPlans {

    public static final String ENTITY = "SalesPlan";
    public static final String READERS = "hasAnyRole('MANAGER', 'KEY_ACCOUNT_MANAGER', 'HEAD', 'DIRECTOR', 'ADMIN')";
    public static final String EDITORS = "hasAnyRole('HEAD', 'DIRECTOR', 'ADMIN')";
    public static final String APPROVERS = "hasAnyRole('HEAD', 'DIRECTOR')";

    static final String REQUIRED = "plans.error.required";
    static final String BAD_PERIOD = "plans.error.period";
    static final String NEGATIVE = "plans.error.negative";
    static final String BAD_NUMBER = "plans.error.number";
    static final String WHOLE = "plans.error.whole";
    static final String KOPECKS = "plans.error.kopecks";
    static final String TOO_LARGE = "plans.error.tooLarge";
    static final String BAD_SCOPE = "plans.error.scope";
    static final String UNKNOWN_MANAGER = "plans.error.unknownManager";
    static final String UNKNOWN_COMPANY = "plans.error.unknownCompany";
    static final String UNKNOWN_GROUP = "plans.error.unknownGroup";
    static final String NO_SCOPE_ID = "plans.error.departmentHasNoId";
    static final String TWICE = "plans.error.twice";
    static final String TOO_LONG = "plans.error.tooLong";
    static final String PERIOD_TAKEN = "plans.error.periodTaken";
    static final String APPROVED = "plans.error.approved";
    static final String NOT_APPROVED = "plans.error.notApproved";

    private static final BigDecimal MAX_MONEY = new BigDecimal("9999999999999999.99");
    private static final int MAX_COUNT = 1_000_000;

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final AccessPolicy access;
    private final AuditLog auditLog;
    private final Clock clock;

    SalesPlans(JdbcClient jdbc, UserDirectory users, AccessPolicy access, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.access = access;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public record PlanSummary(UUID id, PlanPeriod period, PlanStatus status, long version) {
    }

    /** Every plan, the latest period first. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<PlanSummary> list() {
        return jdbc.sql("select id, period, status, version from sales_plan order by period_start desc, period desc")
                .query((rs, n) -> new PlanSummary(rs.getObject("id", UUID.class), PlanPeriod.parse(rs.getString("period")),
                        PlanStatus.valueOf(rs.getString("status")), rs.getLong("version")))
                .list();
    }

    /** The plan of exactly this period, if there is one. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Optional<UUID> find(PlanPeriod period) {
        return jdbc.sql("select id from sales_plan where period = :period").param("period", period.code())
                .query(UUID.class).optional();
    }

    /** A new draft without targets; a second plan for a period is refused (409) naming the first. */
    @PreAuthorize(EDITORS)
    @Transactional
    public PlanView create(String periodText) {
        PlanPeriod period = period(periodText);
        find(period).ifPresent(existing -> {
            throw new ConflictException(PERIOD_TAKEN, period.code(), existing);
        });
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into sales_plan (id, period, period_start, period_end, status, version, created_by)
                        values (:id, :period, :start, :end, 'DRAFT', 0, :by)""")
                .param("id", id).param("period", period.code()).param("start", period.firstDay())
                .param("end", period.lastDay()).param("by", CurrentUser.get().id().value()).update();
        auditLog.created(ENTITY, id, AuditChanges.of().field("period", null, period.code())
                .field("status", null, PlanStatus.DRAFT));
        return view(id);
    }

    public static PlanPeriod period(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("period", REQUIRED);
        }
        try {
            return PlanPeriod.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("period", BAD_PERIOD);
        }
    }

    /** The plan with the rows the current user may see; 404 for none. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public PlanView view(UUID id) {
        CurrentUser user = CurrentUser.get();
        return assemble(id, user, seesWholePlan(user), CurrentUser.maySeeMargins());
    }

    /**
     * Every row of the plan with its margin, whoever asks: for the ranking of the managers, which
     * a manager sees only their own place of.
     */
    PlanView wholePlan(UUID id) {
        return assemble(id, CurrentUser.get(), true, true);
    }

    private PlanView assemble(UUID id, CurrentUser user, boolean wholePlan, boolean margins) {
        Header header = header(id, false);
        Map<String, Target> stored = targets(id);

        List<PlanRow> rows = new ArrayList<>();
        rows.add(row(TargetScope.DEPARTMENT, null, null, stored, margins));
        Map<UUID, String> managers = new LinkedHashMap<>();
        planManagers().forEach(manager -> managers.put(manager.id().value(), manager.fullName()));
        stored.values().stream().filter(target -> target.scope() == TargetScope.MANAGER)
                .filter(target -> !managers.containsKey(target.scopeId()))
                .forEach(target -> managers.put(target.scopeId(), users.find(new UserId(target.scopeId()))
                        .map(UserSummary::fullName).orElse(target.scopeId().toString())));
        managers.forEach((managerId, name) -> {
            if (wholePlan || managerId.equals(user.id().value())) {
                rows.add(row(TargetScope.MANAGER, managerId, name, stored, margins));
            }
        });
        groups().forEach((groupId, name) -> rows.add(row(TargetScope.GROUP, groupId, name, stored, margins)));
        Set<UUID> companyIds = stored.values().stream().filter(target -> target.scope() == TargetScope.COMPANY)
                .map(Target::scopeId).collect(Collectors.toSet());
        companies(companyIds).stream()
                .filter(company -> wholePlan || access.maySee(company.owner() == null ? null : new UserId(company.owner())))
                .forEach(company -> rows.add(row(TargetScope.COMPANY, company.id(), company.name(), stored, margins)));

        boolean editable = header.status == PlanStatus.DRAFT && user.hasAny(Role.HEAD, Role.DIRECTOR, Role.ADMIN);
        String approver = header.approvedBy == null ? null
                : users.find(new UserId(header.approvedBy)).map(UserSummary::fullName).orElse(null);
        return new PlanView(id, header.period, header.status, approver, header.approvedAt, header.version, rows,
                margins, editable, wholePlan);
    }

    /**
     * Sets the targets of the rows given (the rows not named keep theirs), all or none; refused
     * for an approved plan (409) and for a version other than the current one (409).
     */
    @PreAuthorize(EDITORS)
    @Transactional
    public PlanView saveTargets(UUID id, long expectedVersion, List<TargetInput> inputs) {
        Header header = lockForChange(id, expectedVersion);
        List<Target> targets = check(inputs == null ? List.of() : inputs);
        write(header, targets);
        return view(id);
    }

    /**
     * The rows of an imported table, checked as the grid's rows are and, when {@code write} and every
     * row is right, saved all at once as {@link #saveTargets} saves them; refused like it for an
     * approved plan or another version.
     *
     * @throws InvalidInputException with each problem at its row's field ({@code targets[2].revenue})
     */
    @PreAuthorize(EDITORS)
    @Transactional
    public PlanView importTargets(UUID id, long expectedVersion, List<TargetInput> inputs, boolean write) {
        Header header = lockForChange(id, expectedVersion);
        List<Target> targets = check(inputs);
        if (write) {
            write(header, targets);
        }
        return view(id);
    }

    /**
     * One cell of the grid as typed («1 200 000,50»; empty clears it).
     *
     * @throws InvalidInputException at the field {@code value} for a bad number
     */
    @PreAuthorize(EDITORS)
    @Transactional
    public PlanView setCell(UUID id, long expectedVersion, TargetScope scope, UUID scopeId, Measure measure,
            String text) {
        Header header = lockForChange(id, expectedVersion);
        BigDecimal value = null;
        if (text != null && !text.isBlank()) {
            try {
                value = TypedNumber.parse(text.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("value", BAD_NUMBER);
            }
        }
        Target current = targets(id).getOrDefault(Target.empty(scope, scopeId).key(), Target.empty(scope, scopeId));
        TargetInput input = new TargetInput(scope.name(), scopeId == null ? null : scopeId.toString(),
                current.revenue(), current.margin(), count(current.activeClients()), count(current.newClients()));
        input = switch (measure) {
            case REVENUE -> new TargetInput(input.scope(), input.scopeId(), value, input.margin(),
                    input.activeClients(), input.newClients());
            case MARGIN -> new TargetInput(input.scope(), input.scopeId(), input.revenue(), value,
                    input.activeClients(), input.newClients());
            case ACTIVE_CLIENTS -> new TargetInput(input.scope(), input.scopeId(), input.revenue(), input.margin(),
                    value, input.newClients());
            case NEW_CLIENTS -> new TargetInput(input.scope(), input.scopeId(), input.revenue(), input.margin(),
                    input.activeClients(), value);
        };
        List<Target> checked;
        try {
            checked = check(List.of(input));
        } catch (InvalidInputException wrong) {
            // the grid shows the message at the one cell that was typed
            InvalidInputException.Problem problem = wrong.problems().get(0);
            throw new InvalidInputException("value", problem.messageKey(), problem.arguments());
        }
        write(header, checked);
        return view(id);
    }

    /**
     * Adds a key account to the plan by its INN, without targets yet (one already in the plan
     * stays as it is).
     *
     * @throws InvalidInputException at the field {@code inn} when no active company has it
     */
    @PreAuthorize(EDITORS)
    @Transactional
    public PlanView addCompany(UUID id, long expectedVersion, String inn) {
        Header header = lockForChange(id, expectedVersion);
        String digits = inn == null ? "" : inn.strip();
        if (digits.isEmpty()) {
            throw new InvalidInputException("inn", REQUIRED);
        }
        UUID company = jdbc.sql("""
                        select id from company_ref where inn = :inn and archived_at is null and merged_into is null
                        order by lower(name), id limit 1""")
                .param("inn", digits).query(UUID.class).optional()
                .orElseThrow(() -> new InvalidInputException("inn", UNKNOWN_COMPANY));
        if (!targets(id).containsKey(Target.empty(TargetScope.COMPANY, company).key())) {
            write(header, List.of(Target.empty(TargetScope.COMPANY, company)));
        }
        return view(id);
    }

    private static BigDecimal count(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    /** Approved: fixed until reopened; with who and when. */
    @PreAuthorize(APPROVERS)
    @Transactional
    public PlanView approve(UUID id, long expectedVersion) {
        Header header = lockForChange(id, expectedVersion);
        UUID approver = CurrentUser.get().id().value();
        Instant now = clock.instant();
        jdbc.sql("""
                        update sales_plan set status = 'APPROVED', approved_by = :by, approved_at = :at,
                               version = version + 1
                        where id = :id""")
                .param("by", approver).param("at", Timestamp.from(now)).param("id", id).update();
        auditLog.updated(ENTITY, id, AuditChanges.of().field("status", header.status, PlanStatus.APPROVED)
                .field("approvedBy", null, CurrentUser.get().username()).field("approvedAt", null, now));
        return view(id);
    }

    /** Back to a draft, with the reason why (audited). */
    @PreAuthorize(APPROVERS)
    @Transactional
    public PlanView reopen(UUID id, long expectedVersion, String reason) {
        Header header = header(id, true);
        String why = reason == null ? "" : reason.strip();
        InputErrors errors = new InputErrors();
        if (why.isEmpty()) {
            errors.add("reason", REQUIRED);
        } else if (why.length() > 2000) {
            errors.add("reason", TOO_LONG, 2000);
        }
        errors.throwIfAny();
        checkVersion(header, expectedVersion);
        if (header.status != PlanStatus.APPROVED) {
            throw new ConflictException(NOT_APPROVED, header.period.code());
        }
        jdbc.sql("""
                        update sales_plan set status = 'DRAFT', approved_by = null, approved_at = null,
                               version = version + 1
                        where id = :id""")
                .param("id", id).update();
        auditLog.updated(ENTITY, id, AuditChanges.of().field("status", PlanStatus.APPROVED, PlanStatus.DRAFT)
                .field("reopenReason", null, why));
        return view(id);
    }

    /** The managers of the department: the enabled users with the role of a manager or a key account manager. */
    public List<UserSummary> planManagers() {
        Map<UserId, UserSummary> managers = new LinkedHashMap<>();
        for (Role role : List.of(Role.MANAGER, Role.KEY_ACCOUNT_MANAGER)) {
            users.withRole(role).stream().filter(UserSummary::enabled).forEach(user -> managers.put(user.id(), user));
        }
        return managers.values().stream().sorted(Comparator.comparing(UserSummary::fullName)).toList();
    }

    /** Whether the user sees every row of a plan, not only the department's, their own and their clients'. */
    public static boolean seesWholePlan(CurrentUser user) {
        return user.hasAny(Role.HEAD, Role.DIRECTOR, Role.ADMIN);
    }

    /** The assortment groups by name. */
    Map<UUID, String> groups() {
        Map<UUID, String> groups = new LinkedHashMap<>();
        jdbc.sql("select id, name from assortment_group order by lower(name)")
                .query((ResultSet rs) -> {
                    groups.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return groups;
    }

    record CompanyRef(UUID id, String name, UUID owner) {
    }

    private List<CompanyRef> companies(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, name, owner_id from company_ref where id = any(:ids) order by lower(name), id")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> new CompanyRef(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getObject("owner_id", UUID.class)))
                .list();
    }

    private PlanRow row(TargetScope scope, UUID scopeId, String name, Map<String, Target> stored, boolean margins) {
        Target target = stored.getOrDefault(Target.empty(scope, scopeId).key(), Target.empty(scope, scopeId));
        return new PlanRow(scope, scopeId, name, margins ? target : target.withoutMargin());
    }

    private Map<String, Target> targets(UUID planId) {
        return jdbc.sql("""
                        select scope, scope_id, revenue, margin, active_clients, new_clients
                        from sales_plan_target where plan_id = :id""")
                .param("id", planId).query(SalesPlans::target).list().stream()
                .collect(Collectors.toMap(Target::key, Function.identity()));
    }

    private static Target target(ResultSet rs, int n) throws SQLException {
        TargetScope scope = TargetScope.valueOf(rs.getString("scope"));
        UUID scopeId = rs.getObject("scope_id", UUID.class);
        return new Target(scope, scope == TargetScope.DEPARTMENT ? null : scopeId, rs.getBigDecimal("revenue"),
                rs.getBigDecimal("margin"), rs.getObject("active_clients", Integer.class),
                rs.getObject("new_clients", Integer.class));
    }

    private record Header(UUID id, PlanPeriod period, PlanStatus status, UUID approvedBy, Instant approvedAt,
            long version) {
    }

    private Header header(UUID id, boolean lock) {
        return jdbc.sql("select id, period, status, approved_by, approved_at, version from sales_plan where id = :id"
                        + (lock ? " for update" : ""))
                .param("id", id)
                .query((rs, n) -> {
                    Timestamp approvedAt = rs.getTimestamp("approved_at");
                    return new Header(id, PlanPeriod.parse(rs.getString("period")),
                            PlanStatus.valueOf(rs.getString("status")), rs.getObject("approved_by", UUID.class),
                            approvedAt == null ? null : approvedAt.toInstant(), rs.getLong("version"));
                })
                .optional().orElseThrow(() -> new RecordNotFoundException(ENTITY, id));
    }

    private Header lockForChange(UUID id, long expectedVersion) {
        Header header = header(id, true);
        checkVersion(header, expectedVersion);
        if (header.status == PlanStatus.APPROVED) {
            throw new ConflictException(APPROVED, header.period.code());
        }
        return header;
    }

    private static void checkVersion(Header header, long expectedVersion) {
        if (header.version != expectedVersion) {
            throw new StaleVersionException(ENTITY, header.id, expectedVersion, header.version);
        }
    }

    /** Checks every row at once, each problem at its field ({@code targets[2].revenue}). */
    private List<Target> check(List<TargetInput> inputs) {
        InputErrors errors = new InputErrors();
        Set<UUID> managers = planManagers().stream().map(user -> user.id().value()).collect(Collectors.toSet());
        Set<UUID> groups = groups().keySet();
        Set<UUID> companyIds = new HashSet<>();
        List<TargetScope> scopes = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            TargetInput input = inputs.get(i);
            String field = "targets[" + i + "].";
            TargetScope scope = null;
            UUID scopeId = null;
            if (input == null || input.scope() == null || input.scope().isBlank()) {
                errors.add(field + "scope", REQUIRED);
            } else {
                try {
                    scope = TargetScope.valueOf(input.scope().strip().toUpperCase());
                } catch (IllegalArgumentException e) {
                    errors.add(field + "scope", BAD_SCOPE);
                }
            }
            if (input != null && input.scopeId() != null && !input.scopeId().isBlank()) {
                try {
                    scopeId = UUID.fromString(input.scopeId().strip());
                } catch (IllegalArgumentException e) {
                    errors.add(field + "scopeId", unknown(scope));
                }
            }
            if (scope == TargetScope.COMPANY && scopeId != null) {
                companyIds.add(scopeId);
            }
            scopes.add(scope);
            ids.add(scopeId);
        }
        Set<UUID> companies = companies(companyIds).stream().map(CompanyRef::id).collect(Collectors.toSet());
        List<Target> targets = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            TargetInput input = inputs.get(i);
            TargetScope scope = scopes.get(i);
            UUID scopeId = ids.get(i);
            String field = "targets[" + i + "].";
            if (scope != null && !errors.has(field + "scopeId")) {
                if (scope == TargetScope.DEPARTMENT && scopeId != null) {
                    errors.add(field + "scopeId", NO_SCOPE_ID);
                } else if (scope != TargetScope.DEPARTMENT && scopeId == null) {
                    errors.add(field + "scopeId", REQUIRED);
                } else if (scope != TargetScope.DEPARTMENT && !(switch (scope) {
                    case MANAGER -> managers;
                    case GROUP -> groups;
                    default -> companies;
                }).contains(scopeId)) {
                    errors.add(field + "scopeId", unknown(scope));
                } else if (seen.putIfAbsent(Target.empty(scope, scopeId).key(), i) != null) {
                    errors.add(field + "scopeId", TWICE, seen.get(Target.empty(scope, scopeId).key()) + 1);
                }
            }
            if (input == null) {
                continue;
            }
            BigDecimal revenue = money(errors, field + "revenue", input.revenue());
            BigDecimal margin = money(errors, field + "margin", input.margin());
            Integer active = count(errors, field + "activeClients", input.activeClients());
            Integer fresh = count(errors, field + "newClients", input.newClients());
            if (scope != null) {
                targets.add(new Target(scope, scopeId, revenue, margin, active, fresh));
            }
        }
        errors.throwIfAny();
        return targets;
    }

    private static String unknown(TargetScope scope) {
        if (scope == null) {
            return BAD_SCOPE;
        }
        return switch (scope) {
            case MANAGER -> UNKNOWN_MANAGER;
            case GROUP -> UNKNOWN_GROUP;
            case COMPANY -> UNKNOWN_COMPANY;
            case DEPARTMENT -> NO_SCOPE_ID;
        };
    }

    /** A target in roubles: ≥ 0, kopecks at most. */
    static BigDecimal money(InputErrors errors, String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            errors.add(field, NEGATIVE);
            return null;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            errors.add(field, KOPECKS);
            return null;
        }
        if (value.compareTo(MAX_MONEY) > 0) {
            errors.add(field, TOO_LARGE);
            return null;
        }
        return value.setScale(2);
    }

    /** A number of clients: a whole number ≥ 0. */
    static Integer count(InputErrors errors, String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            errors.add(field, NEGATIVE);
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            errors.add(field, WHOLE);
            return null;
        }
        if (value.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
            errors.add(field, TOO_LARGE);
            return null;
        }
        return value.intValueExact();
    }

    private void write(Header header, List<Target> targets) {
        Map<String, Target> before = targets(header.id);
        AuditChanges changes = AuditChanges.of();
        for (Target target : targets) {
            Target old = before.get(target.key());
            jdbc.sql("""
                            insert into sales_plan_target (plan_id, scope, scope_id, revenue, margin, active_clients,
                                                           new_clients)
                            values (:plan, :scope, :scopeId, :revenue, :margin, :active, :fresh)
                            on conflict (plan_id, scope, scope_id) do update
                            set revenue = excluded.revenue, margin = excluded.margin,
                                active_clients = excluded.active_clients, new_clients = excluded.new_clients""")
                    .param("plan", header.id).param("scope", target.scope().name())
                    .param("scopeId", target.storedScopeId()).param("revenue", target.revenue())
                    .param("margin", target.margin()).param("active", target.activeClients())
                    .param("fresh", target.newClients()).update();
            for (Measure measure : Measure.values()) {
                changes.field(target.key() + "." + measure.field(), old == null ? null : old.value(measure),
                        target.value(measure));
            }
            if (old == null && target.scope() == TargetScope.COMPANY) {
                changes.field(target.key(), null, "added");
            }
        }
        jdbc.sql("update sales_plan set version = version + 1 where id = :id").param("id", header.id).update();
        if (!changes.isEmpty()) {
            auditLog.updated(ENTITY, header.id, changes);
        }
    }

    /** The plan of the period that contains {@code day}: the month's, else the quarter's. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Optional<UUID> current(LocalDate day) {
        return find(PlanPeriod.month(java.time.YearMonth.from(day)))
                .or(() -> find(PlanPeriod.quarterOf(java.time.YearMonth.from(day))));
    }
}
