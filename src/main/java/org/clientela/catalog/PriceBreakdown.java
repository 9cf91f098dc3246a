package org.clientela.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A client's price of a product on a day and why it is so, in roubles:
 * <ol>
 * <li>{@code basePrice}: the entry of the base price list's latest version effective on or before
 * {@code day} ({@code priceListVersion} names it);</li>
 * <li>{@code typeUnitPrice} = basePrice × (100 − {@code discountPercent}) / 100, rounded half-up to
 * kopecks — the discount is that of the client's price type (none without one);</li>
 * <li>{@code unitPrice} = typeUnitPrice × (100 − {@code clientDiscountPercent}) / 100, rounded
 * half-up to kopecks — the client's own discount (a key account's service tier, named by
 * {@code clientDiscount}; both {@code null} and unitPrice = typeUnitPrice without one). The
 * discounts are successive, not added: 1 000,00 less 5 % less 3 % is 950,00 less 3 % = 921,50;</li>
 * <li>{@code billableArea} (only for glass units priced by size): per unit, width × height in
 * metres, but not less than {@link ClientPrices#MINIMUM_AREA} m² — a small unit takes as much work
 * as one of that size; not rounded;</li>
 * <li>{@code lineAmount} = unitPrice × billableArea × quantity (unitPrice × quantity without a
 * size), rounded half-up to kopecks.</li>
 * </ol>
 * Nothing else is rounded. {@code costPrice} and {@code margin} (lineAmount − costPrice × the same
 * quantity and area) are {@code null} unless the caller may see margins.
 */
public record PriceBreakdown(UUID companyId, UUID productId, String sku, String productName, Unit unit,
        LocalDate day, UUID priceListVersionId, int priceListVersion, LocalDate priceListEffectiveFrom,
        BigDecimal basePrice, String priceType, BigDecimal discountPercent, BigDecimal typeUnitPrice,
        @JsonInclude(JsonInclude.Include.NON_NULL) String clientDiscount,
        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal clientDiscountPercent, BigDecimal unitPrice,
        BigDecimal quantity, UnitSize size, BigDecimal area, BigDecimal billableArea, BigDecimal lineAmount,
        String currency, @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal costPrice,
        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal margin) {
}
