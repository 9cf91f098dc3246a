package org.clientela.keyaccounts.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanySection;
import org.clientela.clients.VisibleCompanies;
import org.clientela.keyaccounts.internal.AccountPlan;
import org.clientela.keyaccounts.internal.AccountPlan.Action;
import org.clientela.keyaccounts.internal.AccountPlan.ActionStatus;
import org.clientela.keyaccounts.internal.AccountPlan.Goals;
import org.clientela.keyaccounts.internal.AccountPlan.Status;
import org.clientela.keyaccounts.internal.AccountPlans;
import org.clientela.keyaccounts.internal.AccountPlans.ActionInput;
import org.clientela.keyaccounts.internal.KeyAccounts;
import org.clientela.platform.FormErrors;
import org.clientela.platform.NavigationEntry;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InputErrors;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.StaleVersionException;
import org.clientela.shared.TypedNumber;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The cooperation plans (K3) on screen: the list «Планы сотрудничества» with execution and overdue
 * actions, a plan's page (goals, execution, actions whose status changes in place, quarterly
 * reviews, approval), and the company page's section with this year's plan. A step the user's role
 * does not allow on a plan they may see answers 403; a plan they may not see, 404.
 */
@Controller
class AccountPlanPageController {

    static final String PATH = "/account-plans";
    static final String LIST = "keyaccounts/account-plans";
    static final String PLAN = "keyaccounts/account-plan";
    static final int PAGE_SIZE = 50;

    private final AccountPlans plans;
    private final KeyAccounts accounts;
    private final VisibleCompanies companies;
    private final MessageSource messages;

    AccountPlanPageController(AccountPlans plans, KeyAccounts accounts, VisibleCompanies companies,
            MessageSource messages) {
        this.plans = plans;
        this.accounts = accounts;
        this.companies = companies;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String list(@RequestParam(required = false) String year, @RequestParam(required = false) String status,
            @RequestParam(required = false) String kam, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Links links = new Links(year(year), status(status), id(kam));
        model.addAttribute("rows", plans.list(new AccountPlans.Filter(links.year(), links.status(), links.kam()),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("links", links);
        model.addAttribute("kams", accounts.kams());
        model.addAttribute("statuses", Status.values());
        int thisYear = plans.today().getYear();
        model.addAttribute("years", List.of(thisYear + 1, thisYear, thisYear - 1, thisYear - 2));
        return htmx == null ? LIST : LIST + " :: results";
    }

    @GetMapping(PATH + "/{id}")
    String plan(@PathVariable UUID id, Model model) {
        AccountPlan plan = plans.plan(id);
        if (!model.containsAttribute("goalsForm")) {
            model.addAttribute("goalsForm", GoalsForm.of(plan));
        }
        if (!model.containsAttribute("actionForm")) {
            model.addAttribute("actionForm", new ActionForm("", "", "", ""));
        }
        model.addAttribute("plan", plan);
        model.addAttribute("groups", plan.rights().edit() && plan.draft() ? plans.assortmentGroups() : List.of());
        model.addAttribute("owners", plan.rights().edit() && plan.draft() ? plans.actionOwners() : List.of());
        model.addAttribute("actionStatuses", ActionStatus.values());
        model.addAttribute("quarters", List.of(1, 2, 3, 4));
        return PLAN;
    }

    /** The goals of a draft: back to the page with a message, or with each problem at its field. */
    @PostMapping(PATH + "/{id}")
    String saveGoals(@PathVariable UUID id, @ModelAttribute("goalsForm") GoalsForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        require(plans.plan(id).rights().edit());
        try {
            plans.update(id, form.expectedVersion(), form.goals());
            redirect.addFlashAttribute("flashSuccess", "keyaccounts.plan.saved");
            return "redirect:" + PATH + "/" + id;
        } catch (InvalidInputException wrong) {
            FormErrors.reject(result, wrong);
        } catch (ConflictException refused) {
            FormErrors.reject(result, refused);
        }
        return plan(id, model);
    }

    @PostMapping(PATH + "/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect, Locale locale) {
        require(plans.plan(id).rights().approve());
        try {
            plans.approve(id, version);
            redirect.addFlashAttribute("flashSuccess", "keyaccounts.plan.approved");
        } catch (ConflictException refused) {
            refuse(redirect, refused, locale);
        }
        return "redirect:" + PATH + "/" + id;
    }

    @PostMapping(PATH + "/{id}/reopen")
    String reopen(@PathVariable UUID id, @RequestParam long version, @RequestParam(required = false) String reason,
            RedirectAttributes redirect, Locale locale) {
        require(plans.plan(id).rights().approve());
        try {
            plans.reopen(id, version, reason);
            redirect.addFlashAttribute("flashSuccess", "keyaccounts.plan.reopened");
        } catch (InvalidInputException wrong) {
            redirect.addFlashAttribute("flashError", "keyaccounts.plan.reopen.reasonRequired");
        } catch (ConflictException refused) {
            refuse(redirect, refused, locale);
        }
        return "redirect:" + PATH + "/" + id;
    }

    @PostMapping(PATH + "/{id}/actions")
    String addAction(@PathVariable UUID id, @ModelAttribute("actionForm") ActionForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        require(plans.plan(id).rights().edit());
        try {
            plans.addAction(id, form.input());
            redirect.addFlashAttribute("flashSuccess", "keyaccounts.plan.action.added");
            return "redirect:" + PATH + "/" + id + "#plan-actions";
        } catch (InvalidInputException wrong) {
            FormErrors.reject(result, wrong);
        } catch (ConflictException refused) {
            FormErrors.reject(result, refused);
        }
        return plan(id, model);
    }

    /** An action's status changed in its row (htmx): the row again, with its message if refused. */
    @PostMapping(PATH + "/{id}/actions/{actionId}")
    String updateAction(@PathVariable UUID id, @PathVariable UUID actionId, @RequestParam long version,
            @RequestParam(required = false) String status, Model model, Locale locale) {
        AccountPlan plan = plans.plan(id);
        require(plan.rights().edit());
        Action action = plans.action(id, actionId);
        String error = null;
        try {
            ActionStatus next = status == null || status.isBlank() ? null : ActionStatus.valueOf(status.strip());
            action = plans.updateAction(id, actionId, version, new ActionInput(action.title(), action.ownerId(),
                    action.deadline(), next, action.note()));
        } catch (IllegalArgumentException unknown) {
            error = messages.getMessage("keyaccounts.plan.error.value", null, locale);
        } catch (InvalidInputException wrong) {
            error = messages.getMessage(wrong.messageKey(), wrong.arguments(), locale);
        } catch (StaleVersionException stale) {
            error = messages.getMessage("keyaccounts.plan.stale", null, locale);
            action = plans.action(id, actionId);
        }
        model.addAttribute("plan", plan);
        model.addAttribute("action", action);
        model.addAttribute("actionStatuses", ActionStatus.values());
        model.addAttribute("actionError", error);
        return PLAN + " :: actionRow";
    }

    @PostMapping(PATH + "/{id}/reviews/{quarter}")
    String review(@PathVariable UUID id, @PathVariable int quarter, @RequestParam long version,
            @RequestParam(required = false) String comment, RedirectAttributes redirect, Locale locale) {
        require(plans.plan(id).rights().review());
        try {
            plans.review(id, quarter, version, comment);
            redirect.addFlashAttribute("flashSuccess", "keyaccounts.plan.review.saved");
            redirect.addFlashAttribute("flashArgs", quarter);
        } catch (InvalidInputException wrong) {
            refuse(redirect, wrong.messageKey(), wrong.arguments(), locale);
        } catch (ConflictException refused) {
            refuse(redirect, refused, locale);
        }
        return "redirect:" + PATH + "/" + id + "#plan-reviews";
    }

    /** The company page's section: this year's plan in brief, or the way to start one for a key account. */
    @GetMapping("/companies/{id}/account-plan")
    String section(@PathVariable UUID id, Model model) {
        CompanyId company = new CompanyId(id);
        companies.company(company);
        int year = plans.today().getYear();
        model.addAttribute("companyId", id);
        model.addAttribute("year", year);
        model.addAttribute("plan", plans.of(company, year).orElse(null));
        model.addAttribute("key", accounts.of(company).key());
        model.addAttribute("mayCreate", plans.mayCreate(company));
        return PLAN + " :: companySection";
    }

    /** Starts this year's plan of the company and opens it; a refusal comes back on the company page. */
    @PostMapping("/companies/{id}/account-plan")
    String create(@PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
        companies.company(new CompanyId(id));
        try {
            AccountPlan plan = plans.create(id, plans.today().getYear(), null);
            redirect.addFlashAttribute("flashSuccess", "keyaccounts.plan.created");
            return "redirect:" + PATH + "/" + plan.id();
        } catch (AccessDeniedException refused) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        } catch (ConflictException refused) {
            refuse(redirect, refused, locale);
            return "redirect:/companies/" + id;
        }
    }

    /** The HTML side answers a refused step with a 403 page (Spring Security's own refusal is a 404 there). */
    private static void require(boolean allowed) {
        if (!allowed) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /** The service's own words above the page: the flash takes one argument, so the message travels resolved. */
    private void refuse(RedirectAttributes redirect, String messageKey, Object[] arguments, Locale locale) {
        redirect.addFlashAttribute("flashError", "keyaccounts.plan.refused");
        redirect.addFlashAttribute("flashArgs", messages.getMessage(messageKey, arguments, locale));
    }

    private void refuse(RedirectAttributes redirect, ConflictException refused, Locale locale) {
        if (refused instanceof StaleVersionException) {
            redirect.addFlashAttribute("flashError", "keyaccounts.plan.stale");
        } else {
            refuse(redirect, refused.messageKey(), refused.arguments(), locale);
        }
    }

    /** The goals as typed: numbers as a Russian writes them. */
    record GoalsForm(String revenueGoal, String marginGoal, String assortmentGoal, List<String> assortmentGroupIds,
            String shareOfWalletGoal, String shareOfWalletNow, Long version) {

        static GoalsForm of(AccountPlan plan) {
            Goals goals = plan.goals();
            return new GoalsForm(text(goals.revenue()), text(goals.margin()), goals.assortment(),
                    goals.assortmentGroupIds().stream().map(UUID::toString).toList(), text(goals.shareOfWallet()),
                    text(goals.shareOfWalletNow()), plan.version());
        }

        private static String text(BigDecimal value) {
            return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
        }

        long expectedVersion() {
            return version == null ? -1 : version;
        }

        /** One who may not see margins has no margin field: the service then keeps the stored margin goal. */
        Goals goals() {
            InputErrors errors = new InputErrors();
            Goals goals = new Goals(number(errors, "revenueGoal", revenueGoal), number(errors, "marginGoal", marginGoal),
                    assortmentGoal,
                    assortmentGroupIds == null ? List.of() : assortmentGroupIds.stream().map(AccountPlanPageController::id)
                            .toList(),
                    number(errors, "shareOfWalletGoal", shareOfWalletGoal),
                    number(errors, "shareOfWalletNow", shareOfWalletNow));
            errors.throwIfAny();
            return goals;
        }
    }

    record ActionForm(String title, String ownerId, String deadline, String note) {

        ActionInput input() {
            InputErrors errors = new InputErrors();
            LocalDate day = null;
            if (deadline != null && !deadline.isBlank()) {
                try {
                    day = LocalDate.parse(deadline.strip());
                } catch (DateTimeParseException e) {
                    errors.add("deadline", "keyaccounts.plan.error.value");
                }
            }
            errors.throwIfAny();
            return new ActionInput(title, id(ownerId), day, null, note);
        }
    }

    private static BigDecimal number(InputErrors errors, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return TypedNumber.parse(text);
        } catch (NumberFormatException e) {
            errors.add(field, "keyaccounts.plan.error.number");
            return null;
        }
    }

    /** An id that is no UUID names nothing offered: the service answers it as an unknown one. */
    private static UUID id(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

    private static Integer year(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Status status(String text) {
        try {
            return text == null || text.isBlank() ? null : Status.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The addresses of the list's pages, each keeping the filters. */
    record Links(Integer year, Status status, UUID kam) {

        public String page(int page) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(PATH);
            if (year != null) {
                uri.queryParam("year", year);
            }
            if (status != null) {
                uri.queryParam("status", status.name());
            }
            if (kam != null) {
                uri.queryParam("kam", kam);
            }
            if (page > 0) {
                uri.queryParam("page", page);
            }
            return uri.encode().build().toUriString();
        }
    }

    @Bean
    static NavigationEntry accountPlanNavigation() {
        return new NavigationEntry("nav.accountPlans", PATH, 44, null).inGroup(NavigationEntry.ANALYTICS);
    }

    @Bean
    static CompanySection accountPlanSection() {
        return CompanySection.of("keyaccounts.plan.section.heading", 242, "/companies/{id}/account-plan");
    }
}
