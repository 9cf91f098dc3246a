package org.clientela.platform;

import java.util.Set;

/**
 * One item of the main navigation, declared by a module as a bean: its label in the message
 * bundles, where it leads, its position (ascending), the roles one of which is needed to see it,
 * and the menu it sits in, if any (the analyses share one, so that the bar fits a laptop's width).
 */
public final class NavigationEntry {

    private final String messageKey;
    private final String href;
    private final int order;
    private final Set<String> requiredRoles;
    private final String groupKey;

    /** An entry for everyone ({@code requiredRole} {@code null}) or for those with the role (e.g. {@code ADMIN}). */
    public NavigationEntry(String messageKey, String href, int order, String requiredRole) {
        this(messageKey, href, order, requiredRole == null ? Set.of() : Set.of(requiredRole), null);
    }

    private NavigationEntry(String messageKey, String href, int order, Set<String> requiredRoles, String groupKey) {
        this.messageKey = messageKey;
        this.href = href;
        this.order = order;
        this.requiredRoles = requiredRoles;
        this.groupKey = groupKey;
    }

    /** An entry for those holding any of the roles (e.g. {@code MANAGER}, {@code HEAD}). */
    public static NavigationEntry forRoles(String messageKey, String href, int order, String... roles) {
        return new NavigationEntry(messageKey, href, order, Set.of(roles), null);
    }

    /** The same entry in the menu labelled {@code groupKey} (e.g. {@link #ANALYTICS}). */
    public NavigationEntry inGroup(String groupKey) {
        return new NavigationEntry(messageKey, href, order, requiredRoles, groupKey);
    }

    /** The menu of the analyses: key accounts, plans, ABC/XYZ, segments, warnings. */
    public static final String ANALYTICS = "nav.group.analytics";

    public String messageKey() {
        return messageKey;
    }

    public String href() {
        return href;
    }

    public int order() {
        return order;
    }

    /** The label of the menu the entry sits in; {@code null} on the bar itself. */
    public String groupKey() {
        return groupKey;
    }

    /** The roles one of which is needed to see the entry; empty for everyone. */
    public Set<String> requiredRoles() {
        return requiredRoles;
    }
}
