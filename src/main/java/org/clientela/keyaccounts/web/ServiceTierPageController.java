package org.clientela.keyaccounts.web;

import java.util.UUID;

import org.clientela.keyaccounts.internal.ServiceTier;
import org.clientela.keyaccounts.internal.ServiceTiers;
import org.clientela.keyaccounts.internal.ServiceTiers.TierInput;
import org.clientela.platform.FormErrors;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The service tiers: everyone sees them; a head, the director and the administrator add, change
 * and remove them. A refused form comes back with its messages at the fields, the others as shown.
 */
@Controller
class ServiceTierPageController {

    static final String PATH = "/service-tiers";
    static final String VIEW = "keyaccounts/tiers";

    private final ServiceTiers tiers;
    private final MessageSource messages;

    ServiceTierPageController(ServiceTiers tiers, MessageSource messages) {
        this.tiers = tiers;
        this.messages = messages;
    }

    /**
     * A tier as the form sends it.
     *
     * @param version the version the form was filled from; none for a new tier
     */
    record TierForm(String name, String discountPercent, String leadTimeDays, String contractTerms, Long version) {

        static TierForm empty() {
            return new TierForm("", "", "", "", null);
        }

        TierInput input() {
            return new TierInput(name, discountPercent, leadTimeDays, contractTerms);
        }

        long expectedVersion() {
            return version == null ? -1 : version;
        }
    }

    @GetMapping(PATH)
    String page(Model model) {
        model.addAttribute("tierForm", TierForm.empty());
        return page(null, model);
    }

    @PostMapping(PATH)
    String create(@ModelAttribute("tierForm") TierForm form, BindingResult result, RedirectAttributes redirect,
            Model model) {
        requireMayEdit();
        try {
            ServiceTier tier = tiers.create(form.input());
            redirect.addFlashAttribute("savedName", tier.name());
            return "redirect:" + PATH;
        } catch (InvalidInputException exception) {
            FormErrors.reject(result, exception);
        }
        return page(null, model);
    }

    @PostMapping(PATH + "/{id}")
    String change(@PathVariable UUID id, @ModelAttribute("tierForm") TierForm form, BindingResult result,
            RedirectAttributes redirect, Model model) {
        requireMayEdit();
        try {
            ServiceTier tier = tiers.change(id, form.expectedVersion(), form.input());
            redirect.addFlashAttribute("savedName", tier.name());
            return "redirect:" + PATH;
        } catch (InvalidInputException exception) {
            FormErrors.reject(result, exception);
        } catch (ConflictException exception) {
            FormErrors.reject(result, exception);
        }
        return page(id, model);
    }

    @PostMapping(PATH + "/{id}/delete")
    String remove(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect,
            Model model) {
        requireMayEdit();
        try {
            tiers.remove(id, version == null ? -1 : version);
            return "redirect:" + PATH;
        } catch (ConflictException exception) {
            model.addAttribute("removeProblem", messages.getMessage(exception.messageKey(), exception.arguments(),
                    LocaleContextHolder.getLocale()));
            model.addAttribute("tierForm", TierForm.empty());
            return page(null, model);
        }
    }

    private String page(UUID editing, Model model) {
        model.addAttribute("tiers", tiers.tiers());
        model.addAttribute("editing", editing);
        model.addAttribute("mayEdit", ServiceTiers.mayEdit());
        return VIEW;
    }

    private static void requireMayEdit() {
        if (!ServiceTiers.mayEdit()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
