package org.clientela.catalog.api;

import org.clientela.catalog.ProductInput;

/**
 * A product as the API takes it; amounts as text ("2150.00") so that a wrong one is named at its
 * field. On PATCH, a missing field is kept; {@code version} may stand for the If-Match header.
 */
record ProductRequest(String sku, String name, String unit, String group, String formula, String basePrice,
        String costPrice, Boolean active, Long version) {

    ProductInput toInput() {
        return new ProductInput(sku, name, unit, group, formula, basePrice, costPrice, active);
    }
}
