package org.clientela.platform.web;

import java.util.Comparator;
import java.util.List;

import org.clientela.platform.NavigationEntry;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The entries of the main navigation the current user may open, for the layout template. */
@Component("navigation")
public class NavigationMenu {

    private final List<NavigationEntry> entries;

    NavigationMenu(List<NavigationEntry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
    }

    public List<NavigationEntry> visibleEntries() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return entries.stream()
                .filter(entry -> entry.requiredRoles().isEmpty() || (authentication != null
                        && authentication.getAuthorities().stream().anyMatch(authority -> entry.requiredRoles()
                                .contains(authority.getAuthority().replaceFirst("^ROLE_", "")))))
                .toList();
    }
}
