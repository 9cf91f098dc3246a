package org.clientela.identity.web;

import java.util.UUID;

import org.clientela.audit.AuditLog;
import org.clientela.identity.internal.UserManagement;
import org.clientela.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The people of the department one may see under the access policy, and the card of each with
 * its change history. A person outside one's scope answers 404, as if they did not exist.
 */
@Controller
class PeopleController {

    static final String LIST_VIEW = "identity/users";
    static final String CARD_VIEW = "identity/user";

    private final UserManagement users;
    private final AuditLog auditLog;

    PeopleController(UserManagement users, AuditLog auditLog) {
        this.users = users;
        this.auditLog = auditLog;
    }

    @GetMapping("/users")
    String list(Model model) {
        model.addAttribute("users", users.visibleUsers());
        return LIST_VIEW;
    }

    @GetMapping("/users/{id}")
    String card(@PathVariable UUID id, Model model) {
        UserManagement.UserView user = users.visibleUser(id);
        model.addAttribute("user", user);
        model.addAttribute("history", auditLog.history("User", user.id()));
        return CARD_VIEW;
    }

    @Bean
    static NavigationEntry peopleNavigation() {
        return new NavigationEntry("nav.people", "/users", 50, null);
    }
}
