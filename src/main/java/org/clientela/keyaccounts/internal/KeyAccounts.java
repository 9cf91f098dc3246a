package org.clientela.keyaccounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clientela.activities.ContactCadences;
import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanyView;
import org.clientela.clients.VisibleCompanies;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.RecordScope;
import org.clientela.identity.Role;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserDirectory.UserSummary;
import org.clientela.identity.UserId;
import org.clientela.keyaccounts.internal.KeyAccount.Basis;
import org.clientela.platform.Paging;
import org.clientela.shared.InputErrors;
import org.clientela.shared.PageResponse;
import org.clientela.shared.StaleVersionException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The key accounts (K2) as people see and decide them: a company's state, a head's or the
 * director's decision (mark or unmark with a reason, the KAM, the tier), the list. The rule's side
 * is {@link KeyAccountRule}.
 */
@Service
public class KeyAccounts {

    static final String KEY_ACCOUNT = "KeyAccount";
    static final int MAX_REASON = 2000;
    public static final Paging PAGING = Paging.sortableBy(Map.of("name", "lower(c.name)", "since", "k.since"),
            Sort.by("name"));

    private final JdbcClient jdbc;
    private final VisibleCompanies companies;
    private final UserDirectory users;
    private final ServiceTiers tiers;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final ContactCadences cadences;
    private final Clock clock;

    KeyAccounts(JdbcClient jdbc, VisibleCompanies companies, UserDirectory users, ServiceTiers tiers,
            AccessPolicy accessPolicy, AuditLog auditLog, ContactCadences cadences, Clock clock) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.users = users;
        this.tiers = tiers;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.cadences = cadences;
        this.clock = clock;
    }

    /** Whether the current user may decide key accounts: a head or the director. */
    public static boolean mayDecide() {
        return CurrentUser.find().map(user -> user.hasAny(Role.HEAD, Role.DIRECTOR)).orElse(false);
    }

    /** Refuses (403); the edges call it after checking that the user may see the company. */
    public static void requireMayDecide() {
        if (!mayDecide()) {
            throw new AccessDeniedException("Key accounts are decided by a head or the director");
        }
    }

    /** @throws org.clientela.shared.RecordNotFoundException for a company the user may not see */
    @Transactional(readOnly = true)
    public KeyAccount of(CompanyId company) {
        companies.company(company);
        return find(company.value()).orElse(KeyAccount.none(company.value()));
    }

    /** Who may be the company's KAM: the key account managers, and the company's own manager. */
    @Transactional(readOnly = true)
    public List<UserSummary> kamChoices(CompanyId company) {
        CompanyView view = companies.company(company);
        List<UserSummary> choices = new ArrayList<>(users.withRole(Role.KEY_ACCOUNT_MANAGER));
        if (view.ownerId() != null && choices.stream().noneMatch(user -> user.id().value().equals(view.ownerId()))) {
            users.find(new UserId(view.ownerId())).filter(UserSummary::enabled).ifPresent(choices::add);
        }
        return choices;
    }

    /**
     * A person's decision. The flag's basis becomes the decision when the flag changes, or when
     * "not key" is said of a company the rule could mark (a reason is then required); naming the
     * KAM or the tier of a rule-made key account leaves it rule-made.
     *
     * @param expectedVersion 0 for a company nobody decided anything about yet
     */
    @Transactional
    public KeyAccount decide(CompanyId company, Boolean key, String reason, UUID kamId, UUID tierId,
            long expectedVersion) {
        companies.company(company);
        requireMayDecide();
        KeyAccount before = locked(company.value(), expectedVersion);
        InputErrors errors = new InputErrors();
        if (key == null) {
            errors.add("key", "keyaccounts.key.required");
        }
        String why = reason == null ? "" : reason.strip();
        // "not key" said of a company the rule may mark is a decision too: it keeps the rule off
        boolean flagChanges = key != null && (key != before.key() || !key && before.basis() != Basis.DECISION);
        if (flagChanges && why.isEmpty()) {
            errors.add("reason", "keyaccounts.reason.required");
        } else if (why.length() > MAX_REASON) {
            errors.add("reason", "keyaccounts.reason.long", MAX_REASON);
        }
        if (kamId != null && kamChoices(company).stream().noneMatch(user -> user.id().value().equals(kamId))) {
            errors.add("kamId", "keyaccounts.kam.invalid");
        }
        ServiceTier tier = null;
        if (tierId != null) {
            tier = tiers.tiers().stream().filter(candidate -> candidate.id().equals(tierId)).findFirst().orElse(null);
            if (tier == null) {
                errors.add("tierId", "keyaccounts.tier.unknown");
            }
        }
        errors.throwIfAny();
        Basis basis = flagChanges || before.basis() == null ? Basis.DECISION : before.basis();
        Instant since = flagChanges || before.since() == null ? Instant.now(clock) : before.since();
        String newReason = flagChanges || before.reason() == null ? why : before.reason();
        if (before.version() == 0 && before.basis() == null) {
            jdbc.sql("""
                            insert into key_account (company_id, is_key, basis, since, reason, kam_id, tier_id, version)
                            values (:company, :key, :basis, :since, :reason, :kam, :tier, 1)""")
                    .params(Map.of("company", company.value(), "key", key, "basis", basis.name(),
                            "since", java.sql.Timestamp.from(since), "reason", newReason))
                    .param("kam", kamId).param("tier", tierId).update();
        } else {
            jdbc.sql("""
                            update key_account set is_key = :key, basis = :basis, since = :since, reason = :reason,
                                kam_id = :kam, tier_id = :tier, version = version + 1
                            where company_id = :company""")
                    .params(Map.of("company", company.value(), "key", key, "basis", basis.name(),
                            "since", java.sql.Timestamp.from(since), "reason", newReason))
                    .param("kam", kamId).param("tier", tierId).update();
        }
        AuditChanges changes = AuditChanges.of().field("key", before.key(), key)
                .field("basis", before.basis(), basis).field("reason", before.reason(), newReason)
                .field("kamId", before.kamId(), kamId)
                .field("tier", before.tier() == null ? null : before.tier().name(), tier == null ? null : tier.name());
        if (before.basis() == null) {
            auditLog.created(KEY_ACCOUNT, company.value(), changes);
        } else {
            auditLog.updated(KEY_ACCOUNT, company.value(), changes);
        }
        if (key != null && key != before.key()) {
            // one company's standing: the overdue contacts follow the decision at once, not tomorrow
            cadences.refreshStandings(List.of(company.value()));
        }
        return find(company.value()).orElseThrow();
    }

    /** One row of the list: a key account the user may see, with its class in the last whole quarter. */
    public record Row(UUID companyId, String name, Basis basis, Instant since, UUID kamId, String kamName,
            UUID tierId, String tierName) {
    }

    public record Filter(UUID kamId, UUID tierId, Basis basis) {
    }

    /** The key accounts among the companies the user may see, by name. */
    @Transactional(readOnly = true)
    public PageResponse<Row> list(Filter filter, Pageable pageable) {
        PageRequest page = PAGING.check(pageable);
        RecordScope scope = accessPolicy.currentScope();
        StringBuilder where = new StringBuilder("""
                from key_account k
                join company_ref c on c.id = k.company_id
                left join service_tier t on t.id = k.tier_id
                where k.is_key and c.archived_at is null and c.merged_into is null
                  and (:everything or c.owner_id = any(:owners))""");
        if (filter.kamId() != null) {
            where.append(" and k.kam_id = :kam");
        }
        if (filter.tierId() != null) {
            where.append(" and k.tier_id = :tier");
        }
        if (filter.basis() != null) {
            where.append(" and k.basis = :basis");
        }
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("everything", scope.isEverything());
        params.put("owners", scope.ownerIds());
        Optional.ofNullable(filter.kamId()).ifPresent(kam -> params.put("kam", kam));
        Optional.ofNullable(filter.tierId()).ifPresent(tier -> params.put("tier", tier));
        Optional.ofNullable(filter.basis()).ifPresent(basis -> params.put("basis", basis.name()));
        long total = jdbc.sql("select count(*) " + where).params(params).query(Long.class).single();
        List<Row> rows = jdbc.sql("""
                        select k.company_id, c.name, k.basis, k.since, k.kam_id, k.tier_id, t.name as tier_name
                        """ + where + " order by " + PAGING.orderBy(page, "c.id") + " limit :limit offset :offset")
                .params(params).param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query((rs, n) -> new Row(rs.getObject("company_id", UUID.class), rs.getString("name"),
                        Basis.valueOf(rs.getString("basis")), rs.getTimestamp("since").toInstant(),
                        rs.getObject("kam_id", UUID.class), kamName(rs.getObject("kam_id", UUID.class)),
                        rs.getObject("tier_id", UUID.class), rs.getString("tier_name")))
                .list();
        return PageResponse.of(rows, page.getPageNumber(), page.getPageSize(), total);
    }

    /** The KAMs that someone's key accounts have, for the list's filter. */
    @Transactional(readOnly = true)
    public List<UserSummary> kams() {
        return jdbc.sql("select distinct kam_id from key_account where is_key and kam_id is not null")
                .query(UUID.class).list().stream().map(id -> users.find(new UserId(id))).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(UserSummary::fullName)).toList();
    }

    Optional<KeyAccount> find(UUID company) {
        return jdbc.sql("select * from key_account where company_id = :company").param("company", company)
                .query(this::account).optional();
    }

    private KeyAccount locked(UUID company, long expectedVersion) {
        KeyAccount before = jdbc.sql("select * from key_account where company_id = :company for update")
                .param("company", company).query(this::account).optional().orElse(KeyAccount.none(company));
        if (before.version() != expectedVersion) {
            throw new StaleVersionException(KEY_ACCOUNT, company, expectedVersion, before.version());
        }
        return before;
    }

    private KeyAccount account(ResultSet rs, int row) throws SQLException {
        UUID kam = rs.getObject("kam_id", UUID.class);
        UUID tier = rs.getObject("tier_id", UUID.class);
        return new KeyAccount(rs.getObject("company_id", UUID.class), rs.getBoolean("is_key"),
                Basis.valueOf(rs.getString("basis")), rs.getTimestamp("since").toInstant(), rs.getString("reason"),
                kam, kamName(kam), tier == null ? null : tiers.tier(tier), rs.getLong("version"));
    }

    private String kamName(UUID kam) {
        return kam == null ? null : users.find(new UserId(kam)).map(UserSummary::fullName).orElse(null);
    }
}
