package org.clientela.orders;

import java.time.LocalDate;
import java.util.UUID;

import org.clientela.clients.CompanyId;

/** The client sent back part of a shipped order (O4): it subtracts from the sales of the return's month. */
public record OrderReturnRegistered(UUID orderId, UUID returnId, CompanyId company, LocalDate returnDate)
        implements OrderSalesChanged {

    @Override
    public LocalDate day() {
        return returnDate;
    }
}
