package org.clientela.orders.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * An order to take.
 *
 * @param orderDate {@code null}: today; an earlier day only when loading the history of a previous system
 */
public record NewOrder(String companyId, String contactId, Boolean informClient, LocalDate orderDate,
        List<LineInput> lines) {
}
