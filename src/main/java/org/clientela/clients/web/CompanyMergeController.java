package org.clientela.clients.web;

import java.util.List;
import java.util.UUID;

import org.clientela.clients.CompanyView;
import org.clientela.clients.internal.CompanyService;
import org.clientela.clients.internal.DuplicateService;
import org.clientela.clients.internal.DuplicateService.MergePreview;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Duplicates on the company page: the possible duplicates above its sections, and for a head,
 * the director or an administrator their merge into this company, after a confirmation page
 * that shows both companies and what will move. A merge refused (someone changed either company
 * meanwhile, or merged it already) comes back to where the user decides again, with the reason.
 */
@Controller
class CompanyMergeController {

    static final String DUPLICATES = "clients/fragments :: duplicates";
    static final String VIEW = "clients/merge";

    private final DuplicateService duplicates;
    private final CompanyService companies;
    private final MessageSource messages;

    CompanyMergeController(DuplicateService duplicates, CompanyService companies, MessageSource messages) {
        this.duplicates = duplicates;
        this.companies = companies;
        this.messages = messages;
    }

    @GetMapping("/companies/{id}/duplicates")
    String duplicates(@PathVariable UUID id, Model model) {
        model.addAttribute("companyId", id);
        model.addAttribute("duplicates", duplicates.possibleDuplicates(id));
        model.addAttribute("mayMerge", duplicates.mayMerge());
        return DUPLICATES;
    }

    /** The confirmation page: the company of the path survives, {@code duplicate} is merged into it. */
    @GetMapping("/companies/{id}/merge")
    String confirm(@PathVariable UUID id, @RequestParam UUID duplicate, Model model, RedirectAttributes redirect) {
        try {
            MergePreview preview = duplicates.preview(id, duplicate);
            model.addAttribute("preview", preview);
            model.addAttribute("sides", List.of(preview.survivor(), preview.duplicate()));
            return VIEW;
        } catch (ConflictException exception) {
            return refused(id, redirect, exception.messageKey(), exception.arguments());
        } catch (InvalidInputException exception) {
            return refused(id, redirect, exception);
        }
    }

    @PostMapping("/companies/{id}/merge")
    String merge(@PathVariable UUID id, @RequestParam UUID duplicateId, @RequestParam long survivorVersion,
            @RequestParam long duplicateVersion, RedirectAttributes redirect) {
        try {
            CompanyView survivor = duplicates.merge(id, survivorVersion, duplicateId, duplicateVersion);
            redirect.addFlashAttribute("flashSuccess", "clients.merge.done");
            redirect.addFlashAttribute("flashArgs", companies.companyOrMerged(duplicateId).name());
            return "redirect:/companies/" + survivor.id();
        } catch (ConflictException exception) {
            // back to the confirmation page, which shows both companies as they are now
            redirect.addFlashAttribute("flashError", "clients.merge.refused");
            redirect.addFlashAttribute("flashArgs", message(exception.messageKey(), exception.arguments()));
            return "redirect:/companies/" + id + "/merge?duplicate=" + duplicateId;
        } catch (InvalidInputException exception) {
            return refused(id, redirect, exception);
        }
    }

    /** The only bad input a merge can have: the company itself as its own duplicate. */
    private String refused(UUID id, RedirectAttributes redirect, InvalidInputException exception) {
        InvalidInputException.Problem problem = exception.problems().get(0);
        return refused(id, redirect, problem.messageKey(), problem.arguments());
    }

    private String refused(UUID id, RedirectAttributes redirect, String messageKey, Object[] arguments) {
        redirect.addFlashAttribute("flashError", "clients.merge.refused");
        redirect.addFlashAttribute("flashArgs", message(messageKey, arguments));
        return "redirect:/companies/" + id;
    }

    private String message(String key, Object[] arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
