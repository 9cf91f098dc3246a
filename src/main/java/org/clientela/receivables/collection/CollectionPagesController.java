package org.clientela.receivables.collection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.clients.VisibleCompanies;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.clientela.platform.StartPagePanel;
import org.clientela.receivables.reconciliation.OurCompany;
import org.clientela.receivables.reconciliation.Party;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The collection's own pages: the current user's tasks on the start page, the printable claim
 * letter of a letter task, and the schedule of steps with the administrator's "run now".
 */
@Controller
class CollectionPagesController {

    static final String STEPS = "/collection/steps";
    static final int TASKS_SHOWN = 20;

    private final CollectionActions actions;
    private final CollectionSchedule schedule;
    private final CollectionRun run;
    private final VisibleCompanies companies;
    private final OurCompany ours;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    CollectionPagesController(CollectionActions actions, CollectionSchedule schedule, CollectionRun run,
            VisibleCompanies companies, OurCompany ours, MessageSource messages, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.actions = actions;
        this.schedule = schedule;
        this.run = run;
        this.companies = companies;
        this.ours = ours;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping("/collection/tasks")
    String tasks(Model model) {
        model.addAttribute("tasks", actions.openOfCurrentUser(TASKS_SHOWN));
        model.addAttribute("today", today());
        model.addAttribute("mayEditSteps", CollectionSchedule.mayEdit());
        return "receivables/collection :: tasks";
    }

    /** The claim letter of an action, to print, sign and send; for whoever may see its company. */
    @GetMapping("/collection/actions/{id}/letter")
    String letter(@PathVariable UUID id, Model model) {
        ActionView action = actions.action(id);
        LocalDate today = today();
        model.addAttribute("action", action);
        model.addAttribute("today", today);
        model.addAttribute("daysOverdue", action.invoiceDaysOverdue(today));
        model.addAttribute("ourCompany", ours);
        model.addAttribute("client", Party.of(companies.company(new CompanyId(action.companyId())), messages));
        return "receivables/collection-letter";
    }

    @GetMapping(STEPS)
    String steps(Model model) {
        requireStepEditor();
        return stepsPage(model);
    }

    @PostMapping(STEPS)
    String addStep(@RequestParam(required = false) String kind, @RequestParam(required = false) String days,
            Locale locale, Model model, RedirectAttributes redirect) {
        requireStepEditor();
        try {
            schedule.add(kind, days);
        } catch (InvalidInputException exception) {
            return refused("new", kind, days, exception, locale, model);
        }
        redirect.addFlashAttribute("flashSuccess", "collection.steps.saved");
        return "redirect:" + STEPS;
    }

    @PostMapping(STEPS + "/{id}")
    String changeStep(@PathVariable UUID id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String days, @RequestParam(required = false) Long version, Locale locale,
            Model model, RedirectAttributes redirect) {
        requireStepEditor();
        try {
            schedule.change(id, version == null ? -1 : version, kind, days);
        } catch (InvalidInputException exception) {
            return refused(id.toString(), kind, days, exception, locale, model);
        } catch (ConflictException exception) {
            redirect.addFlashAttribute("flashError", "collection.steps.stale");
            return "redirect:" + STEPS;
        }
        redirect.addFlashAttribute("flashSuccess", "collection.steps.saved");
        return "redirect:" + STEPS;
    }

    @PostMapping(STEPS + "/{id}/remove")
    String removeStep(@PathVariable UUID id, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        requireStepEditor();
        try {
            schedule.remove(id, version == null ? -1 : version);
            redirect.addFlashAttribute("flashSuccess", "collection.steps.removed");
        } catch (ConflictException exception) {
            redirect.addFlashAttribute("flashError", "collection.steps.stale");
        }
        return "redirect:" + STEPS;
    }

    /** Today's run at once, for the administrator (after a night the job did not run, say). */
    @PostMapping("/collection/run")
    String runNow(RedirectAttributes redirect) {
        if (!mayRun()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        run.runFor(today()).ifPresentOrElse(outcome -> redirect.addFlashAttribute("runOutcome", outcome),
                () -> redirect.addFlashAttribute("runBusy", true));
        return "redirect:" + STEPS;
    }

    private String refused(String form, String kind, String days, InvalidInputException exception, Locale locale,
            Model model) {
        Map<String, String> errors = new HashMap<>();
        exception.problems().forEach(problem -> errors.merge(problem.field(),
                messages.getMessage(problem.messageKey(), problem.arguments(), locale), (a, b) -> a + " " + b));
        model.addAttribute("failedForm", form);
        model.addAttribute("failedKind", kind);
        model.addAttribute("failedDays", days);
        model.addAttribute("errors", errors);
        return stepsPage(model);
    }

    private String stepsPage(Model model) {
        model.addAttribute("steps", schedule.steps());
        model.addAttribute("kinds", StepKind.values());
        model.addAttribute("mayRun", mayRun());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "receivables/collection-steps";
    }

    private static boolean mayRun() {
        return CurrentUser.find().map(user -> user.has(Role.ADMIN)).orElse(false);
    }

    /** Others get a plain 403 page, as the schedule's service would refuse them anyway. */
    private static void requireStepEditor() {
        if (!CollectionSchedule.mayEdit()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    @Bean
    static StartPagePanel collectionTasksPanel() {
        return StartPagePanel.forEveryone("collection.panel.title", 40, "/collection/tasks");
    }
}
