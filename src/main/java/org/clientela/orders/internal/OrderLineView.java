package org.clientela.orders.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A line of an order with the reasons for its price: the base price of the price list version in
 * force on the order's date, less the discount of the client's price type, is the list unit price
 * (as {@code ClientPrices} computes it: with a client's own discount, such as a key account's service
 * tier, that is taken off {@code typeUnitPrice}, the price after the price type, named by
 * {@code clientDiscount}; all three {@code null} without one); less the line's own discount it is the unit price,
 * rounded half-up to kopecks; times the billable area of each glass unit (at least 0.3 m²) and the
 * quantity it is the amount, without VAT, rounded half-up to kopecks. {@code costAmount} and
 * {@code margin} only for those who may see margins.
 */
public record OrderLineView(UUID id, int position, UUID productId, String sku, String productName, String unit,
        String group, BigDecimal quantity, BigDecimal width, BigDecimal height, BigDecimal area,
        BigDecimal billableArea, BigDecimal basePrice, int priceListVersion, LocalDate priceListEffectiveFrom,
        String priceType, BigDecimal priceTypeDiscount, BigDecimal typeUnitPrice, String clientDiscount,
        BigDecimal clientDiscountPercent, BigDecimal listUnitPrice, BigDecimal discountPercent,
        BigDecimal unitPrice, BigDecimal amount, BigDecimal costAmount, BigDecimal margin) {
}
