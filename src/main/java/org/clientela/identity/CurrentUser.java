package org.clientela.identity;

import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person behind the current request, as every module sees them.
 *
 * @param team {@code null} for a user outside any team (e.g. the director)
 */
public record CurrentUser(UserId id, String username, String fullName, Set<Role> roles, TeamId team)
        implements Serializable {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    /** Implemented by the authentication principals of this module. */
    public interface Holder {
        CurrentUser currentUser();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        for (Role role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the user of this thread may see cost prices and margins: a commercial secret of the
     * management (P1) — the head, the director and the administrator — wherever they are shown.
     */
    public static boolean maySeeMargins() {
        return find().map(user -> user.hasAny(Role.HEAD, Role.DIRECTOR, Role.ADMIN)).orElse(false);
    }

    /** The authenticated user of this thread, if any. */
    public static Optional<CurrentUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Holder holder) {
            return Optional.of(holder.currentUser());
        }
        return Optional.empty();
    }

    /** The authenticated user of this thread; fails where no user is authenticated. */
    public static CurrentUser get() {
        return find().orElseThrow(() -> new IllegalStateException("No authenticated user"));
    }
}
