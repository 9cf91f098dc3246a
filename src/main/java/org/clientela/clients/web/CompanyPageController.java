package org.clientela.clients.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.audit.AuditLog;
import org.clientela.clients.CompanySection;
import org.clientela.clients.CompanyView;
import org.clientela.clients.internal.CompanyService;
import org.clientela.clients.internal.DuplicateService;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The company page: requisites, tags and owner, and a card for each {@link CompanySection} that a
 * module contributes, its body loaded by htmx from the module's fragment. A company one may not see
 * answers 404, the page and every fragment alike.
 */
@Controller
class CompanyPageController {

    static final String VIEW = "clients/company";
    static final String HISTORY = "clients/fragments :: history";
    static final String COMPANY = "Company";

    private final CompanyService companies;
    private final DuplicateService duplicates;
    private final AuditLog auditLog;
    private final List<CompanySection> sections;

    CompanyPageController(CompanyService companies, DuplicateService duplicates, AuditLog auditLog,
            List<CompanySection> sections) {
        this.companies = companies;
        this.duplicates = duplicates;
        this.auditLog = auditLog;
        this.sections = sections.stream().sorted(Comparator.comparingInt(CompanySection::order)).toList();
    }

    /** The page of a duplicate merged into another company is the page of that company now. */
    @GetMapping("/companies/{id}")
    String show(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        CompanyView company = companies.companyOrMerged(id);
        if (company.mergedInto() != null) {
            redirect.addFlashAttribute("flashSuccess", "clients.merge.redirected");
            redirect.addFlashAttribute("flashArgs", company.name());
            return "redirect:/companies/" + company.mergedInto();
        }
        model.addAttribute("company", company);
        model.addAttribute("sections", sections);
        return VIEW;
    }

    @PostMapping("/companies/{id}/archive")
    String archive(@PathVariable UUID id, RedirectAttributes redirect) {
        CompanyView company = companies.company(id);
        companies.archive(id);
        redirect.addFlashAttribute("flashSuccess", "clients.company.archived");
        redirect.addFlashAttribute("flashArgs", company.name());
        return "redirect:" + CompanyListController.PATH;
    }

    /** The company's history, with that of the duplicates merged into it, their lines marked. */
    @GetMapping("/companies/{id}/history")
    String history(@PathVariable UUID id, Model model) {
        // the audit log trusts its caller to have checked access: this is the check
        CompanyView company = companies.company(id);
        Map<String, String> names = new HashMap<>();
        names.put(id.toString(), company.name());
        duplicates.mergedInto(id).forEach(merged -> names.put(merged.id().toString(), merged.name()));
        model.addAttribute("history", auditLog.history(COMPANY, names.keySet()));
        model.addAttribute("companyId", id.toString());
        model.addAttribute("names", names);
        return HISTORY;
    }

    /** The first section of the page, from this module itself; later it sits below the others' cards. */
    @Bean
    static CompanySection companyHistorySection() {
        return CompanySection.of("clients.history.heading", 1000, "/companies/{id}/history", true);
    }
}
