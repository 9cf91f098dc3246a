package org.clientela.salesfacts.internal;

import org.clientela.orders.OrderSalesChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the facts current: in the transaction of each change to what an order adds to the sales,
 * the order is noted as pending, so that the note commits exactly with the change and survives a
 * crash; after the commit the catch-up is woken to apply it.
 */
@Component
class OrderSalesListener {

    private final SalesFactTable facts;
    private final SalesFactCatchUp catchUp;

    OrderSalesListener(SalesFactTable facts, SalesFactCatchUp catchUp) {
        this.facts = facts;
        this.catchUp = catchUp;
    }

    @EventListener
    void on(OrderSalesChanged change) {
        facts.recordPending(change.orderId(), change.company());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    catchUp.wake();
                }
            });
        } else {
            catchUp.wake();
        }
    }
}
