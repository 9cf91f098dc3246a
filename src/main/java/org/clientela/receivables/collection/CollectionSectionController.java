package org.clientela.receivables.collection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanySection;
import org.clientela.platform.FormErrors;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.beans.factory.annotation.Value;
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
 * The «Взыскание» section of the company page: the open and finished actions, the promises with
 * how far the client got with them, the history, and the forms that record a promise and finish
 * an action. Every answer is the whole section, which htmx swaps in place; a browser without htmx
 * goes back to the company page.
 */
@Controller
class CollectionSectionController {

    static final String FRAGMENT = "receivables/collection :: section";

    private final CollectionActions actions;
    private final PaymentPromises promises;
    private final CollectionHistory history;
    private final Clock clock;
    private final ZoneId zone;

    CollectionSectionController(CollectionActions actions, PaymentPromises promises, CollectionHistory history,
            Clock clock, @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.actions = actions;
        this.promises = promises;
        this.history = history;
        this.clock = clock;
        this.zone = zone;
    }

    record PromiseForm(String promisedDate, String amount, String invoiceId, String madeBy, String note) {

        static PromiseForm empty() {
            return new PromiseForm(null, null, null, null, null);
        }

        PromiseInput toInput() {
            return new PromiseInput(promisedDate, amount, invoiceId, madeBy, note);
        }
    }

    record DoneForm(String outcome, Long version) {
    }

    @GetMapping("/companies/{id}/collection")
    String section(@PathVariable UUID id, Model model) {
        return render(id, model);
    }

    @GetMapping("/companies/{id}/collection/promises/new")
    String newPromise(@PathVariable UUID id, Model model) {
        model.addAttribute("promiseForm", PromiseForm.empty());
        return render(id, model);
    }

    @PostMapping("/companies/{id}/collection/promises")
    String recordPromise(@PathVariable UUID id, @ModelAttribute("promiseForm") PromiseForm form, BindingResult result,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        CompanyId company = new CompanyId(id);
        try {
            PromiseView promise = promises.record(company, form.toInput());
            if (htmx == null) {
                return "redirect:/companies/" + id;
            }
            model.asMap().remove("promiseForm");
            model.addAttribute("promiseSaved", promise);
        } catch (InvalidInputException exception) {
            FormErrors.reject(result, exception);
        }
        return render(id, model);
    }

    @GetMapping("/companies/{id}/collection/actions/{actionId}/done")
    String doneForm(@PathVariable UUID id, @PathVariable UUID actionId, Model model) {
        ActionView action = actionOf(id, actionId);
        requireMayComplete(action);
        model.addAttribute("doneAction", action);
        model.addAttribute("doneForm", new DoneForm(null, action.version()));
        return render(id, model);
    }

    @PostMapping("/companies/{id}/collection/actions/{actionId}/done")
    String markDone(@PathVariable UUID id, @PathVariable UUID actionId, @ModelAttribute("doneForm") DoneForm form,
            BindingResult result, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        ActionView action = actionOf(id, actionId);
        requireMayComplete(action);
        try {
            // no version means a form from nowhere: refused as stale rather than saved over anything
            actions.markDone(actionId, form.version() == null ? -1 : form.version(), form.outcome());
            if (htmx == null) {
                return "redirect:/companies/" + id;
            }
            model.asMap().remove("doneForm");
            model.addAttribute("actionDone", action);
            return render(id, model);
        } catch (InvalidInputException exception) {
            FormErrors.reject(result, exception);
        } catch (ConflictException exception) {
            FormErrors.reject(result, exception);
        }
        model.addAttribute("doneAction", action);
        return render(id, model);
    }

    /** An action of this company; any other answers 404, like a company one may not see. */
    private ActionView actionOf(UUID companyId, UUID actionId) {
        ActionView action = actions.action(actionId);
        if (!action.companyId().equals(companyId)) {
            throw new RecordNotFoundException(CollectionActions.ACTION, actionId);
        }
        return action;
    }

    private static void requireMayComplete(ActionView action) {
        if (!CollectionActions.mayComplete(action)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private String render(UUID id, Model model) {
        CompanyId company = new CompanyId(id);
        List<ActionView> all = actions.ofCompany(company);
        List<PromiseView> promised = promises.of(company);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        model.addAttribute("companyId", id);
        model.addAttribute("today", today);
        model.addAttribute("yearStart", today.withDayOfYear(1));
        model.addAttribute("openActions", all.stream().filter(ActionView::isOpen).toList());
        model.addAttribute("completable", all.stream().filter(ActionView::isOpen)
                .filter(CollectionActions::mayComplete).map(ActionView::id).collect(Collectors.toSet()));
        model.addAttribute("closedActions", all.stream().filter(action -> !action.isOpen()).toList());
        model.addAttribute("promises", promised);
        model.addAttribute("history", history.of(all, promised));
        model.addAttribute("debt", promises.debtOf(company));
        model.addAttribute("openInvoices", promises.unpaidInvoices(company));
        return FRAGMENT;
    }

    @Bean
    static CompanySection collectionSection() {
        return CompanySection.of("collection.section.heading", 450, "/companies/{id}/collection");
    }
}
