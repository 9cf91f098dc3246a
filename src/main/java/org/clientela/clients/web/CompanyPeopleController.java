package org.clientela.clients.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanySection;
import org.clientela.clients.ContactView;
import org.clientela.clients.DecisionRole;
import org.clientela.clients.internal.ContactService;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The company's relationship map (C2): who decides, who influences, who uses and who guards the
 * door, with the people who have left set apart.
 */
@Controller
class CompanyPeopleController {

    static final String FRAGMENT = "clients/fragments :: people";

    private final ContactService contacts;

    CompanyPeopleController(ContactService contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/companies/{id}/people")
    String people(@PathVariable UUID id, Model model) {
        Map<String, List<ContactView>> byRole = new LinkedHashMap<>();
        for (DecisionRole role : DecisionRole.values()) {
            byRole.put(role.name(), new ArrayList<>());
        }
        byRole.put("NONE", new ArrayList<>());
        List<ContactView> left = new ArrayList<>();
        List<ContactView> everyone = contacts.of(new CompanyId(id));
        for (ContactView contact : everyone) {
            if (!contact.active()) {
                left.add(contact);
            } else {
                byRole.get(contact.decisionRole() == null ? "NONE" : contact.decisionRole().name()).add(contact);
            }
        }
        model.addAttribute("byRole", byRole);
        model.addAttribute("left", left);
        model.addAttribute("anyone", !everyone.isEmpty());
        return FRAGMENT;
    }

    @Bean
    static CompanySection companyPeopleSection() {
        return CompanySection.of("clients.people.heading", 100, "/companies/{id}/people");
    }
}
