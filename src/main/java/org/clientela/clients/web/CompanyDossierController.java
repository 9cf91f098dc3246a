package org.clientela.clients.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import org.clientela.clients.CompanySection;
import org.clientela.clients.Dossier;
import org.clientela.clients.internal.DossierService;
import org.clientela.platform.FormErrors;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The dossier on the company page (C3): what we know of the client's business, and when it was
 * last written; and its form, which opens in place of the section. A save tells the page that
 * the company changed, so that its history shows the change at once.
 */
@Controller
class CompanyDossierController {

    static final String FRAGMENT = "clients/fragments :: dossier";
    static final String FORM = "clients/forms :: dossierForm";
    /** The htmx event that a section showing the company's changes reloads on. */
    static final String CHANGED = "companyChanged";
    private static final List<String> READING_ORDER = List.of("needs", "purchaseMotives", "audienceSegment",
            "developmentPlans", "interests", "businessHistory");

    private final DossierService dossiers;

    CompanyDossierController(DossierService dossiers) {
        this.dossiers = dossiers;
    }

    @GetMapping("/companies/{id}/dossier")
    String dossier(@PathVariable UUID id, Model model) {
        return view(id, dossiers.dossier(id), model);
    }

    @GetMapping("/companies/{id}/dossier/edit")
    String edit(@PathVariable UUID id, Model model) {
        model.addAttribute("dossierForm", DossierForm.of(dossiers.dossier(id)));
        return form(id, model);
    }

    @PostMapping("/companies/{id}/dossier/edit")
    String save(@PathVariable UUID id, @ModelAttribute("dossierForm") DossierForm form, BindingResult result,
            Model model, HttpServletResponse response) {
        // whoever may not see the company learns nothing, not even what was wrong with the form
        dossiers.dossier(id);
        if (!result.hasErrors()) {
            try {
                // no version means a form from nowhere: refused as stale rather than saved over anything
                Dossier saved = dossiers.write(id, form.version() == null ? -1 : form.version(), form.toDossier());
                response.setHeader("HX-Trigger", CHANGED);
                model.addAttribute("dossierSaved", true);
                return view(id, saved, model);
            } catch (InvalidInputException exception) {
                FormErrors.reject(result, exception, form.fieldPaths());
            } catch (ConflictException exception) {
                FormErrors.reject(result, exception);
            }
        }
        return form(id, model);
    }

    private String view(UUID id, Dossier dossier, Model model) {
        // the free-text parts in the order a manager reads them before a meeting, any newer ones after them,
        // the empty ones left out
        Map<String, String> all = DossierForm.of(dossier).fields();
        Map<String, String> texts = new LinkedHashMap<>();
        Stream.concat(READING_ORDER.stream(), DossierForm.FIELDS.stream()
                        .filter(field -> !field.numeric()).map(DossierForm.Field::name))
                .filter(field -> !all.getOrDefault(field, "").isEmpty())
                .forEach(field -> texts.putIfAbsent(field, all.get(field)));
        model.addAttribute("companyId", id);
        model.addAttribute("dossier", dossier);
        model.addAttribute("texts", texts);
        return FRAGMENT;
    }

    private String form(UUID id, Model model) {
        model.addAttribute("companyId", id);
        model.addAttribute("dossierFields", DossierForm.FIELDS);
        return FORM;
    }

    @Bean
    static CompanySection companyDossierSection() {
        return CompanySection.of("clients.dossier.heading", 200, "/companies/{id}/dossier");
    }
}
