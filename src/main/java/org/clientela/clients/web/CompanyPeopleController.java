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
import org.clientela.platform.FormErrors;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The company's relationship map (C2): who decides, who influences, who uses and who guards the
 * door, with the people who have left set apart; and the form that adds a person or revises one.
 * The form opens inside the section and every answer is the whole section again, so htmx swaps it
 * in place and the rest of the page stays as it was.
 */
@Controller
class CompanyPeopleController {

    static final String FRAGMENT = "clients/fragments :: people";
    static final String CONTACT = "Contact";

    private final ContactService contacts;

    CompanyPeopleController(ContactService contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/companies/{id}/people")
    String people(@PathVariable UUID id, Model model) {
        return section(id, model);
    }

    @GetMapping("/companies/{id}/people/new")
    String newPerson(@PathVariable UUID id, Model model) {
        model.addAttribute("contactForm", ContactForm.empty());
        return section(id, model);
    }

    @PostMapping("/companies/{id}/people/new")
    String add(@PathVariable UUID id, @ModelAttribute("contactForm") ContactForm form, BindingResult result,
            Model model) {
        // whoever may not see the company learns nothing, not even what was wrong with the form
        List<ContactView> everyone = contacts.of(new CompanyId(id));
        if (!result.hasErrors()) {
            try {
                ContactView added = contacts.add(id, form.toInput());
                return saved(id, added, model);
            } catch (InvalidInputException exception) {
                FormErrors.reject(result, exception);
            }
        }
        return section(id, everyone, model);
    }

    @GetMapping("/companies/{id}/people/{contactId}/edit")
    String edit(@PathVariable UUID id, @PathVariable UUID contactId, Model model) {
        ContactView contact = contactOf(id, contactId);
        model.addAttribute("contactForm", ContactForm.of(contact));
        model.addAttribute("contact", contact);
        return section(id, model);
    }

    @PostMapping("/companies/{id}/people/{contactId}/edit")
    String update(@PathVariable UUID id, @PathVariable UUID contactId,
            @ModelAttribute("contactForm") ContactForm form, BindingResult result, Model model) {
        ContactView contact = contactOf(id, contactId);
        model.addAttribute("contact", contact);
        if (!result.hasErrors()) {
            try {
                // no version means a form from nowhere: refused as stale rather than saved over anything
                ContactView saved = contacts.update(contactId, form.version() == null ? -1 : form.version(),
                        form.toInput());
                return saved(id, saved, model);
            } catch (InvalidInputException exception) {
                FormErrors.reject(result, exception);
            } catch (ConflictException exception) {
                FormErrors.reject(result, exception);
            }
        }
        return section(id, model);
    }

    /** A contact of this company that one may see; any other answers 404, like a company one may not see. */
    private ContactView contactOf(UUID companyId, UUID contactId) {
        ContactView contact = contacts.contact(contactId);
        if (!contact.companyId().equals(companyId)) {
            throw new RecordNotFoundException(CONTACT, contactId);
        }
        return contact;
    }

    private String saved(UUID companyId, ContactView contact, Model model) {
        model.addAttribute("savedPerson", contact.fullName());
        model.asMap().remove("contactForm");
        model.asMap().remove("contact");
        return section(companyId, model);
    }

    private String section(UUID companyId, Model model) {
        return section(companyId, contacts.of(new CompanyId(companyId)), model);
    }

    private String section(UUID companyId, List<ContactView> everyone, Model model) {
        Map<String, List<ContactView>> byRole = new LinkedHashMap<>();
        for (DecisionRole role : DecisionRole.values()) {
            byRole.put(role.name(), new ArrayList<>());
        }
        byRole.put("NONE", new ArrayList<>());
        List<ContactView> left = new ArrayList<>();
        for (ContactView contact : everyone) {
            if (!contact.active()) {
                left.add(contact);
            } else {
                byRole.get(contact.decisionRole() == null ? "NONE" : contact.decisionRole().name()).add(contact);
            }
        }
        model.addAttribute("companyId", companyId);
        model.addAttribute("byRole", byRole);
        model.addAttribute("left", left);
        model.addAttribute("anyone", !everyone.isEmpty());
        model.addAttribute("roles", DecisionRole.values());
        return FRAGMENT;
    }

    @Bean
    static CompanySection companyPeopleSection() {
        return CompanySection.of("clients.people.heading", 100, "/companies/{id}/people");
    }
}
