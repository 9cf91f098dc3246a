package org.clientela.orders.internal;

import java.util.List;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.orders.OrderSalesChangeNote;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.util.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notes of every {@link OrderSalesChangeNote} for the orders whose sales a statement changes,
 * as common table expressions of that statement.
 */
@Component
class SalesChangeNotes {

    private final JdbcClient jdbc;
    // put together at the first change, not injected: the modules that contribute notes need the
    // orders' beans in turn
    private final Lazy<List<String>> inserts;

    SalesChangeNotes(JdbcClient jdbc, ObjectProvider<OrderSalesChangeNote> notes) {
        this.jdbc = jdbc;
        this.inserts = Lazy.of(() -> notes.orderedStream().map(OrderSalesChangeNote::insertForChangedOrders)
                .toList());
    }

    /**
     * The common table expressions that note the orders {@code changed} selects ({@code order_id,
     * company_id}), each after a comma, to follow the statement's own; nothing when no module takes
     * notes.
     */
    String after(String changed) {
        return inserts.get().isEmpty() ? "" : ", " + noting(changed);
    }

    /** Notes one order's change in a statement of its own, for a command that makes it in several. */
    void note(UUID orderId, CompanyId company) {
        if (inserts.get().isEmpty()) {
            return;
        }
        // the data-modifying common table expressions run whether or not the final select reads them
        jdbc.sql("with " + noting("select cast(:order as uuid) as order_id, cast(:company as uuid) as company_id")
                        + " select 1")
                .param("order", orderId).param("company", company.value()).query(Integer.class).single();
    }

    private String noting(String changed) {
        StringBuilder with = new StringBuilder(OrderSalesChangeNote.CHANGED_ORDERS + " as (" + changed + ")");
        for (int i = 0; i < inserts.get().size(); i++) {
            with.append(", sales_change_noted_").append(i).append(" as (").append(inserts.get().get(i)).append(')');
        }
        return with.toString();
    }
}
