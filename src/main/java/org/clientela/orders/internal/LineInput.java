package org.clientela.orders.internal;

import java.math.BigDecimal;

/**
 * A line as the user asks for it: a product, how many (m² are counted in units of the given size
 * for a glass unit) and the manager's discount in percent off the client's price.
 */
public record LineInput(String productId, BigDecimal quantity, BigDecimal width, BigDecimal height,
        BigDecimal discountPercent) {
}
