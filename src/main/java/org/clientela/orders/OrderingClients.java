package org.clientela.orders;

import java.time.LocalDate;
import java.util.List;

import org.clientela.clients.CompanyId;

/**
 * Who has been ordering, for the early warnings (K4): per client, its orders that count as sales
 * (confirmed and not cancelled, {@link OrderStatus#countsInSales()}) dated in a period. It answers
 * for every client and checks no access: the caller shows only what the user may see.
 */
public interface OrderingClients {

    /**
     * Every company with at least one such order dated from {@code from} to {@code to}
     * (inclusive): how many, and the date of the latest.
     */
    List<OrderingClient> ordering(LocalDate from, LocalDate to);

    record OrderingClient(CompanyId company, int orders, LocalDate lastOrderDate) {
    }
}
