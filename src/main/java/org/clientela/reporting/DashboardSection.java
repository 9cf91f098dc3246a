package org.clientela.reporting;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.clientela.identity.Role;
import org.springframework.security.core.Authentication;

/**
 * A panel of the dashboard that another module contributes as a bean (the early warnings of the
 * key accounts, for one): the dashboard shows its title and loads its body from the module's own
 * fragment once shown, below its own panels; it knows nothing of what the panel holds.
 *
 * @param titleKey     the panel's title in the message bundles
 * @param order        the position among the contributed panels, ascending
 * @param fragmentPath where the body comes from: an HTML fragment for the current user, within
 *                     their access (a manager's own, a head's team's)
 * @param shownTo      whether the panel is for this user
 */
public record DashboardSection(String titleKey, int order, String fragmentPath, Predicate<Authentication> shownTo) {

    /** A panel for users holding one of the roles. */
    public static DashboardSection forRoles(String titleKey, int order, String fragmentPath, Role... roles) {
        Set<String> wanted = Arrays.stream(roles).map(Role::authority).collect(Collectors.toSet());
        return new DashboardSection(titleKey, order, fragmentPath, authentication -> authentication != null
                && authentication.getAuthorities().stream().anyMatch(granted -> wanted.contains(granted.getAuthority())));
    }
}
