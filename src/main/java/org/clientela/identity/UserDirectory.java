package org.clientela.identity;

import java.util.List;
import java.util.Optional;

/**
 * Read-only facts about users for other modules: names to show, owners to pick.
 */
public interface UserDirectory {

    Optional<UserSummary> find(UserId id);

    /** Enabled users holding {@code role}, ordered by full name. */
    List<UserSummary> withRole(Role role);

    /** The name of a team, e.g. to show a report per team. */
    Optional<String> teamName(TeamId team);

    /** @param email {@code null} when the user has none */
    record UserSummary(UserId id, String username, String fullName, TeamId team, boolean enabled, String email) {
    }
}
