package org.clientela.catalog.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.clientela.catalog.ClientPrices;
import org.clientela.catalog.UnitSize;

/**
 * The arithmetic of a client's price, as {@link org.clientela.catalog.PriceBreakdown} documents it:
 * the unit price and the line amount are rounded half-up to kopecks, nothing else.
 */
record Pricing(BigDecimal typeUnitPrice, BigDecimal unitPrice, BigDecimal area, BigDecimal billableArea, BigDecimal lineAmount) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * @param clientDiscountPercent the client's own discount after the price type's, 0 without one
     * @param size the size of each unit of a product priced by its area, or {@code null}
     */
    static Pricing of(BigDecimal basePrice, BigDecimal discountPercent, BigDecimal clientDiscountPercent,
            BigDecimal quantity, UnitSize size) {
        BigDecimal typeUnitPrice = less(basePrice, discountPercent);
        BigDecimal unitPrice = less(typeUnitPrice, clientDiscountPercent);
        if (size == null) {
            return new Pricing(typeUnitPrice, unitPrice, null, null,
                    unitPrice.multiply(quantity).setScale(2, RoundingMode.HALF_UP));
        }
        BigDecimal area = size.area();
        BigDecimal billable = area.max(ClientPrices.MINIMUM_AREA);
        return new Pricing(typeUnitPrice, unitPrice, area, billable,
                unitPrice.multiply(billable).multiply(quantity).setScale(2, RoundingMode.HALF_UP));
    }

    private static BigDecimal less(BigDecimal price, BigDecimal percent) {
        return price.multiply(HUNDRED.subtract(percent)).divide(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }

    /** What the line costs the factory at {@code costPrice} per unit (per m² of billable area). */
    BigDecimal cost(BigDecimal costPrice, BigDecimal quantity) {
        BigDecimal cost = costPrice.multiply(quantity);
        return (billableArea == null ? cost : cost.multiply(billableArea)).setScale(2, RoundingMode.HALF_UP);
    }
}
