package org.clientela.orders.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.clientela.catalog.ClientPrices;
import org.clientela.catalog.PriceBreakdown;
import org.clientela.catalog.ProductId;
import org.clientela.catalog.UnitSize;
import org.clientela.clients.CompanyId;
import org.clientela.shared.InputErrors;
import org.clientela.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Prices a line for a client on the order's day: the client's price from the catalogue, then the
 * line's own discount. Every problem of the line goes to its field ({@code lines[2].quantity}).
 */
@Component
class LinePricing {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final String REQUIRED = "orders.field.required";
    static final String UNKNOWN_PRODUCT = "orders.line.unknownProduct";
    static final String INACTIVE_PRODUCT = "orders.line.inactiveProduct";
    static final String QUANTITY_POSITIVE = "orders.line.quantityPositive";
    static final String SIZE_REQUIRED = "orders.line.sizeRequired";
    static final String SIZE_NOT_APPLICABLE = "orders.line.sizeNotApplicable";
    static final String DISCOUNT_RANGE = "orders.line.discountRange";
    static final String BELOW_COST = "orders.line.belowCost";
    /** The catalogue's fields of a price question, as a line calls them. */
    private static final Map<String, String> CATALOG_FIELDS = Map.of("quantity", "quantity", "width", "width",
            "height", "height", "date", "productId");

    /** A priced line, ready to be written. */
    record Priced(ProductFacts.Product product, BigDecimal quantity, UnitSize size, PriceBreakdown breakdown,
            BigDecimal discountPercent, BigDecimal unitPrice, BigDecimal amount, BigDecimal costAmount) {
    }

    private final ClientPrices prices;
    private final ProductFacts products;

    LinePricing(ClientPrices prices, ProductFacts products) {
        this.prices = prices;
        this.products = products;
    }

    /**
     * @param prefix the line's path in the request, e.g. {@code lines[0].}, or empty
     * @return the priced line, or {@code null} with its problems in {@code errors}
     */
    Priced price(CompanyId company, LocalDate day, LineInput line, String prefix, InputErrors errors) {
        InputErrors own = new InputErrors();
        ProductFacts.Product product = product(line.productId(), prefix, own);
        BigDecimal quantity = line.quantity();
        if (quantity == null) {
            own.add(prefix + "quantity", REQUIRED);
        } else if (quantity.signum() <= 0) {
            own.add(prefix + "quantity", QUANTITY_POSITIVE);
        }
        UnitSize size = null;
        boolean sized = line.width() != null || line.height() != null;
        if (product != null && product.bySize()) {
            if (line.width() == null) {
                own.add(prefix + "width", SIZE_REQUIRED);
            }
            if (line.height() == null) {
                own.add(prefix + "height", SIZE_REQUIRED);
            }
            if (line.width() != null && line.height() != null) {
                size = new UnitSize(line.width(), line.height());
            }
        } else if (product != null && sized) {
            own.add(prefix + "width", SIZE_NOT_APPLICABLE);
        }
        BigDecimal discount = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
        if (discount.signum() < 0 || discount.compareTo(HUNDRED) >= 0 || discount.stripTrailingZeros().scale() > 2) {
            own.add(prefix + "discountPercent", DISCOUNT_RANGE);
        }
        PriceBreakdown breakdown = null;
        if (product != null && !own.has(prefix + "quantity") && !own.has(prefix + "width")
                && !own.has(prefix + "height")) {
            try {
                breakdown = prices.priceFor(company, new ProductId(product.id()), day, quantity, size);
            } catch (InvalidInputException exception) {
                for (InvalidInputException.Problem problem : exception.problems()) {
                    own.add(prefix + CATALOG_FIELDS.getOrDefault(problem.field(), "productId"), problem.messageKey(),
                            problem.arguments());
                }
            }
        }
        if (breakdown == null || own.has(prefix + "discountPercent")) {
            copy(own, errors);
            return null;
        }
        BigDecimal unitPrice = breakdown.unitPrice().multiply(HUNDRED.subtract(discount)).divide(HUNDRED)
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal units = breakdown.billableArea() == null ? quantity : quantity.multiply(breakdown.billableArea());
        BigDecimal amount = unitPrice.multiply(units).setScale(2, RoundingMode.HALF_UP);
        BigDecimal cost = product.costPrice() == null ? null
                : product.costPrice().multiply(units).setScale(2, RoundingMode.HALF_UP);
        if (product.costPrice() != null && unitPrice.compareTo(product.costPrice()) < 0
                && !OrderAccess.mayPriceBelowCost()) {
            errors.add(prefix + "discountPercent", BELOW_COST);
            return null;
        }
        return new Priced(product, quantity, size, breakdown, discount.setScale(2, RoundingMode.UNNECESSARY),
                unitPrice, amount, cost);
    }

    private ProductFacts.Product product(String id, String prefix, InputErrors errors) {
        if (id == null || id.isBlank()) {
            errors.add(prefix + "productId", REQUIRED);
            return null;
        }
        UUID parsed;
        try {
            parsed = UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            errors.add(prefix + "productId", UNKNOWN_PRODUCT, id);
            return null;
        }
        ProductFacts.Product product = products.find(parsed).orElse(null);
        if (product == null) {
            errors.add(prefix + "productId", UNKNOWN_PRODUCT, id);
        } else if (!product.active()) {
            errors.add(prefix + "productId", INACTIVE_PRODUCT, product.sku());
            return null;
        }
        return product;
    }

    private static void copy(InputErrors from, InputErrors to) {
        try {
            from.throwIfAny();
        } catch (InvalidInputException exception) {
            exception.problems().forEach(problem -> to.add(problem.field(), problem.messageKey(), problem.arguments()));
        }
    }
}
