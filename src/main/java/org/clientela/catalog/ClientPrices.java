package org.clientela.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.clientela.clients.CompanyId;

/**
 * The price of a product for a client on a day (P2), as the orders module prices its lines: the
 * base price in force that day, less the discount of the client's price type, times the quantity
 * (and, for glass units, their billable area). See {@link PriceBreakdown} for each step and its
 * rounding.
 */
public interface ClientPrices {

    /** The least area billed per glass unit, in m²: factories bill a small unit as this big. */
    BigDecimal MINIMUM_AREA = new BigDecimal("0.3");

    /**
     * @param size the size of each unit: required for a product by formula (priced per m² of its
     *             size), refused for any other
     * @throws org.clientela.shared.RecordNotFoundException when the company or the product is not
     *             there for the current user
     * @throws org.clientela.shared.InvalidInputException when the quantity or the size is wrong, or
     *             the product has no base price that day
     */
    PriceBreakdown priceFor(CompanyId company, ProductId product, LocalDate day, BigDecimal quantity, UnitSize size);
}
