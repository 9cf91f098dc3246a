package org.clientela.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.clientela.identity.TeamId;
import org.clientela.identity.UserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person who logs in. Owns its password, roles, team and the login lock that slows down
 * password guessing.
 */
@Table("app_user")
class User {

    /** After this many failed logins in a row the account is locked for {@link #LOCK_DURATION}. */
    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @Id
    private final UUID id;
    private final String username;
    private String fullName;
    private String email;
    private String passwordHash;
    private UUID teamId;
    private boolean enabled;
    private int failedLogins;
    private Instant lockedUntil;
    private Instant passwordChangedAt;
    @MappedCollection(idColumn = "app_user")
    private Set<UserRole> roles;
    @Version
    private Long version;

    @PersistenceCreator
    User(UUID id, String username, String fullName, String email, String passwordHash, UUID teamId, boolean enabled,
            int failedLogins, Instant lockedUntil, Instant passwordChangedAt, Set<UserRole> roles, Long version) {
        this.id = id;
        this.username = username;
        this.fullName = fullName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.teamId = teamId;
        this.enabled = enabled;
        this.failedLogins = failedLogins;
        this.lockedUntil = lockedUntil;
        this.passwordChangedAt = passwordChangedAt;
        this.roles = roles;
        this.version = version;
    }

    static User create(String username, String fullName, String email, String passwordHash, TeamId team,
            Set<Role> roles, Instant now) {
        return create(UUID.randomUUID(), username, fullName, email, passwordHash, team, roles, now);
    }

    static User create(UUID id, String username, String fullName, String email, String passwordHash, TeamId team,
            Set<Role> roles, Instant now) {
        return new User(id, username, fullName, email, passwordHash,
                team == null ? null : team.value(), true, 0, null, now, toRows(roles), null);
    }

    void changeProfile(String fullName, String email, TeamId team, Set<Role> roles) {
        this.fullName = fullName;
        this.email = email;
        this.teamId = team == null ? null : team.value();
        this.roles = toRows(roles);
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        unlock();
    }

    void enable() {
        this.enabled = true;
    }

    void disable() {
        this.enabled = false;
    }

    void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(userId(), username, fullName, roles(), team());
    }

    UserId userId() {
        return new UserId(id);
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    String fullName() {
        return fullName;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    TeamId team() {
        return teamId == null ? null : new TeamId(teamId);
    }

    boolean enabled() {
        return enabled;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    Set<Role> roles() {
        return roles.isEmpty() ? Set.of()
                : roles.stream().map(UserRole::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    long version() {
        return version == null ? 0 : version;
    }

    private static Set<UserRole> toRows(Set<Role> roles) {
        return roles.stream().map(UserRole::new).collect(Collectors.toSet());
    }

    @Table("app_user_role")
    record UserRole(Role role) {
    }
}
