package org.clientela.activities.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.activities.ActivityType;
import org.clientela.activities.ActivityView;
import org.clientela.activities.OverdueContact;
import org.clientela.activities.internal.ActivityService;
import org.clientela.activities.internal.ContactCadenceService;
import org.clientela.activities.internal.OutcomeInput;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserId;
import org.clientela.platform.FormErrors;
import org.clientela.platform.NavigationEntry;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InputErrors;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.PageResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * «Мои дела», the agenda: the user's planned activities of today and of the coming week, and those
 * still planned whose day has passed (a client must never be forgotten); a head sees the team's,
 * by owner if they choose one. Each leads to the page that records its outcome. Below them the
 * companies overdue for a contact (A2), each with the form that plans one right there.
 */
@Controller
class AgendaController {

    static final String PATH = "/activities";
    static final String AGENDA = "activities/agenda";
    static final String OUTCOME = "activities/outcome";
    static final int WEEK = 7;
    private static final Map<String, String> FIELDS = Map.of("actualStart", "actualTime",
            "nextStep.subject", "nextSubject", "nextStep.type", "nextType", "nextStep.plannedStart", "nextStartTime",
            "nextStep.plannedEnd", "nextEndTime");

    static final int OVERDUE_CONTACTS_SHOWN = 50;

    private final ActivityService activities;
    private final ContactCadenceService cadences;
    private final UserDirectory users;
    private final Clock clock;

    AgendaController(ActivityService activities, ContactCadenceService cadences, UserDirectory users, Clock clock) {
        this.activities = activities;
        this.cadences = cadences;
        this.users = users;
        this.clock = clock;
    }

    /** @param back where to go once saved: {@code company} for the company page, else the agenda */
    record OutcomeForm(String actualDate, String actualTime, String outcome, String nextSubject, String nextType,
            String nextDate, String nextStartTime, String nextEndTime, Long version, String back) {

        static OutcomeForm of(ActivityView activity, String back) {
            var start = activity.plannedStart().atZone(activity.timeZone());
            return new OutcomeForm(start.toLocalDate().toString(), start.toLocalTime().toString(), null, null,
                    activity.type().name(), null, null, null, activity.version(), back);
        }
    }

    @GetMapping(PATH)
    String agenda(@RequestParam(required = false) UUID owner, Model model) {
        CurrentUser me = CurrentUser.get();
        boolean team = me.hasAny(Role.HEAD, Role.DIRECTOR, Role.ADMIN);
        ZoneId zone = activities.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant todayStarts = today.atStartOfDay(zone).toInstant();
        Instant tomorrowStarts = today.plusDays(1).atStartOfDay(zone).toInstant();
        List<ActivityView> planned = activities.plannedUntil(team ? null : me.id().value(),
                today.plusDays(WEEK).atStartOfDay(zone).toInstant());
        Map<UUID, String> owners = new HashMap<>();
        planned.forEach(activity -> owners.put(activity.ownerId(), activity.ownerName()));
        PageResponse<OverdueContact> overdueContacts = cadences.overdue(team ? owner : me.id().value(),
                PageRequest.of(0, OVERDUE_CONTACTS_SHOWN));
        for (OverdueContact contact : overdueContacts.content()) {
            owners.computeIfAbsent(contact.ownerId(), id -> users.find(new UserId(id))
                    .map(UserDirectory.UserSummary::fullName).orElse(""));
        }
        model.addAttribute("overdueContacts", overdueContacts);
        model.addAttribute("ownerNames", owners);
        List<ActivityView> shown = team && owner != null
                ? planned.stream().filter(activity -> activity.ownerId().equals(owner)).toList() : planned;
        model.addAttribute("team", team);
        model.addAttribute("owner", owner);
        model.addAttribute("owners", owners.entrySet().stream()
                .sorted(Map.Entry.comparingByValue()).toList());
        model.addAttribute("overdue", shown.stream().filter(a -> a.plannedStart().isBefore(todayStarts)).toList());
        model.addAttribute("today", shown.stream().filter(a -> !a.plannedStart().isBefore(todayStarts)
                && a.plannedStart().isBefore(tomorrowStarts)).toList());
        model.addAttribute("week", shown.stream().filter(a -> !a.plannedStart().isBefore(tomorrowStarts)).toList());
        model.addAttribute("zone", zone);
        return AGENDA;
    }

    @GetMapping(PATH + "/{id}/outcome")
    String outcomeForm(@PathVariable UUID id, @RequestParam(required = false) String back, Model model) {
        ActivityView activity = activities.activity(id);
        model.addAttribute("outcomeForm", OutcomeForm.of(activity, back));
        return outcome(activity, model);
    }

    @PostMapping(PATH + "/{id}/outcome")
    String recordOutcome(@PathVariable UUID id, @ModelAttribute("outcomeForm") OutcomeForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        ActivityView activity = activities.activity(id);
        ZoneId zone = activity.timeZone();
        try {
            InputErrors errors = new InputErrors();
            String actualStart = FormTimes.at(errors, "actualDate", form.actualDate(), "actualTime",
                    form.actualTime(), zone, true);
            String nextStart = FormTimes.at(errors, "nextDate", form.nextDate(), "nextStartTime",
                    form.nextStartTime(), zone, false);
            String nextEnd = nextStart == null || form.nextEndTime() == null || form.nextEndTime().isBlank() ? null
                    : FormTimes.at(errors, "nextDate", form.nextDate(), "nextEndTime", form.nextEndTime(), zone, true);
            errors.throwIfAny();
            boolean next = nextStart != null || (form.nextSubject() != null && !form.nextSubject().isBlank());
            // no version means a form from nowhere: refused as stale rather than saved over anything
            activities.recordOutcome(id, form.version() == null ? -1 : form.version(),
                    new OutcomeInput(actualStart, form.outcome(), next
                            ? new OutcomeInput.NextStep(form.nextSubject(), form.nextType(), nextStart, nextEnd)
                            : null));
            redirect.addFlashAttribute("flashSuccess", "activities.outcome.saved");
            redirect.addFlashAttribute("flashArgs", activity.subject());
            return "company".equals(form.back()) ? "redirect:/companies/" + activity.companyId() : "redirect:" + PATH;
        } catch (InvalidInputException exception) {
            FormErrors.reject(result, exception, FIELDS);
        } catch (ConflictException exception) {
            FormErrors.reject(result, exception);
        }
        return outcome(activity, model);
    }

    private String outcome(ActivityView activity, Model model) {
        model.addAttribute("activity", activity);
        model.addAttribute("types", ActivityType.values());
        return OUTCOME;
    }

    @Bean
    static NavigationEntry agendaNavigation() {
        return NavigationEntry.forRoles("nav.activities", PATH, 15, Role.MANAGER.name(),
                Role.KEY_ACCOUNT_MANAGER.name(), Role.HEAD.name(), Role.DIRECTOR.name(), Role.ADMIN.name());
    }
}
