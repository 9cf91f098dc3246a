package org.clientela.orders;

import java.time.LocalDate;
import java.util.UUID;

import org.clientela.clients.CompanyId;

/** An order was confirmed, at once or by a person's approval of its credit hold: it counts in the sales now. */
public record OrderConfirmed(UUID orderId, CompanyId company, LocalDate orderDate) implements OrderSalesChanged {

    @Override
    public LocalDate day() {
        return orderDate;
    }
}
