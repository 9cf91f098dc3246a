package org.clientela.orders.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.clientela.clients.CompanyContacts;
import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanySection;
import org.clientela.clients.VisibleCompanies;
import org.clientela.credit.CreditControl;
import org.clientela.identity.Role;
import org.clientela.orders.OrderStatus;
import org.clientela.orders.internal.LineInput;
import org.clientela.orders.internal.NewOrder;
import org.clientela.orders.internal.OrderAccess;
import org.clientela.orders.internal.OrderMail;
import org.clientela.orders.internal.OrderQueries;
import org.clientela.orders.internal.OrderService;
import org.clientela.orders.internal.OrderView;
import org.clientela.platform.FormErrors;
import org.clientela.platform.NavigationEntry;
import org.clientela.platform.StartPagePanel;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InputErrors;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.TypedNumber;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
 * The orders' screens: the list, a new order for a client, the order page with its lines edited in
 * place while a draft, and the buttons of each step; the orders section of the company page and the
 * start page's panels.
 */
@Controller
class OrderPageController {

    static final String PATH = "/orders";
    static final int PAGE_SIZE = 25;

    private final OrderService orders;
    private final OrderQueries queries;
    private final OrderMail mail;
    private final VisibleCompanies companies;
    private final CompanyContacts contacts;
    private final CreditControl credit;
    private final MessageSource messages;
    private final ReturnsCard returnsCard;
    private final WorkPlanCard workPlanCard;
    private final Clock clock;

    OrderPageController(OrderService orders, OrderQueries queries, OrderMail mail, VisibleCompanies companies,
            CompanyContacts contacts, CreditControl credit, MessageSource messages, ReturnsCard returnsCard,
            WorkPlanCard workPlanCard, Clock clock) {
        this.orders = orders;
        this.queries = queries;
        this.mail = mail;
        this.companies = companies;
        this.contacts = contacts;
        this.credit = credit;
        this.messages = messages;
        this.returnsCard = returnsCard;
        this.workPlanCard = workPlanCard;
        this.clock = clock;
    }

    /** The form of a line: numbers as a Russian types them. */
    record LineForm(String productId, String quantity, String width, String height, String discountPercent,
            Long version) {

        static LineForm empty(long version) {
            return new LineForm(null, "1", null, null, "0", version);
        }

        LineInput toInput() {
            InputErrors errors = new InputErrors();
            LineInput input = new LineInput(productId, number(errors, "quantity", quantity),
                    number(errors, "width", width), number(errors, "height", height),
                    number(errors, "discountPercent", discountPercent));
            errors.throwIfAny();
            return input;
        }

        private static BigDecimal number(InputErrors errors, String field, String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return TypedNumber.parse(text.strip());
            } catch (NumberFormatException e) {
                errors.add(field, "orders.number.invalid", text);
                return null;
            }
        }
    }

    record NewOrderForm(String companyId, String contactId, Boolean informClient, String orderDate) {
    }

    @GetMapping(PATH)
    String list(@RequestParam(required = false) UUID companyId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        OrderStatus chosen = parseStatus(status);
        LocalDate fromDay = parseDate(from);
        LocalDate toDay = parseDate(to);
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("status", chosen);
        model.addAttribute("from", fromDay);
        model.addAttribute("to", toDay);
        model.addAttribute("companyId", companyId);
        try {
            model.addAttribute("orders", queries.list(new OrderQueries.OrderFilter(companyId, chosen, fromDay, toDay),
                    PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(Sort.Order.desc("orderDate"),
                            Sort.Order.desc("number")))));
        } catch (InvalidInputException exception) {
            model.addAttribute("filterProblem", messages.getMessage(exception.messageKey(), exception.arguments(),
                    locale));
            model.addAttribute("orders", null);
        }
        model.addAttribute("mayEdit", OrderAccess.mayEdit());
        model.addAttribute("mayEditTemplates", OrderAccess.mayEditTemplates());
        // the executing department sees every order but not the client base
        model.addAttribute("companyLinks", OrderAccess.creditVisible());
        return "orders/list";
    }

    @GetMapping(PATH + "/new")
    String newOrder(@RequestParam UUID companyId, Model model) {
        OrderAccess.requireEditor();
        model.addAttribute("newOrderForm", new NewOrderForm(companyId.toString(), null, true, null));
        return newForm(companyId, model);
    }

    @PostMapping(PATH + "/new")
    String create(@ModelAttribute("newOrderForm") NewOrderForm form, BindingResult result, Model model) {
        UUID companyId = UUID.fromString(form.companyId());
        try {
            LocalDate day = form.orderDate() == null || form.orderDate().isBlank() ? null
                    : LocalDate.parse(form.orderDate().strip());
            OrderView created = orders.create(new NewOrder(form.companyId(), form.contactId(),
                    Boolean.TRUE.equals(form.informClient()), day, List.of()));
            return "redirect:" + PATH + "/" + created.id();
        } catch (DateTimeParseException exception) {
            result.rejectValue("orderDate", "orders.date.invalid", new Object[] {form.orderDate()}, null);
        } catch (InvalidInputException exception) {
            FormErrors.reject(result, exception);
        }
        return newForm(companyId, model);
    }

    private String newForm(UUID companyId, Model model) {
        CompanyId company = new CompanyId(companyId);
        model.addAttribute("company", companies.company(company));
        model.addAttribute("contacts", contacts.of(company));
        model.addAttribute("mayBackdate", OrderAccess.mayBackdate());
        model.addAttribute("today", LocalDate.now(clock));
        return "orders/new";
    }

    @GetMapping(PATH + "/{id}")
    String order(@PathVariable UUID id, Model model) {
        OrderView order = queries.order(id);
        model.addAttribute("order", order);
        model.addAttribute("history", queries.history(id));
        model.addAttribute("mails", mail.sent(id));
        model.addAttribute("suggestions", queries.suggestions(id));
        model.addAttribute("next", order.status().next());
        model.addAttribute("mayEdit", OrderAccess.mayEdit());
        model.addAttribute("mayMove", OrderAccess.mayMove()
                && (order.status().next() != OrderStatus.CLOSED || OrderAccess.mayEdit()));
        model.addAttribute("mayDecideCredit", OrderAccess.mayDecideCredit());
        model.addAttribute("margins", OrderAccess.marginsVisible());
        model.addAttribute("creditVisible", OrderAccess.creditVisible());
        boolean editable = order.status() == OrderStatus.DRAFT && OrderAccess.mayEdit();
        model.addAttribute("editable", editable);
        if (editable) {
            model.addAttribute("lineForm", LineForm.empty(order.version()));
            model.addAttribute("products", queries.products(null));
        }
        if (OrderAccess.mayEdit()) {
            model.addAttribute("contacts", contacts.of(new CompanyId(order.companyId())));
        }
        returnsCard.addTo(model, order, ReturnsCard.ReturnForm.empty(), Map.of());
        workPlanCard.addTo(model, order);
        if (order.status() == OrderStatus.CREDIT_HOLD && OrderAccess.creditVisible()) {
            model.addAttribute("terms", credit.termsOf(new CompanyId(order.companyId())));
        }
        return "orders/order";
    }

    @PostMapping(PATH + "/{id}/confirm")
    String confirm(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            OrderService.Confirmation confirmation = orders.confirm(id, null);
            flash(redirect, confirmation.decision().allowed() ? "orders.flash.confirmed" : null,
                    confirmation.decision().allowed() ? null : "orders.flash.held", confirmation.order().number());
        });
    }

    @PostMapping(PATH + "/{id}/approve-credit")
    String approve(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> flash(redirect, "orders.flash.approved", null,
                orders.approveCredit(id, reason).number()));
    }

    @PostMapping(PATH + "/{id}/reject-credit")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> flash(redirect, "orders.flash.rejected", null,
                orders.rejectCredit(id, reason).number()));
    }

    @PostMapping(PATH + "/{id}/status")
    String status(@PathVariable UUID id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, () -> flash(redirect, "orders.flash.status", null,
                orders.changeStatus(id, status, note).number()));
    }

    @PostMapping(PATH + "/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> flash(redirect, "orders.flash.cancelled", null,
                orders.cancel(id, reason).number()));
    }

    @PostMapping(PATH + "/{id}/invoice")
    String invoice(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> flash(redirect, "orders.flash.invoiced", null,
                orders.invoice(id).invoiceNumber()));
    }

    @PostMapping(PATH + "/{id}/problem")
    String problem(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, () -> flash(redirect, orders.reportProblem(id, note) ? "orders.flash.problemSent"
                : "orders.flash.problemKept", null, queries.order(id).number()));
    }

    @PostMapping(PATH + "/{id}/contact")
    String contact(@PathVariable UUID id, @RequestParam(required = false) String contactId,
            @RequestParam(required = false) Boolean informClient, @RequestParam(required = false) Long version,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> flash(redirect, "orders.flash.contact", null, orders.changeContact(id,
                version == null ? -1 : version, contactId, Boolean.TRUE.equals(informClient)).number()));
    }

    /**
     * Runs a step and goes back to the order; a refusal (a wrong field, a step not allowed, a stale
     * page) is said above the order. The order's visibility is checked first: nobody learns of a
     * hidden order from a refusal.
     */
    private String act(UUID id, RedirectAttributes redirect, Runnable step) {
        queries.order(id);
        try {
            step.run();
        } catch (InvalidInputException exception) {
            redirect.addFlashAttribute("orderProblem", exception.problems().stream()
                    .map(problem -> messages.getMessage(problem.messageKey(), problem.arguments(),
                            org.springframework.context.i18n.LocaleContextHolder.getLocale()))
                    .toList());
        } catch (ConflictException exception) {
            redirect.addFlashAttribute("orderProblem", List.of(messages.getMessage(exception.messageKey(),
                    exception.arguments(), org.springframework.context.i18n.LocaleContextHolder.getLocale())));
        }
        return "redirect:" + PATH + "/" + id;
    }

    private static void flash(RedirectAttributes redirect, String success, String error, String argument) {
        if (success != null) {
            redirect.addFlashAttribute("flashSuccess", success);
        }
        if (error != null) {
            redirect.addFlashAttribute("flashError", error);
        }
        redirect.addFlashAttribute("flashArgs", argument);
    }

    /** The orders section of the company page; 404 for a company the user may not see. */
    @GetMapping("/companies/{id}/orders")
    String companyOrders(@PathVariable UUID id, Model model) {
        model.addAttribute("companyId", id);
        model.addAttribute("orders", queries.ofCompany(id, 10));
        model.addAttribute("mayEdit", OrderAccess.mayEdit());
        return "orders/fragments :: companyOrders";
    }

    @GetMapping(PATH + "/panels/credit-hold")
    String creditHoldPanel(Model model) {
        model.addAttribute("orders", queries.onCreditHold(20));
        return "orders/fragments :: creditHold";
    }

    @GetMapping(PATH + "/panels/changes")
    String changesPanel(Model model) {
        model.addAttribute("changes", queries.changesByOthers(15));
        return "orders/fragments :: changes";
    }

    private static OrderStatus parseStatus(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OrderStatus.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Bean
    static NavigationEntry ordersNavigation() {
        return new NavigationEntry("nav.orders", PATH, 25, null);
    }

    @Bean
    static CompanySection companyOrdersSection() {
        return CompanySection.of("orders.section.heading", 250, "/companies/{id}/orders");
    }

    @Bean
    static StartPagePanel creditHoldPanelEntry() {
        return StartPagePanel.forAuthorities("orders.panel.creditHold", 200, PATH + "/panels/credit-hold",
                Role.CREDIT_CONTROLLER.authority(), Role.HEAD.authority(), Role.DIRECTOR.authority());
    }

    @Bean
    static StartPagePanel changesPanelEntry() {
        return StartPagePanel.forAuthorities("orders.panel.changes", 210, PATH + "/panels/changes",
                Role.MANAGER.authority(), Role.KEY_ACCOUNT_MANAGER.authority(), Role.HEAD.authority());
    }
}
