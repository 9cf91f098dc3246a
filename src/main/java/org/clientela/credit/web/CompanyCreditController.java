package org.clientela.credit.web;

import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanySection;
import org.clientela.clients.VisibleCompanies;
import org.clientela.credit.CreditTerms;
import org.clientela.credit.internal.CreditAccounts;
import org.clientela.credit.internal.CreditScores;
import org.clientela.credit.internal.Utilisation;
import org.clientela.platform.FormErrors;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The section «Кредит» of the company page: limit and terms, exposure against the limit, the
 * overdue flag, the score with its reasons and the proposed limit, the history of changes, and for
 * those who may set limits the form that changes them (a reason required, on the version shown).
 * A company one may not see answers 404, the section and its form alike.
 */
@Controller
class CompanyCreditController {

    static final String SECTION = "credit/fragments :: section";
    static final String HISTORY = "credit/fragments :: historyPage";
    static final int HISTORY_PAGE_SIZE = 5;

    private final CreditAccounts accounts;
    private final CreditScores scores;
    private final VisibleCompanies companies;

    CompanyCreditController(CreditAccounts accounts, CreditScores scores, VisibleCompanies companies) {
        this.accounts = accounts;
        this.scores = scores;
        this.companies = companies;
    }

    @GetMapping("/companies/{id}/credit")
    String section(@PathVariable UUID id, Model model) {
        CompanyId company = new CompanyId(id);
        companies.company(company);
        CreditTerms terms = accounts.termsOf(company);
        if (CreditAccounts.maySetLimits()) {
            model.addAttribute("creditForm", CreditForm.of(terms));
        }
        return section(company, terms, model);
    }

    /**
     * Changes the limit and terms; the section comes back in place with the outcome (the new terms,
     * or the form with the messages at its fields), a browser without htmx goes back to the company
     * page once saved. Visibility is checked first: nobody learns of a hidden company from a 403.
     */
    @PostMapping("/companies/{id}/credit")
    String change(@PathVariable UUID id, @ModelAttribute("creditForm") CreditForm form, BindingResult result,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        CompanyId company = new CompanyId(id);
        companies.company(company);
        // the HTML side answers a refused action with a 403 page (Spring Security's refusal is a 404 there)
        if (!CreditAccounts.maySetLimits()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            CreditTerms saved = accounts.change(company, form.amount(), form.days(), form.reason(),
                    form.expectedVersion());
            if (htmx == null) {
                return "redirect:/companies/" + id;
            }
            model.addAttribute("creditSaved", true);
            model.addAttribute("creditForm", CreditForm.of(saved));
            return section(company, saved, model);
        } catch (InvalidInputException exception) {
            FormErrors.reject(result, exception);
        } catch (ConflictException exception) {
            FormErrors.reject(result, exception);
        }
        return section(company, accounts.termsOf(company), model);
    }

    /** A further page of the history, for the section's "more" button. */
    @GetMapping("/companies/{id}/credit/history")
    String history(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("companyId", id);
        model.addAttribute("history", accounts.history(new CompanyId(id),
                PageRequest.of(Math.max(page, 0), HISTORY_PAGE_SIZE)));
        return HISTORY;
    }

    private String section(CompanyId company, CreditTerms terms, Model model) {
        model.addAttribute("companyId", company.value());
        model.addAttribute("terms", terms);
        model.addAttribute("utilisation", new Utilisation(terms.hasLimit() ? terms.limit().amount() : null,
                accounts.exposure(company).amount()));
        model.addAttribute("overdue", accounts.hasOverdue(company));
        model.addAttribute("score", scores.score(company));
        model.addAttribute("history", accounts.history(company, PageRequest.of(0, HISTORY_PAGE_SIZE)));
        model.addAttribute("maySetLimits", CreditAccounts.maySetLimits());
        return SECTION;
    }

    @Bean
    static CompanySection companyCreditSection() {
        return CompanySection.of("credit.section.heading", 250, "/companies/{id}/credit");
    }
}
