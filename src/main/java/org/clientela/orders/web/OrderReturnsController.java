package org.clientela.orders.web;

import java.util.Map;
import java.util.UUID;

import org.clientela.orders.internal.OrderQueries;
import org.clientela.orders.internal.OrderReturnService;
import org.clientela.orders.internal.OrderView;
import org.clientela.shared.ConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The order page's returns card, its form answered in place (htmx). */
@Controller
class OrderReturnsController {

    private final OrderQueries queries;
    private final OrderReturnService returns;
    private final ReturnsCard card;
    private final MessageSource messages;

    OrderReturnsController(OrderQueries queries, OrderReturnService returns, ReturnsCard card,
            MessageSource messages) {
        this.queries = queries;
        this.returns = returns;
        this.card = card;
        this.messages = messages;
    }

    @GetMapping(OrderPageController.PATH + "/{id}/returns")
    String returns(@PathVariable UUID id, Model model) {
        card.addTo(model, queries.order(id), ReturnsCard.ReturnForm.empty(), Map.of());
        return ReturnsCard.FRAGMENT;
    }

    @PostMapping(OrderPageController.PATH + "/{id}/returns")
    String register(@PathVariable UUID id, @RequestParam Map<String, String> parameters, Model model) {
        OrderView order = queries.order(id);
        ReturnsCard.ReturnForm form = ReturnsCard.ReturnForm.of(parameters);
        try {
            Map<String, String> errors = card.register(id, form, returns.returnable(id),
                    LocaleContextHolder.getLocale());
            if (errors.isEmpty()) {
                model.addAttribute("returnRegistered", true);
                card.addTo(model, queries.order(id), ReturnsCard.ReturnForm.empty(), Map.of());
            } else {
                card.addTo(model, order, form, errors);
            }
        } catch (ConflictException exception) {
            model.addAttribute("returnsProblem", messages.getMessage(exception.messageKey(), exception.arguments(),
                    LocaleContextHolder.getLocale()));
            card.addTo(model, order, form, Map.of());
        }
        return ReturnsCard.FRAGMENT;
    }
}
