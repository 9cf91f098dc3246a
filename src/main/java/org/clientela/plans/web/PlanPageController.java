package org.clientela.plans.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.clientela.plans.TargetScope;
import org.clientela.plans.internal.Measure;
import org.clientela.plans.internal.PlanImportReport;
import org.clientela.plans.internal.PlanProgress;
import org.clientela.plans.internal.PlanProgresses;
import org.clientela.plans.internal.PlanView;
import org.clientela.plans.internal.PlanWorkbook;
import org.clientela.plans.internal.SalesPlans;
import org.clientela.platform.NavigationEntry;
import org.clientela.platform.StartPagePanel;
import org.clientela.platform.XlsxSheets;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.StaleVersionException;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The plans' pages: the list with a new plan's period, the grid of a plan's targets (each cell
 * saved in place by htmx, or all from an XLSX), approval and reopening, plan vs actual, and the
 * start page's panel. A step one's role does not allow on a plan one may read answers 403 (ADR
 * 0003); one who may not read plans at all gets the 404 of a page that does not exist.
 */
@Controller
class PlanPageController {

    static final String PATH = "/plans";
    private static final String LIST = "plans/list";
    private static final String GRID = "plans/grid";
    private static final String PROGRESS = "plans/progress";
    /** Who may read plans, as {@link SalesPlans#READERS} says. */
    private static final Role[] READERS = {Role.MANAGER, Role.KEY_ACCOUNT_MANAGER, Role.HEAD, Role.DIRECTOR,
            Role.ADMIN};

    private final SalesPlans plans;
    private final PlanProgresses progresses;
    private final PlanWorkbook workbook;
    private final MessageSource messages;
    private final Clock clock;

    PlanPageController(SalesPlans plans, PlanProgresses progresses, PlanWorkbook workbook, MessageSource messages,
            Clock clock) {
        this.plans = plans;
        this.progresses = progresses;
        this.workbook = workbook;
        this.messages = messages;
        this.clock = clock;
    }

    private static boolean mayEdit() {
        return CurrentUser.find().map(user -> user.hasAny(Role.HEAD, Role.DIRECTOR, Role.ADMIN)).orElse(false);
    }

    private static boolean mayApprove() {
        return CurrentUser.find().map(user -> user.hasAny(Role.HEAD, Role.DIRECTOR)).orElse(false);
    }

    private static boolean mayRead() {
        return CurrentUser.find().map(user -> user.hasAny(READERS)).orElse(false);
    }

    /**
     * Before a step on a plan ({@code null} for a new one): 404 for one who may not read plans or a
     * plan that does not exist, 403 for a reader whose role does not allow the step. (Spring
     * Security's own refusal is a 404 on the HTML side.)
     */
    private void require(UUID planId, boolean allowed) {
        if (!mayRead()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (planId != null) {
            plans.view(planId);
        }
        if (!allowed) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    @GetMapping(PATH)
    String list(Model model) {
        model.addAttribute("plans", plans.list());
        model.addAttribute("mayEdit", mayEdit());
        if (!model.containsAttribute("period")) {
            model.addAttribute("period", "");
        }
        return LIST;
    }

    @PostMapping(PATH)
    String create(@RequestParam(required = false) String period, Model model, Locale locale) {
        require(null, mayEdit());
        try {
            return "redirect:" + PATH + "/" + plans.create(period).id();
        } catch (InvalidInputException wrong) {
            model.addAttribute("periodError", message(wrong.problems().get(0), locale));
        } catch (ConflictException taken) {
            model.addAttribute("periodError", messages.getMessage(taken.messageKey(), taken.arguments(), locale));
        }
        model.addAttribute("period", period);
        return list(model);
    }

    @GetMapping(PATH + "/{id}")
    String grid(@PathVariable UUID id, Model model) {
        model.addAttribute("plan", plans.view(id));
        model.addAttribute("measures", Measure.values());
        model.addAttribute("mayApprove", mayApprove());
        return GRID;
    }

    /** The grid as the user sees it, as XLSX. */
    @GetMapping(PATH + "/{id}/export.xlsx")
    void export(@PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
        PlanView plan = plans.view(id);
        response.setContentType(XlsxSheets.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, workbook.contentDisposition(plan));
        workbook.write(plan, locale, response.getOutputStream());
    }

    /**
     * The targets from an XLSX: written when every row is right (back to the grid with how many);
     * otherwise, or when only checked, the grid again with the report, each problem at its cell.
     */
    @PostMapping(PATH + "/{id}/import")
    String importTargets(@PathVariable UUID id, @RequestParam long version,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) MultipartFile file,
            Model model, Locale locale, RedirectAttributes redirect) throws IOException {
        require(id, mayEdit());
        String error = null;
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "plans.import.noFile");
            }
            PlanImportReport report = workbook.importFile(id, version, file.getInputStream(), dryRun, locale);
            if (report.committed()) {
                redirect.addFlashAttribute("flashSuccess", "plans.import.done");
                redirect.addFlashAttribute("flashArgs", report.rowCount());
                return "redirect:" + PATH + "/" + id;
            }
            model.addAttribute("importReport", report);
        } catch (InvalidInputException wrong) {
            error = message(wrong.problems().get(0), locale);
        } catch (StaleVersionException stale) {
            error = messages.getMessage("plans.grid.stale", null, locale);
        } catch (ConflictException refused) {
            error = messages.getMessage(refused.messageKey(), refused.arguments(), locale);
        }
        model.addAttribute("importError", error);
        return grid(id, model);
    }

    /** One cell typed in the grid: the cell again (with its message if refused), the version and the totals. */
    @PostMapping(PATH + "/{id}/cells")
    String cell(@PathVariable UUID id, @RequestParam long version, @RequestParam TargetScope scope,
            @RequestParam(required = false) UUID scopeId, @RequestParam String measure,
            @RequestParam(required = false) String value, Model model, Locale locale) {
        require(id, mayEdit());
        Measure typed = Measure.ofField(measure);
        PlanView plan;
        String error = null;
        try {
            plan = plans.setCell(id, version, scope, scopeId, typed, value);
        } catch (InvalidInputException wrong) {
            error = message(wrong.problems().get(0), locale);
            plan = plans.view(id);
        } catch (StaleVersionException stale) {
            error = messages.getMessage("plans.grid.stale", null, locale);
            plan = plans.view(id);
        } catch (ConflictException refused) {
            error = messages.getMessage(refused.messageKey(), refused.arguments(), locale);
            plan = plans.view(id);
        }
        model.addAttribute("plan", plan);
        model.addAttribute("measures", Measure.values());
        model.addAttribute("row", plan.rows().stream()
                .filter(row -> row.scope() == scope && java.util.Objects.equals(row.scopeId(), scopeId))
                .findFirst().orElseThrow());
        model.addAttribute("measure", typed);
        model.addAttribute("error", error);
        model.addAttribute("typed", value);
        return GRID + " :: cellSaved";
    }

    @PostMapping(PATH + "/{id}/companies")
    String addCompany(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String inn,
            RedirectAttributes redirect) {
        require(id, mayEdit());
        try {
            plans.addCompany(id, version, inn);
        } catch (InvalidInputException wrong) {
            redirect.addFlashAttribute("flashError", wrong.problems().get(0).messageKey());
        } catch (StaleVersionException stale) {
            redirect.addFlashAttribute("flashError", "plans.grid.stale");
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("flashError", refused.messageKey());
            redirect.addFlashAttribute("flashArgs", refused.arguments()[0]);
        }
        return "redirect:" + PATH + "/" + id;
    }

    @PostMapping(PATH + "/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
        require(id, mayApprove());
        try {
            plans.approve(id, version);
            redirect.addFlashAttribute("flashSuccess", "plans.approved");
        } catch (StaleVersionException stale) {
            redirect.addFlashAttribute("flashError", "plans.grid.stale");
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("flashError", refused.messageKey());
            redirect.addFlashAttribute("flashArgs", refused.arguments()[0]);
        }
        return "redirect:" + PATH + "/" + id;
    }

    @PostMapping(PATH + "/{id}/reopen")
    String reopen(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        require(id, mayApprove());
        try {
            plans.reopen(id, version, reason);
            redirect.addFlashAttribute("flashSuccess", "plans.reopened");
        } catch (InvalidInputException wrong) {
            redirect.addFlashAttribute("flashError", "plans.reopen.reasonRequired");
        } catch (StaleVersionException stale) {
            redirect.addFlashAttribute("flashError", "plans.grid.stale");
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("flashError", refused.messageKey());
            redirect.addFlashAttribute("flashArgs", refused.arguments()[0]);
        }
        return "redirect:" + PATH + "/" + id;
    }

    @GetMapping(PATH + "/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("progress", progresses.progress(id));
        return PROGRESS;
    }

    /** The start page: the current month's plan (else the quarter's), the manager's own row, the head's the department's. */
    @GetMapping(PATH + "/panel")
    String panel(Model model) {
        Optional<UUID> current = plans.current(LocalDate.now(clock));
        model.addAttribute("progress", null);
        current.ifPresent(id -> {
            PlanProgress progress = progresses.progress(id);
            CurrentUser user = CurrentUser.get();
            PlanProgress.RowProgress row = SalesPlans.seesWholePlan(user) ? progress.department()
                    : progress.rows().stream().filter(r -> r.row().scope() == TargetScope.MANAGER
                            && r.row().scopeId().equals(user.id().value())).findFirst().orElse(null);
            model.addAttribute("progress", progress);
            model.addAttribute("row", row);
        });
        return PROGRESS + " :: panel";
    }

    private String message(InvalidInputException.Problem problem, Locale locale) {
        return messages.getMessage(problem.messageKey(), problem.arguments(), locale);
    }

    @Bean
    static NavigationEntry plansNavigation() {
        return NavigationEntry.forRoles("nav.plans", PATH, 44,
                Arrays.stream(READERS).map(Role::name).toArray(String[]::new)).inGroup(NavigationEntry.ANALYTICS);
    }

    @Bean
    static StartPagePanel planPanelEntry() {
        return StartPagePanel.forAuthorities("plans.panel.title", 15, PATH + "/panel", Role.MANAGER.authority(),
                Role.KEY_ACCOUNT_MANAGER.authority(), Role.HEAD.authority(), Role.DIRECTOR.authority());
    }
}
