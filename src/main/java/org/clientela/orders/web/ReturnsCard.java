package org.clientela.orders.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.clientela.orders.ReturnReason;
import org.clientela.orders.internal.OrderAccess;
import org.clientela.orders.internal.OrderReturnService;
import org.clientela.orders.internal.OrderReturnService.Returnable;
import org.clientela.orders.internal.OrderView;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.TypedNumber;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The order page's card of returns: the returns registered, and for a shipped order the form of a
 * new one with what may still come back of each line. The form's problems are shown at their
 * fields: the service's {@code lines[i].quantity} at the input of the line it is about.
 */
@Component
class ReturnsCard {

    static final String FRAGMENT = "orders/fragments :: returns";
    /** The form's quantity inputs are named by their line: {@code line.<id>}. */
    static final String LINE_PREFIX = "line.";

    /** What was typed into the form, kept when it is refused. */
    record ReturnForm(String date, String reason, String note, Map<String, String> quantities) {

        static ReturnForm empty() {
            return new ReturnForm("", "", "", Map.of());
        }

        static ReturnForm of(Map<String, String> parameters) {
            Map<String, String> quantities = new LinkedHashMap<>();
            parameters.forEach((name, value) -> {
                if (name.startsWith(LINE_PREFIX)) {
                    quantities.put(name.substring(LINE_PREFIX.length()), value);
                }
            });
            return new ReturnForm(parameters.get("date"), parameters.get("reason"), parameters.get("note"),
                    quantities);
        }
    }

    private final OrderReturnService returns;
    private final MessageSource messages;

    ReturnsCard(OrderReturnService returns, MessageSource messages) {
        this.returns = returns;
        this.messages = messages;
    }

    /** The card's model; the form only for a shipped order and whoever may change it. */
    void addTo(Model model, OrderView order, ReturnForm form, Map<String, String> errors) {
        model.addAttribute("order", order);
        model.addAttribute("returns", returns.returns(order.id()));
        boolean mayReturn = order.status().returnable() && OrderAccess.mayEdit();
        model.addAttribute("mayReturn", mayReturn);
        if (mayReturn) {
            model.addAttribute("returnable", returns.returnable(order.id()).stream()
                    .filter(line -> line.remaining().signum() > 0).toList());
            model.addAttribute("reasons", ReturnReason.values());
            model.addAttribute("returnForm", form);
            model.addAttribute("returnErrors", errors);
        }
        model.addAttribute("margins", OrderAccess.marginsVisible());
    }

    /**
     * Registers the form's return: the lines with a quantity typed, in the order shown. Answers the
     * problems by the form's field names, empty when the return was registered.
     */
    Map<String, String> register(UUID orderId, ReturnForm form, List<Returnable> shown, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<OrderReturnService.ReturnLineInput> lines = new ArrayList<>();
        List<String> fieldOfLine = new ArrayList<>();
        for (Returnable line : shown) {
            String typed = form.quantities().get(line.lineId().toString());
            if (typed == null || typed.isBlank()) {
                continue;
            }
            String field = LINE_PREFIX + line.lineId();
            try {
                BigDecimal quantity = TypedNumber.parse(typed.strip());
                lines.add(new OrderReturnService.ReturnLineInput(line.lineId().toString(), quantity));
                fieldOfLine.add(field);
            } catch (NumberFormatException e) {
                errors.put(field, message(new DefaultMessageSourceResolvable(new String[] {"orders.number.invalid"},
                        new Object[] {typed}), locale));
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        try {
            returns.register(orderId, new OrderReturnService.NewReturn(form.date(), form.reason(), form.note(), lines));
        } catch (InvalidInputException exception) {
            for (InvalidInputException.Problem problem : exception.problems()) {
                errors.putIfAbsent(field(problem.field(), fieldOfLine), message(new DefaultMessageSourceResolvable(
                        new String[] {problem.messageKey()}, problem.arguments()), locale));
            }
        }
        return errors;
    }

    /** {@code lines[2].quantity} is the third line typed into. */
    private static String field(String serviceField, List<String> fieldOfLine) {
        if (serviceField.startsWith("lines[")) {
            int index = Integer.parseInt(serviceField.substring("lines[".length(), serviceField.indexOf(']')));
            return fieldOfLine.get(index);
        }
        return serviceField;
    }

    private String message(MessageSourceResolvable resolvable, Locale locale) {
        return messages.getMessage(resolvable, locale);
    }
}
