package org.clientela.orders.web;

import java.time.Clock;
import java.time.LocalDate;

import org.clientela.orders.internal.OrderMail;
import org.clientela.orders.internal.OrderView;
import org.clientela.orders.internal.WorkPlanService;
import org.clientela.orders.internal.WorkPlanView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The order page's card of the work plan (A5): the steps, and the mails the client got of them. */
@Component
class WorkPlanCard {

    static final String FRAGMENT = "orders/work-plan :: plan";

    private final WorkPlanService plans;
    private final OrderMail mail;
    private final Clock clock;

    WorkPlanCard(WorkPlanService plans, OrderMail mail, Clock clock) {
        this.plans = plans;
        this.mail = mail;
        this.clock = clock;
    }

    /** The card on the order page; none for an order that has no plan to show (a draft, a held order). */
    void addTo(Model model, OrderView order) {
        if (WorkPlanService.planned(order.status()) || plans.saved(order.id())) {
            addTo(model, plans.plan(order.id()));
        }
    }

    void addTo(Model model, WorkPlanView plan) {
        model.addAttribute("workPlan", plan);
        model.addAttribute("workPlanMails", mail.sentOfWorkPlan(plan.orderId()));
        model.addAttribute("today", LocalDate.now(clock));
    }
}
