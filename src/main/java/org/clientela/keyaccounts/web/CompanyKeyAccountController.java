package org.clientela.keyaccounts.web;

import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanySection;
import org.clientela.keyaccounts.internal.KeyAccount;
import org.clientela.keyaccounts.internal.KeyAccounts;
import org.clientela.keyaccounts.internal.ServiceTiers;
import org.clientela.platform.FormErrors;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;

/**
 * The section «Ключевой клиент» of the company page: the flag, its basis and reason, the KAM, the
 * tier with its terms, and for a head or the director the form of a decision. A company one may
 * not see answers 404, the section and its form alike.
 */
@Controller
class CompanyKeyAccountController {

    static final String SECTION = "keyaccounts/fragments :: section";

    private final KeyAccounts accounts;
    private final ServiceTiers tiers;

    CompanyKeyAccountController(KeyAccounts accounts, ServiceTiers tiers) {
        this.accounts = accounts;
        this.tiers = tiers;
    }

    @GetMapping("/companies/{id}/key-account")
    String section(@PathVariable UUID id, Model model) {
        CompanyId company = new CompanyId(id);
        KeyAccount account = accounts.of(company);
        if (KeyAccounts.mayDecide()) {
            model.addAttribute("keyAccountForm", KeyAccountForm.of(account));
        }
        return section(company, account, model);
    }

    /** Saves a decision; the section comes back in place with the outcome, or the form with its messages. */
    @PostMapping("/companies/{id}/key-account")
    String decide(@PathVariable UUID id, @ModelAttribute("keyAccountForm") KeyAccountForm form, BindingResult result,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        CompanyId company = new CompanyId(id);
        accounts.of(company);
        // the HTML side answers a refused action with a 403 page (Spring Security's refusal is a 404 there)
        if (!KeyAccounts.mayDecide()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            KeyAccount saved = accounts.decide(company, form.flag(), form.reason(), form.kam(), form.tier(),
                    form.expectedVersion());
            if (htmx == null) {
                return "redirect:/companies/" + id;
            }
            model.addAttribute("keyAccountSaved", true);
            model.addAttribute("keyAccountForm", KeyAccountForm.of(saved));
            return section(company, saved, model);
        } catch (InvalidInputException exception) {
            FormErrors.reject(result, exception);
        } catch (ConflictException exception) {
            FormErrors.reject(result, exception);
        }
        return section(company, accounts.of(company), model);
    }

    private String section(CompanyId company, KeyAccount account, Model model) {
        model.addAttribute("companyId", company.value());
        model.addAttribute("account", account);
        model.addAttribute("mayDecide", KeyAccounts.mayDecide());
        if (KeyAccounts.mayDecide()) {
            model.addAttribute("kams", accounts.kamChoices(company));
            model.addAttribute("tiers", tiers.tiers());
        }
        return SECTION;
    }

    @Bean
    static CompanySection keyAccountSection() {
        return CompanySection.of("keyaccounts.section.heading", 240, "/companies/{id}/key-account");
    }
}
