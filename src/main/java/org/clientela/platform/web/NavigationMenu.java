package org.clientela.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clientela.platform.NavigationEntry;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The entries of the main navigation the current user may open, for the layout template, menus grouped. */
@Component("navigation")
public class NavigationMenu {

    private final List<NavigationEntry> entries;

    NavigationMenu(List<NavigationEntry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
    }

    /**
     * An item of the bar: one entry, or a menu of the entries of one group, placed where its first
     * entry would be.
     *
     * @param labelKey the entry's or the menu's label
     * @param entries  the entry alone, or the menu's entries
     */
    public record Item(String labelKey, List<NavigationEntry> entries) {

        public boolean isMenu() {
            return entries.size() > 1 || entries.get(0).groupKey() != null;
        }

        /** Whether one of its entries leads to the page at {@code path} or above it. */
        public boolean leadsTo(String path) {
            return entries.stream().anyMatch(entry -> entry.href().equals(path)
                    || (!entry.href().equals("/") && path.startsWith(entry.href())));
        }
    }

    public List<Item> visibleItems() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Map<String, Item> items = new LinkedHashMap<>();
        entries.stream()
                .filter(entry -> entry.requiredRoles().isEmpty() || (authentication != null
                        && authentication.getAuthorities().stream().anyMatch(authority -> entry.requiredRoles()
                                .contains(authority.getAuthority().replaceFirst("^ROLE_", "")))))
                .forEach(entry -> {
                    String key = entry.groupKey() != null ? entry.groupKey() : entry.href();
                    String label = entry.groupKey() != null ? entry.groupKey() : entry.messageKey();
                    items.computeIfAbsent(key, any -> new Item(label, new ArrayList<>())).entries().add(entry);
                });
        return List.copyOf(items.values());
    }
}
