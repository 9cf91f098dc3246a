package org.clientela.platform;

import java.util.Set;

/**
 * One item of the main navigation, declared by a module as a bean: its label in the message
 * bundles, where it leads, its position (ascending) and the roles one of which is needed to see it.
 */
public final class NavigationEntry {

    private final String messageKey;
    private final String href;
    private final int order;
    private final Set<String> requiredRoles;

    /** An entry for everyone ({@code requiredRole} {@code null}) or for those with the role (e.g. {@code ADMIN}). */
    public NavigationEntry(String messageKey, String href, int order, String requiredRole) {
        this(messageKey, href, order, requiredRole == null ? Set.of() : Set.of(requiredRole));
    }

    private NavigationEntry(String messageKey, String href, int order, Set<String> requiredRoles) {
        this.messageKey = messageKey;
        this.href = href;
        this.order = order;
        this.requiredRoles = requiredRoles;
    }

    /** An entry for those holding any of the roles (e.g. {@code MANAGER}, {@code HEAD}). */
    public static NavigationEntry forRoles(String messageKey, String href, int order, String... roles) {
        return new NavigationEntry(messageKey, href, order, Set.of(roles));
    }

    public String messageKey() {
        return messageKey;
    }

    public String href() {
        return href;
    }

    public int order() {
        return order;
    }

    /** The roles one of which is needed to see the entry; empty for everyone. */
    public Set<String> requiredRoles() {
        return requiredRoles;
    }
}
