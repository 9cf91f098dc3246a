package org.clientela.orders;

/**
 * A note that an order's sales changed, written by the statement that changes them: contributed as
 * a bean by a module that keeps figures computed from the view {@code order_sales_line} and brings
 * them up to date after the commit (the sales facts). The note commits or rolls back with the
 * change, and costs the change no round trip of its own; the {@link OrderSalesChanged} event that
 * follows in the same transaction says when to act on it.
 */
public interface OrderSalesChangeNote {

    /**
     * The relation of the changed orders, {@code order_id uuid, company_id uuid} (the order's
     * company at the change), a common table expression of the changing statement.
     */
    String CHANGED_ORDERS = "changed_orders";

    /**
     * An {@code insert} into the module's own tables of a note for each row of
     * {@link #CHANGED_ORDERS}, without parameters: the orders module runs it as one more common
     * table expression of the changing statement, after the one that defines that relation.
     */
    String insertForChangedOrders();
}
