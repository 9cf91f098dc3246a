package org.clientela.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clientela.clients.CompanyId;

/** A client's orders still on their way, for another module's page about the client (the meeting brief). */
public interface ClientOrders {

    /**
     * The company's orders neither closed nor cancelled (drafts and held ones included), the latest
     * first.
     *
     * @throws org.clientela.shared.RecordNotFoundException when the user may not see the company
     */
    List<OrderInProgress> inProgress(CompanyId company);

    /** @param total with VAT, in roubles */
    record OrderInProgress(UUID id, String number, OrderStatus status, LocalDate orderDate, BigDecimal total) {
    }
}
