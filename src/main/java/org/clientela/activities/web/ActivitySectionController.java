package org.clientela.activities.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.clientela.activities.ActivityType;
import org.clientela.activities.ActivityView;
import org.clientela.activities.internal.ActivityService;
import org.clientela.activities.internal.CompanyCadence;
import org.clientela.activities.internal.ContactCadenceService;
import org.clientela.activities.internal.NewActivity;
import org.clientela.clients.CompanyContacts;
import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanySection;
import org.clientela.clients.ContactView;
import org.clientela.platform.FormErrors;
import org.clientela.shared.ConflictException;
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

/**
 * The «Активности» section of the company page: the planned activities, the earliest first, the
 * recent done or cancelled ones, and the form that plans one (in the department's zone). A saved
 * one tells the page that the company changed, so that its timeline shows it at once. Above them
 * the company's contact cadence and last contact, which its owner, a head or the director may change.
 */
@Controller
class ActivitySectionController {

    static final String FRAGMENT = "activities/section :: section";
    static final int RECENT = 10;
    /** The htmx event that the company page's sections showing changes reload on. */
    static final String CHANGED = "companyChanged";
    private static final Map<String, String> FIELDS = Map.of("plannedStart", "startTime", "plannedEnd", "endTime");

    private final ActivityService activities;
    private final ContactCadenceService cadences;
    private final CompanyContacts contacts;
    private final Clock clock;

    ActivitySectionController(ActivityService activities, ContactCadenceService cadences, CompanyContacts contacts,
            Clock clock) {
        this.activities = activities;
        this.cadences = cadences;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** @param days blank for the standing's default */
    record CadenceForm(String days, String reason, Long version) {
    }

    record PlanForm(String type, String subject, String date, String startTime, String endTime, String location,
            List<String> contactIds) {

        static PlanForm empty() {
            return new PlanForm(ActivityType.MEETING.name(), null, null, null, null, null, List.of());
        }
    }

    @GetMapping("/companies/{id}/activities")
    String section(@PathVariable UUID id, Model model) {
        return render(id, model);
    }

    @GetMapping("/companies/{id}/activities/new")
    String newActivity(@PathVariable UUID id, Model model) {
        model.addAttribute("planForm", PlanForm.empty());
        return render(id, model);
    }

    @PostMapping("/companies/{id}/activities")
    String plan(@PathVariable UUID id, @ModelAttribute("planForm") PlanForm form, BindingResult result,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        // whoever may not see the company learns nothing, not even what was wrong with the form
        activities.ofCompany(new CompanyId(id));
        try {
            InputErrors errors = new InputErrors();
            String start = FormTimes.at(errors, "date", form.date(), "startTime", form.startTime(),
                    activities.zone(), true);
            // a missing or wrong day is told once, at the day
            String end = errors.has("date") ? null
                    : FormTimes.at(errors, "date", form.date(), "endTime", form.endTime(), activities.zone(), true);
            errors.throwIfAny();
            ActivityView planned = activities.plan(new NewActivity(id.toString(), form.type(), form.subject(), start,
                    end, null, form.contactIds(), form.location(), null));
            if (htmx == null) {
                return "redirect:/companies/" + id;
            }
            response.setHeader("HX-Trigger", CHANGED);
            model.asMap().remove("planForm");
            model.addAttribute("planned", planned);
        } catch (InvalidInputException exception) {
            FormErrors.reject(result, exception, FIELDS);
        }
        return render(id, model);
    }

    @GetMapping("/companies/{id}/activities/cadence")
    String cadenceForm(@PathVariable UUID id, Model model) {
        CompanyCadence cadence = cadences.cadence(new CompanyId(id));
        model.addAttribute("cadenceForm", new CadenceForm(cadence.cadence() != null && cadence.cadence().individual()
                ? String.valueOf(cadence.cadence().days()) : null, null, cadence.version()));
        return render(id, model);
    }

    @PostMapping("/companies/{id}/activities/cadence")
    String changeCadence(@PathVariable UUID id, @ModelAttribute("cadenceForm") CadenceForm form, BindingResult result,
            Model model) {
        try {
            InputErrors errors = new InputErrors();
            Integer days = null;
            if (form.days() != null && !form.days().isBlank()) {
                try {
                    days = Integer.valueOf(form.days().strip());
                } catch (NumberFormatException e) {
                    errors.add("days", "activities.cadence.days.invalid", form.days().strip());
                }
            }
            errors.throwIfAny();
            // no version means a form from nowhere: refused as stale rather than saved over anything
            cadences.change(new CompanyId(id), days, form.reason(), form.version() == null ? -1 : form.version());
            model.asMap().remove("cadenceForm");
            model.addAttribute("cadenceSaved", true);
        } catch (InvalidInputException exception) {
            FormErrors.reject(result, exception);
        } catch (ConflictException exception) {
            FormErrors.reject(result, exception);
        }
        return render(id, model);
    }

    private String render(UUID id, Model model) {
        CompanyId company = new CompanyId(id);
        model.addAttribute("cadence", cadences.cadence(company));
        List<ActivityView> all = activities.ofCompany(company);
        model.addAttribute("companyId", id);
        model.addAttribute("upcoming", all.stream().filter(ActivityView::isPlanned)
                .sorted((a, b) -> a.plannedStart().compareTo(b.plannedStart())).toList());
        model.addAttribute("recent", all.stream().filter(activity -> !activity.isPlanned()).limit(RECENT).toList());
        model.addAttribute("types", ActivityType.values());
        model.addAttribute("people", contacts.of(company).stream().filter(ContactView::active).toList());
        model.addAttribute("now", Instant.now(clock));
        model.addAttribute("zone", activities.zone());
        return FRAGMENT;
    }

    @Bean
    static CompanySection activitiesSection() {
        return CompanySection.of("activities.section.heading", 120, "/companies/{id}/activities");
    }
}
