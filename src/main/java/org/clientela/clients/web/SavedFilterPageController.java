package org.clientela.clients.web;

import java.util.Locale;
import java.util.UUID;

import org.clientela.clients.SavedFilter;
import org.clientela.clients.internal.SavedFilters;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The current user's saved views of the company list (C4) on the list itself: saving the list as
 * it is filtered and sorted under a name, and deleting one. Applying one is a link to the list.
 */
@Controller
class SavedFilterPageController {

    private final SavedFilters filters;
    private final MessageSource messages;

    SavedFilterPageController(SavedFilters filters, MessageSource messages) {
        this.filters = filters;
        this.messages = messages;
    }

    /**
     * Saves the list's filters and goes to the list they show; a refused name goes back with the
     * reason beside the name field and the name as typed.
     */
    @PostMapping(CompanyListController.PATH + "/saved-filters")
    String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String query,
            Locale locale, RedirectAttributes redirect) {
        try {
            SavedFilter saved = filters.save(name, query);
            redirect.addFlashAttribute("flashSuccess", "clients.savedFilter.saved");
            redirect.addFlashAttribute("flashArgs", saved.name());
            return "redirect:" + listOf(saved.query());
        } catch (InvalidInputException refused) {
            InvalidInputException.Problem problem = refused.problems().get(0);
            redirect.addFlashAttribute("savedFilterError",
                    messages.getMessage(problem.messageKey(), problem.arguments(), locale));
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("savedFilterError",
                    messages.getMessage(refused.messageKey(), refused.arguments(), locale));
        }
        redirect.addFlashAttribute("savedFilterName", name);
        return "redirect:" + listOf(SavedFilters.normalize(query));
    }

    /** Deletes one of my filters (another's answers 404); htmx removes its line, a plain form reloads the list. */
    @PostMapping(CompanyListController.PATH + "/saved-filters/{id}/delete")
    Object delete(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        filters.delete(id);
        if (htmx != null) {
            return ResponseEntity.ok().body("");
        }
        return "redirect:" + CompanyListController.PATH;
    }

    private static String listOf(String query) {
        return CompanyListController.PATH + (query.isEmpty() ? "" : "?" + query);
    }
}
