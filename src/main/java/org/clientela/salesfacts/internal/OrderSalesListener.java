package org.clientela.salesfacts.internal;

import org.clientela.orders.OrderSalesChangeNote;
import org.clientela.orders.OrderSalesChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the facts current: the statement that changes what an order adds to the sales notes the
 * order as pending (the insert this class hands the orders module), so that the note commits
 * exactly with the change and survives a crash; after the commit of the change's transaction,
 * which publishes its event, the catch-up is woken to apply it.
 */
@Component
class OrderSalesListener implements OrderSalesChangeNote {

    private final SalesFactCatchUp catchUp;

    OrderSalesListener(SalesFactCatchUp catchUp) {
        this.catchUp = catchUp;
    }

    @Override
    public String insertForChangedOrders() {
        return "insert into sales_fact_pending (order_id, company_id) select order_id, company_id from "
                + CHANGED_ORDERS;
    }

    @EventListener
    void on(OrderSalesChanged change) {
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
