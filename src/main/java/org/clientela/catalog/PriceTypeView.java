package org.clientela.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/** A price type: the discount in percent off the base price that its clients get. */
public record PriceTypeView(UUID id, String name, BigDecimal discountPercent) {
}
