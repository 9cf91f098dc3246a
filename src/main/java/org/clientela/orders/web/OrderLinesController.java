package org.clientela.orders.web;

import java.util.Map;
import java.util.UUID;

import org.clientela.orders.OrderStatus;
import org.clientela.orders.internal.OrderAccess;
import org.clientela.orders.internal.OrderQueries;
import org.clientela.orders.internal.OrderService;
import org.clientela.orders.internal.OrderView;
import org.clientela.platform.FormErrors;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A draft's lines edited in place (htmx): the lines card comes back with the new totals, or with
 * the form and each problem at its field. A browser without htmx gets the whole page.
 */
@Controller
class OrderLinesController {

    static final String LINES = "orders/fragments :: lines";

    private final OrderService orders;
    private final OrderQueries queries;
    private final org.springframework.context.MessageSource messages;

    OrderLinesController(OrderService orders, OrderQueries queries,
            org.springframework.context.MessageSource messages) {
        this.orders = orders;
        this.queries = queries;
        this.messages = messages;
    }

    @GetMapping(OrderPageController.PATH + "/{id}/lines")
    String lines(@PathVariable UUID id, Model model) {
        OrderView order = queries.order(id);
        return card(order, OrderPageController.LineForm.empty(order.version()), null, model);
    }

    /** The products matching what was typed, as the options of the picker. */
    @GetMapping(OrderPageController.PATH + "/products")
    String products(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("products", queries.products(q));
        return "orders/fragments :: productOptions";
    }

    @PostMapping(OrderPageController.PATH + "/{id}/lines")
    String add(@PathVariable UUID id, @ModelAttribute("lineForm") OrderPageController.LineForm form,
            BindingResult result, Model model) {
        OrderView order = queries.order(id);
        try {
            OrderView saved = orders.addLine(id, form.version() == null ? -1 : form.version(), form.toInput());
            return card(saved, OrderPageController.LineForm.empty(saved.version()), null, model);
        } catch (InvalidInputException exception) {
            FormErrors.reject(result, exception, Map.of());
        } catch (ConflictException exception) {
            FormErrors.reject(result, exception);
        }
        return card(order, null, null, model);
    }

    @GetMapping(OrderPageController.PATH + "/{id}/lines/{lineId}/edit")
    String edit(@PathVariable UUID id, @PathVariable UUID lineId, Model model) {
        OrderView order = queries.order(id);
        var line = order.lines().stream().filter(candidate -> candidate.id().equals(lineId)).findFirst()
                .orElseThrow(() -> new org.clientela.shared.RecordNotFoundException("OrderLine", lineId));
        model.addAttribute("editForm", new OrderPageController.LineForm(line.productId().toString(),
                plain(line.quantity()), plain(line.width()), plain(line.height()), plain(line.discountPercent()),
                order.version()));
        return card(order, OrderPageController.LineForm.empty(order.version()), lineId, model);
    }

    @PostMapping(OrderPageController.PATH + "/{id}/lines/{lineId}")
    String change(@PathVariable UUID id, @PathVariable UUID lineId,
            @ModelAttribute("editForm") OrderPageController.LineForm form, BindingResult result, Model model) {
        OrderView order = queries.order(id);
        try {
            OrderView saved = orders.changeLine(id, lineId, form.version() == null ? -1 : form.version(),
                    form.toInput());
            return card(saved, OrderPageController.LineForm.empty(saved.version()), null, model);
        } catch (InvalidInputException exception) {
            FormErrors.reject(result, exception, Map.of());
        } catch (ConflictException exception) {
            FormErrors.reject(result, exception);
        }
        return card(order, OrderPageController.LineForm.empty(order.version()), lineId, model);
    }

    @PostMapping(OrderPageController.PATH + "/{id}/lines/{lineId}/delete")
    String remove(@PathVariable UUID id, @PathVariable UUID lineId, @RequestParam(required = false) Long version,
            Model model) {
        OrderView order = queries.order(id);
        try {
            OrderView saved = orders.removeLine(id, lineId, version == null ? -1 : version);
            return card(saved, OrderPageController.LineForm.empty(saved.version()), null, model);
        } catch (ConflictException exception) {
            model.addAttribute("linesProblem", messages.getMessage(exception.messageKey(), exception.arguments(),
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        }
        return card(order, OrderPageController.LineForm.empty(order.version()), null, model);
    }

    private String card(OrderView order, OrderPageController.LineForm form, UUID editing, Model model) {
        model.addAttribute("order", order);
        if (form != null) {
            model.addAttribute("lineForm", form);
        }
        boolean editable = order.status() == OrderStatus.DRAFT && OrderAccess.mayEdit();
        model.addAttribute("editing", editable ? editing : null);
        model.addAttribute("editable", editable);
        model.addAttribute("margins", OrderAccess.marginsVisible());
        if (editable) {
            model.addAttribute("products", queries.products(null));
        }
        return LINES;
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
