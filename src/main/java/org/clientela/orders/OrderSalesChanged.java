package org.clientela.orders;

import java.time.LocalDate;
import java.util.UUID;

import org.clientela.clients.CompanyId;

/**
 * What an order adds to its client's sales changed, in the month of {@link #day()}: published in
 * the transaction of the change, so that a listener may note it in that transaction and act on it
 * after the commit, when the change is there to see. The sales as the orders module counts them are
 * the view {@code order_sales_line} (V24); these events say where to look again.
 */
public sealed interface OrderSalesChanged permits OrderConfirmed, ConfirmedOrderCancelled, OrderReturnRegistered {

    UUID orderId();

    /** The order's company when the change was made (a merge may move the order later). */
    CompanyId company();

    /** The day whose month changed: the order's date, or the return's. */
    LocalDate day();
}
