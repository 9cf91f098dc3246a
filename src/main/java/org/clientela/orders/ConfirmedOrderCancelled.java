package org.clientela.orders;

import java.time.LocalDate;
import java.util.UUID;

import org.clientela.clients.CompanyId;

/** An order that counted in the sales was cancelled: it counts no more. */
public record ConfirmedOrderCancelled(UUID orderId, CompanyId company, LocalDate orderDate)
        implements OrderSalesChanged {

    @Override
    public LocalDate day() {
        return orderDate;
    }
}
