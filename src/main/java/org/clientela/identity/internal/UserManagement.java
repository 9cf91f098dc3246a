package org.clientela.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.Role;
import org.clientela.identity.TeamId;
import org.clientela.identity.UserId;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.RecordNotFoundException;
import org.clientela.shared.StaleVersionException;
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

    private final UserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwordEncoder;
    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final Clock clock;

    UserManagement(UserRepository users, TeamRepository teams, PasswordEncoder passwordEncoder,
            AccessPolicy accessPolicy, AuditLog auditLog, Clock clock) {
        this.users = users;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.clock = clock;
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
        user.changeProfile(changes.fullName().trim(), blankToNull(changes.email()), team, changes.roles());
        if (changes.enabled()) {
            user.enable();
        } else {
            user.disable();
        }
        users.save(user);
        auditLog.updated(USER, id, audit);
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
        auditLog.updated(TEAM, id, AuditChanges.of().field("name", team.name(), trimmed));
        team.rename(trimmed);
        teams.save(team);
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

    static String normalizeUsername(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
