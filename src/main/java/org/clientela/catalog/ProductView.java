package org.clientela.catalog;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A product of the catalogue. {@code basePrice} is today's entry of the base price list (absent
 * when it has none); {@code costPrice} only for those who may see margins, absent for others.
 */
public record ProductView(UUID id, String sku, String name, Unit unit, String group, String formula,
        BigDecimal basePrice, @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal costPrice, boolean active,
        long version) {
}
