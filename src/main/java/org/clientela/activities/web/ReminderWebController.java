package org.clientela.activities.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.clientela.activities.internal.Reminders;
import org.clientela.identity.CurrentUser;
import org.clientela.platform.FormErrors;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InputErrors;
import org.clientela.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reminders on the pages: the fragment every page of a signed-in person polls, showing their
 * activities about to start (each one hidden for the rest of the session once closed), and the
 * small form on the agenda where a person chooses their own reminders.
 */
@Controller
class ReminderWebController {

    static final String IMMINENT = "activities/reminders :: imminent";
    static final String SETTINGS = "activities/reminders :: settings";
    /** The reminders closed in this session: an activity with its planned start, so a moved one shows again. */
    static final String DISMISSED = ReminderWebController.class.getName() + ".dismissed";

    private final Reminders reminders;

    ReminderWebController(Reminders reminders) {
        this.reminders = reminders;
    }

    enum Mode {
        DEPARTMENT, OWN, NONE
    }

    record SettingsForm(String mode, String minutes, Long version) {
    }

    @GetMapping("/activities/reminders")
    String imminent(HttpSession session, Model model) {
        Set<String> dismissed = dismissed(session);
        List<Reminders.Imminent> shown = reminders.imminent(CurrentUser.get().id()).stream()
                .filter(activity -> !dismissed.contains(key(activity.id(), activity.plannedStart().getEpochSecond())))
                .toList();
        model.addAttribute("imminent", shown);
        return IMMINENT;
    }

    /** Hides the reminder of an activity for the rest of the session; the toast is gone from the page. */
    @PostMapping("/activities/reminders/{id}/dismissal")
    ResponseEntity<Void> dismiss(@PathVariable UUID id, @RequestParam long start, HttpSession session) {
        Set<String> dismissed = new HashSet<>(dismissed(session));
        dismissed.add(key(id, start));
        session.setAttribute(DISMISSED, dismissed);
        return ResponseEntity.ok().build();
    }

    @GetMapping("/activities/reminder-settings")
    String settings(Model model) {
        Reminders.Choice choice = reminders.of(CurrentUser.get().id());
        model.addAttribute("settingsForm", new SettingsForm(mode(choice).name(),
                choice.own() ? String.join(", ", choice.minutesBefore().stream().map(String::valueOf).toList()) : "",
                choice.version()));
        return render(choice, model);
    }

    @PostMapping("/activities/reminder-settings")
    String change(@ModelAttribute("settingsForm") SettingsForm form, BindingResult result, Model model) {
        try {
            InputErrors errors = new InputErrors();
            List<Integer> minutes = null;
            if (Mode.NONE.name().equals(form.mode())) {
                minutes = List.of();
            } else if (Mode.OWN.name().equals(form.mode())) {
                minutes = Reminders.parse(errors, "minutes", form.minutes());
                if (minutes != null && minutes.isEmpty()) {
                    errors.add("minutes", "activities.reminders.ownRequired");
                }
            }
            errors.throwIfAny();
            Reminders.Choice choice = reminders.change(CurrentUser.get().id(),
                    form.version() == null ? -1 : form.version(), minutes);
            model.addAttribute("saved", true);
            model.addAttribute("settingsForm", new SettingsForm(mode(choice).name(), form.minutes(),
                    choice.version()));
            return render(choice, model);
        } catch (InvalidInputException exception) {
            FormErrors.reject(result, exception, Map.of("minutesBefore", "minutes"));
        } catch (ConflictException exception) {
            FormErrors.reject(result, exception);
        }
        return render(reminders.of(CurrentUser.get().id()), model);
    }

    private String render(Reminders.Choice choice, Model model) {
        model.addAttribute("choice", choice);
        model.addAttribute("modes", Mode.values());
        return SETTINGS;
    }

    private static Mode mode(Reminders.Choice choice) {
        return !choice.own() ? Mode.DEPARTMENT : choice.minutesBefore().isEmpty() ? Mode.NONE : Mode.OWN;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> dismissed(HttpSession session) {
        Object value = session.getAttribute(DISMISSED);
        return value instanceof Set<?> set ? (Set<String>) set : Set.of();
    }

    private static String key(UUID activity, long plannedStart) {
        return activity + "@" + plannedStart;
    }
}
