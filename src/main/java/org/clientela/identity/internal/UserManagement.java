package org.clientela.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.RecordScope;
import org.clientela.identity.Role;
import org.clientela.identity.TeamId;
import org.clientela.identity.UserId;
import org.clientela.platform.Paging;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.PageResponse;
import org.clientela.shared.RecordNotFoundException;
import org.clientela.shared.StaleVersionException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that changes users and teams, for the admin screens, the profile page and the API
 * alike: checked, audited, in one transaction each.
 */
@Service
public class UserManagement {

    static final String USER = "User";
    static final String TEAM = "Team";
    static final int MIN_PASSWORD_LENGTH = 8;

    /** The orders of the user list: API property to SQL. */
    static final Paging USER_PAGING = Paging.sortableBy(Map.of(
            "username", "u.username",
            "fullName", "u.full_name",
            "email", "u.email",
            "team", "t.name",
            "enabled", "u.enabled"), Sort.by("fullName"));

    static final Paging TEAM_PAGING = Paging.sortableBy(Map.of(
            "name", "t.name",
            "memberCount", "member_count"), Sort.by("name"));

    private final UserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwordEncoder;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final ApiTokens tokens;

    UserManagement(UserRepository users, TeamRepository teams, PasswordEncoder passwordEncoder,
            AccessPolicy accessPolicy, AuditLog auditLog, Clock clock, JdbcClient jdbc, ApiTokens tokens) {
        this.users = users;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.clock = clock;
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    public record NewUser(String username, String fullName, String email, String password, UUID teamId,
            Set<Role> roles) {
    }

    public record UserChanges(String fullName, String email, UUID teamId, Set<Role> roles, boolean enabled) {
    }

    /** A user as the screens and the API show it. */
    public record UserView(UUID id, String username, String fullName, String email, UUID teamId, String teamName,
            Set<Role> roles, boolean enabled, boolean locked, long version) {
    }

    public record TeamView(UUID id, String name, long memberCount, long version) {
    }

    @Transactional
    public UserView create(NewUser command) {
        String username = normalizeUsername(command.username());
        if (!username.matches("[a-z0-9._-]{2,64}")) {
            throw new InvalidInputException("username", "identity.user.usernameFormat");
        }
        if (users.existsByUsername(username)) {
            throw new ConflictException("identity.user.usernameTaken", username);
        }
        requireRoles(command.roles());
        TeamId team = existingTeam(command.teamId());
        checkPassword(username, command.password());
        User user = User.create(username, command.fullName().trim(), blankToNull(command.email()),
                passwordEncoder.encode(command.password()), team, command.roles(), clock.instant());
        users.save(user);
        auditLog.created(USER, user.id(), AuditChanges.of()
                .field("username", null, username)
                .field("fullName", null, user.fullName())
                .field("email", null, user.email())
                .field("team", null, teamName(team))
                .field("roles", null, user.roles()));
        return view(user);
    }

    @Transactional
    public UserView update(UUID id, long expectedVersion, UserChanges changes) {
        User user = users.findById(id).orElseThrow(() -> new RecordNotFoundException(USER, id));
        if (user.version() != expectedVersion) {
            throw new StaleVersionException(USER, id, expectedVersion, user.version());
        }
        requireRoles(changes.roles());
        TeamId team = existingTeam(changes.teamId());
        if (user.roles().contains(Role.ADMIN) && user.enabled()
                && (!changes.roles().contains(Role.ADMIN) || !changes.enabled())) {
            requireAnotherAdmin(user);
        }
        AuditChanges audit = AuditChanges.of()
                .field("fullName", user.fullName(), changes.fullName().trim())
                .field("email", user.email(), blankToNull(changes.email()))
                .field("team", teamName(user.team()), teamName(team))
                .field("roles", user.roles(), changes.roles())
                .field("enabled", user.enabled(), changes.enabled());
        if (audit.isEmpty()) {
            // nothing changed: the version stays, so nobody else's copy turns stale
            return view(user);
        }
        user.changeProfile(changes.fullName().trim(), blankToNull(changes.email()), team, changes.roles());
        if (changes.enabled()) {
            user.enable();
        } else {
            user.disable();
        }
        users.save(user);
        auditLog.updated(USER, id, audit);
        // a token speaks for its owner as they are now: their roles, team and access
        tokens.forgetChecksAfterTransaction();
        return view(user);
    }

    /** The user's own password change: the current password proves it is them. */
    @Transactional
    public void changeOwnPassword(UserId userId, String currentPassword, String newPassword) {
        User user = users.findById(userId.value()).orElseThrow(() -> new RecordNotFoundException(USER, userId));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.passwordHash())) {
            throw new InvalidInputException("currentPassword", "identity.password.currentWrong");
        }
        setPassword(user, newPassword);
    }

    /** An administrator sets a new password, e.g. for a user who forgot theirs. */
    @Transactional
    public void resetPassword(UUID id, String newPassword) {
        setPassword(users.findById(id).orElseThrow(() -> new RecordNotFoundException(USER, id)), newPassword);
    }

    @Transactional
    public void unlock(UUID id) {
        User user = users.findById(id).orElseThrow(() -> new RecordNotFoundException(USER, id));
        if (user.lockedUntil() != null) {
            auditLog.updated(USER, id, AuditChanges.of().field("lockedUntil", user.lockedUntil(), null));
            user.unlock();
            users.save(user);
        }
    }

    @Transactional(readOnly = true)
    public List<UserView> allUsers() {
        return users.findAllOrderedByName().stream().map(this::view).toList();
    }

    /** A user the current user may see; any other answers as if it did not exist. */
    @Transactional(readOnly = true)
    public UserView visibleUser(UUID id) {
        return users.findById(id)
                .filter(user -> accessPolicy.maySee(user.userId()))
                .map(this::view)
                .orElseThrow(() -> new RecordNotFoundException(USER, id));
    }

    /** The users the current user may see, ordered by name. */
    @Transactional(readOnly = true)
    public List<UserView> visibleUsers() {
        var scope = accessPolicy.currentScope();
        return users.findAllOrderedByName().stream()
                .filter(user -> scope.includes(user.userId()))
                .map(this::view)
                .toList();
    }

    /**
     * One page of the users the current user may see, sorted by the whitelisted properties of
     * {@link #USER_PAGING} (400 on the field {@code sort} for any other).
     */
    @Transactional(readOnly = true)
    public PageResponse<UserView> visibleUsers(Pageable pageable) {
        PageRequest page = USER_PAGING.check(pageable);
        RecordScope scope = accessPolicy.currentScope();
        List<UUID> owners = scope.owners().map(ids -> ids.stream().map(UserId::value).toList()).orElse(List.of());
        if (!scope.isEverything() && owners.isEmpty()) {
            return PageResponse.of(List.of(), page.getPageNumber(), page.getPageSize(), 0);
        }
        // a scope is a handful of ids (one team at most), so "in" with expanded parameters is fine
        String where = scope.isEverything() ? "" : "where u.id in (:owners)";
        JdbcClient.StatementSpec count = jdbc.sql("select count(*) from app_user u " + where);
        JdbcClient.StatementSpec rows = jdbc.sql("""
                        select u.id, u.username, u.full_name, u.email, u.team_id, t.name as team_name, u.enabled,
                               coalesce(u.locked_until > :now, false) as locked, u.version,
                               (select string_agg(r.role, ',') from app_user_role r where r.app_user = u.id) as roles
                        from app_user u left join team t on t.id = u.team_id
                        %s
                        order by %s
                        limit :limit offset :offset
                        """.formatted(where, USER_PAGING.orderBy(page, "u.id")))
                .param("now", Timestamp.from(clock.instant()))
                .param("limit", page.getPageSize())
                .param("offset", page.getOffset());
        if (!scope.isEverything()) {
            count = count.param("owners", owners);
            rows = rows.param("owners", owners);
        }
        long total = count.query(Long.class).single();
        List<UserView> content = rows.query((rs, row) -> new UserView(rs.getObject("id", UUID.class),
                rs.getString("username"), rs.getString("full_name"), rs.getString("email"),
                rs.getObject("team_id", UUID.class), rs.getString("team_name"), roles(rs.getString("roles")),
                rs.getBoolean("enabled"), rs.getBoolean("locked"), rs.getLong("version"))).list();
        return PageResponse.of(content, page.getPageNumber(), page.getPageSize(), total);
    }

    /** One page of the teams, sorted by the whitelisted properties of {@link #TEAM_PAGING}. */
    @Transactional(readOnly = true)
    public PageResponse<TeamView> teams(Pageable pageable) {
        PageRequest page = TEAM_PAGING.check(pageable);
        long total = jdbc.sql("select count(*) from team").query(Long.class).single();
        List<TeamView> content = jdbc.sql("""
                        select t.id, t.name, t.version, count(u.id) as member_count
                        from team t left join app_user u on u.team_id = t.id
                        group by t.id, t.name, t.version
                        order by %s
                        limit :limit offset :offset
                        """.formatted(TEAM_PAGING.orderBy(page, "t.id")))
                .param("limit", page.getPageSize())
                .param("offset", page.getOffset())
                .query((rs, row) -> new TeamView(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getLong("member_count"), rs.getLong("version")))
                .list();
        return PageResponse.of(content, page.getPageNumber(), page.getPageSize(), total);
    }

    @Transactional(readOnly = true)
    public UserView user(UUID id) {
        return users.findById(id).map(this::view).orElseThrow(() -> new RecordNotFoundException(USER, id));
    }

    @Transactional
    public TeamView createTeam(String name) {
        String trimmed = requireTeamName(name, new UUID(0, 0));
        Team team = Team.create(trimmed);
        teams.save(team);
        auditLog.created(TEAM, team.id(), AuditChanges.of().field("name", null, trimmed));
        return new TeamView(team.id(), team.name(), 0, team.version());
    }

    @Transactional
    public TeamView renameTeam(UUID id, long expectedVersion, String name) {
        Team team = teams.findById(id).orElseThrow(() -> new RecordNotFoundException(TEAM, id));
        if (team.version() != expectedVersion) {
            throw new StaleVersionException(TEAM, id, expectedVersion, team.version());
        }
        String trimmed = requireTeamName(name, id);
        AuditChanges audit = AuditChanges.of().field("name", team.name(), trimmed);
        if (!audit.isEmpty()) {
            auditLog.updated(TEAM, id, audit);
            team.rename(trimmed);
            teams.save(team);
        }
        return new TeamView(team.id(), team.name(), users.findByTeamId(id).size(), team.version());
    }

    @Transactional(readOnly = true)
    public List<TeamView> allTeams() {
        return teams.findAllOrderedByName().stream()
                .map(team -> new TeamView(team.id(), team.name(), users.findByTeamId(team.id()).size(), team.version()))
                .toList();
    }

    @Transactional(readOnly = true)
    public TeamView team(UUID id) {
        return teams.findById(id)
                .map(team -> new TeamView(team.id(), team.name(), users.findByTeamId(id).size(), team.version()))
                .orElseThrow(() -> new RecordNotFoundException(TEAM, id));
    }

    private void setPassword(User user, String newPassword) {
        checkPassword(user.username(), newPassword);
        user.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        users.save(user);
        auditLog.updated(USER, user.id(), AuditChanges.of().field("password", null, "changed"));
    }

    private void checkPassword(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "identity.password.tooShort", MIN_PASSWORD_LENGTH);
        }
        if (password.toLowerCase(Locale.ROOT).contains(username)) {
            throw new InvalidInputException("password", "identity.password.containsUsername");
        }
    }

    private void requireRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInputException("roles", "identity.user.rolesRequired");
        }
    }

    private void requireAnotherAdmin(User user) {
        boolean another = users.findAll().stream().anyMatch(other -> !other.id().equals(user.id())
                && other.enabled() && other.roles().contains(Role.ADMIN));
        if (!another) {
            throw new ConflictException("identity.user.lastAdmin");
        }
    }

    private String requireTeamName(String name, UUID exceptId) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("name", "identity.team.nameRequired");
        }
        if (teams.nameTakenByOther(trimmed, exceptId)) {
            throw new ConflictException("identity.team.nameTaken", trimmed);
        }
        return trimmed;
    }

    private TeamId existingTeam(UUID teamId) {
        if (teamId == null) {
            return null;
        }
        if (!teams.existsById(teamId)) {
            throw new InvalidInputException("teamId", "identity.team.unknown");
        }
        return new TeamId(teamId);
    }

    private String teamName(TeamId team) {
        return team == null ? null : teams.findById(team.value()).map(Team::name).orElse(team.toString());
    }

    private UserView view(User user) {
        TeamId team = user.team();
        return new UserView(user.id(), user.username(), user.fullName(), user.email(),
                team == null ? null : team.value(), teamName(team), user.roles(), user.enabled(),
                user.isLockedAt(clock.instant()), user.version());
    }

    private static Set<Role> roles(String commaSeparated) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (commaSeparated != null) {
            Arrays.stream(commaSeparated.split(",")).map(Role::valueOf).forEach(roles::add);
        }
        return roles;
    }

    static String normalizeUsername(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
