package org.clientela.orders.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.clientela.orders.internal.OrderQueries;
import org.clientela.orders.internal.OrderView;
import org.clientela.orders.internal.WorkPlanService;
import org.clientela.orders.internal.WorkPlanView;
import org.clientela.orders.internal.WorkPlanView.StepInput;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The order page's work plan (A5), changed in place (htmx): a step done or with a problem, the plan
 * edited as rows (added, removed, reordered by their numbers). Each answer is the plan's card with
 * what became of the client's mail, or the form with each problem at its row. A browser without
 * htmx is sent back to the order page once a change is made, with what became of it above the plan.
 */
@Controller
class WorkPlanPageController {

    /** Blank rows under the steps of the form, for new steps. */
    static final int BLANK_ROWS = 2;

    private final WorkPlanService plans;
    private final OrderQueries queries;
    private final WorkPlanCard card;
    private final MessageSource messages;

    WorkPlanPageController(WorkPlanService plans, OrderQueries queries, WorkPlanCard card, MessageSource messages) {
        this.plans = plans;
        this.queries = queries;
        this.card = card;
        this.messages = messages;
    }

    /** A row of the plan's form as typed: {@code key} the step's id, empty for a new step. */
    record Row(String key, String position, String title, String dueDate, boolean informClient,
            List<String> problems) {
    }

    @GetMapping(OrderPageController.PATH + "/{id}/work-plan")
    String plan(@PathVariable UUID id, Model model) {
        return card(plans.plan(id), model);
    }

    @GetMapping(OrderPageController.PATH + "/{id}/work-plan/edit")
    String edit(@PathVariable UUID id, Model model) {
        WorkPlanView plan = plans.plan(id);
        if (!plan.editable()) {
            return card(plan, model);
        }
        List<Row> rows = new ArrayList<>();
        for (WorkPlanView.Step step : plan.steps()) {
            rows.add(new Row(step.id() == null ? "" : step.id().toString(), String.valueOf(step.position()),
                    step.title(), step.dueDate().toString(), step.informClient(), List.of()));
        }
        return form(plan, plan.version(), rows, List.of(), model);
    }

    @PostMapping(OrderPageController.PATH + "/{id}/work-plan")
    String save(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect, Locale locale) {
        queries.order(id);
        long version = parseVersion(form.getFirst("version"));
        List<Row> rows = rows(form, locale);
        List<String> general = new ArrayList<>();
        if (rows.stream().allMatch(row -> row.problems().isEmpty())) {
            try {
                plans.replace(id, version, rows.stream().map(row -> new StepInput(row.key(), row.title(),
                        row.dueDate(), row.informClient())).toList());
                return answer(id, htmx, locale, "orders.workPlan.saved", null, model, redirect);
            } catch (InvalidInputException exception) {
                rows = withProblems(rows, exception, general, locale);
            } catch (ConflictException exception) {
                general.add(messages.getMessage(exception.messageKey(), exception.arguments(), locale));
            }
        }
        return form(plans.plan(id), version, rows, general, model);
    }

    @PostMapping(OrderPageController.PATH + "/{id}/work-plan/steps/{stepId}/done")
    String done(@PathVariable UUID id, @PathVariable UUID stepId, @RequestParam(required = false) String date,
            @RequestParam(required = false) Long version,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect, Locale locale) {
        return step(id, htmx, model, redirect, locale, () -> plans.done(id, stepId, version, date));
    }

    @PostMapping(OrderPageController.PATH + "/{id}/work-plan/steps/{stepId}/problem")
    String problem(@PathVariable UUID id, @PathVariable UUID stepId, @RequestParam(required = false) String text,
            @RequestParam(required = false) Boolean notifyClient, @RequestParam(required = false) Long version,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect, Locale locale) {
        return step(id, htmx, model, redirect, locale,
                () -> plans.problem(id, stepId, version, text, Boolean.TRUE.equals(notifyClient)));
    }

    private String step(UUID id, String htmx, Model model, RedirectAttributes redirect, Locale locale,
            Supplier<WorkPlanView.StepChange> command) {
        OrderView order = queries.order(id);
        try {
            WorkPlanView.ClientNotice notice = command.get().notice();
            return answer(id, htmx, locale, "orders.workPlan.notice." + notice,
                    notice == WorkPlanView.ClientNotice.NO_ADDRESS ? "warning" : null, model, redirect,
                    order.contactEmail());
        } catch (InvalidInputException exception) {
            return refused(id, htmx, exception.problems().stream().map(problem -> messages.getMessage(
                    problem.messageKey(), problem.arguments(), locale)).toList(), model, redirect);
        } catch (ConflictException exception) {
            return refused(id, htmx, List.of(messages.getMessage(exception.messageKey(), exception.arguments(),
                    locale)), model, redirect);
        }
    }

    private String answer(UUID id, String htmx, Locale locale, String notice, String level, Model model,
            RedirectAttributes redirect, Object... arguments) {
        String text = messages.getMessage(new DefaultMessageSourceResolvable(new String[] {notice}, arguments),
                locale);
        if (htmx == null) {
            redirect.addFlashAttribute("workPlanNotice", text);
            if (level != null) {
                redirect.addFlashAttribute("workPlanNoticeLevel", level);
            }
            return "redirect:" + OrderPageController.PATH + "/" + id + "#work-plan";
        }
        model.addAttribute("workPlanNotice", text);
        model.addAttribute("workPlanNoticeLevel", level);
        return card(plans.plan(id), model);
    }

    private String refused(UUID id, String htmx, List<String> problems, Model model, RedirectAttributes redirect) {
        if (htmx == null) {
            redirect.addFlashAttribute("workPlanProblems", problems);
            return "redirect:" + OrderPageController.PATH + "/" + id + "#work-plan";
        }
        model.addAttribute("workPlanProblems", problems);
        return card(plans.plan(id), model);
    }

    private String card(WorkPlanView plan, Model model) {
        card.addTo(model, plan);
        return WorkPlanCard.FRAGMENT;
    }

    private String form(WorkPlanView plan, long version, List<Row> rows, List<String> general, Model model) {
        List<Row> shown = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            shown.add(new Row("", "", "", "", false, List.of()));
        }
        model.addAttribute("workPlanRows", shown);
        model.addAttribute("workPlanFormVersion", version);
        model.addAttribute("workPlanEditing", true);
        model.addAttribute("workPlanProblems", general);
        return card(plan, model);
    }

    /**
     * The form's rows that carry a step, in the order of their numbers (a row without a number goes
     * last); removed and blank rows left out. The form sends its columns as parallel lists and the
     * checkboxes by row index.
     */
    private List<Row> rows(MultiValueMap<String, String> form, Locale locale) {
        List<String> keys = values(form, "key");
        List<String> positions = values(form, "position");
        List<String> titles = values(form, "title");
        List<String> dues = values(form, "dueDate");
        List<String> informed = values(form, "inform");
        List<String> removed = values(form, "remove");
        List<Numbered> numbered = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            String index = String.valueOf(i);
            String key = at(keys, i);
            String title = at(titles, i);
            String due = at(dues, i);
            String position = at(positions, i).strip();
            if (removed.contains(index) || key.isBlank() && title.isBlank() && due.isBlank()) {
                continue;
            }
            List<String> problems = new ArrayList<>();
            int number = Integer.MAX_VALUE;
            if (!position.isEmpty()) {
                try {
                    number = Integer.parseInt(position);
                } catch (NumberFormatException e) {
                    problems.add(messages.getMessage("orders.workPlan.position.invalid", new Object[] {position},
                            locale));
                }
            }
            numbered.add(new Numbered(number, new Row(key, position, title, due, informed.contains(index), problems)));
        }
        // a stable sort: rows of the same number keep the order they were shown in
        numbered.sort(Comparator.comparingInt(Numbered::number));
        return numbered.stream().map(Numbered::row).toList();
    }

    private record Numbered(int number, Row row) {
    }

    /** The service's {@code steps[2].dueDate} is the third row shown. */
    private List<Row> withProblems(List<Row> rows, InvalidInputException exception, List<String> general,
            Locale locale) {
        List<List<String>> problems = new ArrayList<>();
        rows.forEach(row -> problems.add(new ArrayList<>()));
        for (InvalidInputException.Problem problem : exception.problems()) {
            String text = messages.getMessage(problem.messageKey(), problem.arguments(), locale);
            if (problem.field().startsWith("steps[")) {
                int index = Integer.parseInt(problem.field().substring("steps[".length(), problem.field().indexOf(']')));
                problems.get(index).add(text);
            } else {
                general.add(text);
            }
        }
        List<Row> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            result.add(new Row(row.key(), row.position(), row.title(), row.dueDate(), row.informClient(),
                    problems.get(i)));
        }
        return result;
    }

    private static List<String> values(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : values;
    }

    private static String at(List<String> values, int index) {
        return index < values.size() && values.get(index) != null ? values.get(index) : "";
    }

    private static long parseVersion(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
