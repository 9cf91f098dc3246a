package org.clientela.salesfacts.internal;

import java.time.YearMonth;

import org.clientela.orders.OrderSalesChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the facts current: after the commit of each change to what an order adds to the sales,
 * in a transaction of its own, the month's cells are recomputed. The event publication registry
 * keeps an event until this has committed, and delivers it again after a crash.
 */
@Component
class OrderSalesListener {

    private final SalesFactTable facts;

    OrderSalesListener(SalesFactTable facts) {
        this.facts = facts;
    }

    @ApplicationModuleListener
    void on(OrderSalesChanged change) {
        facts.recompute(change.orderId(), change.company(), YearMonth.from(change.day()));
    }
}
