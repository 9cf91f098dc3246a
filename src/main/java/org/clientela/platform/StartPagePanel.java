package org.clientela.platform;

import java.util.function.Predicate;

import org.springframework.security.core.Authentication;

/**
 * A panel of the start page that another module contributes as a bean: the manager's overdue
 * debts, the clients over their limit, orders waiting for a credit decision. The page loads its
 * body from the module's own fragment once shown; the platform knows nothing of debts or orders.
 *
 * @param titleKey     the panel's title in the message bundles
 * @param order        the position on the page, ascending
 * @param fragmentPath where the body comes from: an HTML fragment for the current user
 * @param shownTo      whether the panel is for this user (e.g. credit decisions only for those who
 *                     may take them)
 */
public record StartPagePanel(String titleKey, int order, String fragmentPath, Predicate<Authentication> shownTo) {

    public static StartPagePanel forEveryone(String titleKey, int order, String fragmentPath) {
        return new StartPagePanel(titleKey, order, fragmentPath, authentication -> true);
    }

    /** A panel for users holding one of the roles, e.g. {@code "ROLE_HEAD"}. */
    public static StartPagePanel forAuthorities(String titleKey, int order, String fragmentPath,
            String... authorities) {
        java.util.Set<String> wanted = java.util.Set.of(authorities);
        return new StartPagePanel(titleKey, order, fragmentPath, authentication -> authentication.getAuthorities()
                .stream().anyMatch(granted -> wanted.contains(granted.getAuthority())));
    }
}
