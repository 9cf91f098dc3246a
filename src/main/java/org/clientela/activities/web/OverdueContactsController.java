package org.clientela.activities.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.clientela.activities.ActivityType;
import org.clientela.activities.ActivityView;
import org.clientela.activities.internal.ActivityService;
import org.clientela.activities.internal.ContactCadenceService;
import org.clientela.activities.internal.NewActivity;
import org.clientela.clients.CompanyId;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.clientela.platform.FormErrors;
import org.clientela.platform.StartPagePanel;
import org.clientela.shared.InputErrors;
import org.clientela.shared.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The overdue contacts beyond the agenda's list: the small form that plans an activity with an
 * overdue company right in the agenda, and the start page's panel with their count (a head's
 * counts the team's).
 */
@Controller
class OverdueContactsController {

    static final String PATH = AgendaController.PATH + "/overdue-contacts";
    static final String PLAN_FORM = "activities/overdue :: planForm";
    static final String PLANNED = "activities/overdue :: planned";
    static final int MIN_MINUTES = 5;
    static final int MAX_MINUTES = 8 * 60;
    private static final Map<String, String> FIELDS = Map.of("plannedStart", "startTime", "plannedEnd", "duration");

    private final ActivityService activities;
    private final ContactCadenceService cadences;

    OverdueContactsController(ActivityService activities, ContactCadenceService cadences) {
        this.activities = activities;
        this.cadences = cadences;
    }

    /** @param duration in minutes */
    record QuickPlanForm(String type, String subject, String date, String startTime, String duration) {

        static QuickPlanForm empty() {
            return new QuickPlanForm(ActivityType.MEETING.name(), null, null, null, "60");
        }
    }

    @GetMapping(PATH + "/{companyId}/plan")
    String planForm(@PathVariable UUID companyId, @RequestParam(required = false) UUID owner, Model model) {
        cadences.cadence(new CompanyId(companyId));
        model.addAttribute("quickPlanForm", QuickPlanForm.empty());
        return render(companyId, owner, model);
    }

    /** Planned: the agenda again, showing it. */
    @PostMapping(PATH + "/{companyId}/plan")
    String plan(@PathVariable UUID companyId, @RequestParam(required = false) UUID owner,
            @ModelAttribute("quickPlanForm") QuickPlanForm form, BindingResult result,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        // whoever may not see the company learns nothing, not even what was wrong with the form
        cadences.cadence(new CompanyId(companyId));
        try {
            InputErrors errors = new InputErrors();
            String start = FormTimes.at(errors, "date", form.date(), "startTime", form.startTime(), activities.zone(),
                    true);
            Integer minutes = minutes(errors, form.duration());
            errors.throwIfAny();
            String end = OffsetDateTime.parse(start).plus(Duration.ofMinutes(minutes)).toString();
            ActivityView planned = activities.plan(new NewActivity(companyId.toString(), form.type(), form.subject(),
                    start, end, null, null, null, null));
            String agenda = UriComponentsBuilder.fromPath(AgendaController.PATH)
                    .queryParamIfPresent("owner", Optional.ofNullable(owner)).build().toUriString();
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("flashSuccess", "activities.overdueContacts.planned");
            flash.put("flashArgs", planned.companyName());
            if (htmx == null) {
                return "redirect:" + agenda;
            }
            // the whole agenda again, showing the activity planned: a client-side redirect, with the message
            RequestContextUtils.saveOutputFlashMap(agenda, request, response);
            response.setHeader("HX-Redirect", request.getContextPath() + agenda);
            return PLANNED;
        } catch (InvalidInputException exception) {
            FormErrors.reject(result, exception, FIELDS);
        }
        return render(companyId, owner, model);
    }

    @GetMapping(PATH + "/panel")
    String panel(Model model) {
        CurrentUser me = CurrentUser.get();
        boolean team = me.hasAny(Role.HEAD, Role.DIRECTOR, Role.ADMIN);
        model.addAttribute("overdueCount", cadences.overdueCount(team ? null : me.id().value()));
        return "activities/overdue :: panel";
    }

    private String render(UUID companyId, UUID owner, Model model) {
        model.addAttribute("companyId", companyId);
        model.addAttribute("owner", owner);
        model.addAttribute("types", ActivityType.values());
        model.addAttribute("zone", activities.zone());
        return PLAN_FORM;
    }

    private static Integer minutes(InputErrors errors, String text) {
        if (text == null || text.isBlank()) {
            errors.add("duration", "activities.field.required");
            return null;
        }
        try {
            int minutes = Integer.parseInt(text.strip());
            if (minutes >= MIN_MINUTES && minutes <= MAX_MINUTES) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // told below, like a number out of range
        }
        errors.add("duration", "activities.duration.range", MIN_MINUTES, MAX_MINUTES);
        return null;
    }

    @Bean
    static StartPagePanel overdueContactsPanel() {
        return StartPagePanel.forAuthorities("activities.overdueContacts.heading", 14, PATH + "/panel",
                Role.MANAGER.authority(), Role.KEY_ACCOUNT_MANAGER.authority(), Role.HEAD.authority());
    }
}
