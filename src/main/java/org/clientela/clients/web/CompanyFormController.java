package org.clientela.clients.web;

import java.util.UUID;

import org.clientela.clients.CompanyInput;
import org.clientela.clients.CompanySource;
import org.clientela.clients.CompanyStatus;
import org.clientela.clients.CompanyView;
import org.clientela.clients.LegalForm;
import org.clientela.clients.internal.CompanyService;
import org.clientela.platform.FormErrors;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registering and revising a company. The service checks every field at once; its problems show
 * at their fields, a duplicate or a stale version above the form.
 */
@Controller
class CompanyFormController {

    static final String VIEW = "clients/company-form";

    private final CompanyService companies;
    private final OwnerChoices ownerChoices;

    CompanyFormController(CompanyService companies, OwnerChoices ownerChoices) {
        this.companies = companies;
        this.ownerChoices = ownerChoices;
    }

    @InitBinder("companyForm")
    void initBinder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping("/companies/new")
    String newCompany(Model model) {
        if (!model.containsAttribute("companyForm")) {
            model.addAttribute("companyForm", CompanyForm.empty());
        }
        return form(model, null);
    }

    @PostMapping("/companies/new")
    String create(@ModelAttribute("companyForm") CompanyForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                CompanyView created = companies.create(input(form));
                redirect.addFlashAttribute("flashSuccess", "clients.company.created");
                redirect.addFlashAttribute("flashArgs", created.name());
                return "redirect:/companies/" + created.id();
            } catch (InvalidInputException exception) {
                FormErrors.reject(result, exception);
            } catch (ConflictException exception) {
                FormErrors.reject(result, exception);
            }
        }
        return form(model, null);
    }

    @GetMapping("/companies/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        CompanyView company = companies.company(id);
        if (!model.containsAttribute("companyForm")) {
            model.addAttribute("companyForm", CompanyForm.of(company));
        }
        return form(model, company);
    }

    @PostMapping("/companies/{id}/edit")
    String update(@PathVariable UUID id, @ModelAttribute("companyForm") CompanyForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        CompanyView company = companies.company(id);
        if (!result.hasErrors()) {
            try {
                // no version means a form from nowhere: refused as stale rather than saved over anything
                CompanyView saved = companies.update(id, form.version() == null ? -1 : form.version(),
                        input(form));
                redirect.addFlashAttribute("flashSuccess", "clients.company.saved");
                redirect.addFlashAttribute("flashArgs", saved.name());
                return "redirect:/companies/" + id;
            } catch (InvalidInputException exception) {
                FormErrors.reject(result, exception);
            } catch (ConflictException exception) {
                FormErrors.reject(result, exception);
            }
        }
        return form(model, company);
    }

    /** The owner is a head's choice: a manager's form has no owner field, whatever is posted. */
    private CompanyInput input(CompanyForm form) {
        return (ownerChoices.mayChoose() ? form : form.withoutOwner()).toInput();
    }

    private String form(Model model, CompanyView company) {
        model.addAttribute("company", company);
        model.addAttribute("legalForms", LegalForm.values());
        model.addAttribute("statuses", CompanyStatus.values());
        model.addAttribute("sources", CompanySource.values());
        model.addAttribute("ownerChoice", ownerChoices.mayChoose());
        model.addAttribute("owners", ownerChoices.owners());
        return VIEW;
    }
}
