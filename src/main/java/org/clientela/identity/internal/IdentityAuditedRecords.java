package org.clientela.identity.internal;

import java.util.Optional;
import java.util.UUID;

import org.clientela.audit.AuditedRecords;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.clientela.identity.TeamId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may read the history of identity's records.
 * <ul>
 * <li>{@code User}: whoever may see the user, by the access policy with the user as the owner of
 * their own record (a manager himself, a head their team, director, credit controller and
 * administrator everyone).</li>
 * <li>{@code Team}: administrators and the director, who see every team, and the team's members.
 * Kept this simple on purpose: a team's history is its name; the members' changes are in
 * their own histories.</li>
 * </ul>
 * An id that is not a UUID, or of no existing record, is invisible.
 */
@Configuration(proxyBeanMethods = false)
class IdentityAuditedRecords {

    @Bean
    AuditedRecords userHistoryAccess(UserRepository users, AccessPolicy accessPolicy) {
        return new AuditedRecords() {
            @Override
            public String entityType() {
                return UserManagement.USER;
            }

            @Override
            public boolean maySee(String entityId) {
                return uuid(entityId).flatMap(users::findById)
                        .filter(user -> accessPolicy.maySee(user.userId()))
                        .isPresent();
            }
        };
    }

    @Bean
    AuditedRecords teamHistoryAccess(TeamRepository teams) {
        return new AuditedRecords() {
            @Override
            public String entityType() {
                return UserManagement.TEAM;
            }

            @Override
            public boolean maySee(String entityId) {
                Optional<CurrentUser> caller = CurrentUser.find();
                return caller.isPresent() && uuid(entityId).filter(teams::existsById)
                        .filter(id -> caller.get().hasAny(Role.ADMIN, Role.DIRECTOR)
                                || new TeamId(id).equals(caller.get().team()))
                        .isPresent();
            }
        };
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
