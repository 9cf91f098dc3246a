package org.clientela.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clientela.clients.CompanyId;

/**
 * The orders that may still become sales: drafts and orders held for a credit decision. A plan's
 * forecast adds them to the run rate of the sales. It answers for every client and checks no
 * access: the caller shows only what the user may see.
 */
public interface OpenOrders {

    /**
     * Per company and assortment group, the lines of the drafts and held orders dated from
     * {@code from} to {@code to} (inclusive): revenue without VAT and cost (lines of products
     * without a cost price add nothing to the cost), by company id and group id.
     */
    List<OpenOrderAmount> amounts(LocalDate from, LocalDate to);

    record OpenOrderAmount(CompanyId company, UUID groupId, BigDecimal revenue, BigDecimal cost) {
    }
}
