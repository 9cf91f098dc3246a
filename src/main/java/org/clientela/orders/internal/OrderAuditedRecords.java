package org.clientela.orders.internal;

import java.util.UUID;

import org.clientela.audit.AuditedRecords;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.stereotype.Component;

/** An order's history is for whoever may see the order. */
@Component
class OrderAuditedRecords implements AuditedRecords {

    private final OrderQueries queries;

    OrderAuditedRecords(OrderQueries queries) {
        this.queries = queries;
    }

    @Override
    public String entityType() {
        return OrderService.SALES_ORDER;
    }

    @Override
    public boolean maySee(String entityId) {
        try {
            queries.order(UUID.fromString(entityId));
            return true;
        } catch (IllegalArgumentException | RecordNotFoundException e) {
            return false;
        }
    }
}
