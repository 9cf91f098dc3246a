package org.clientela.catalog.web;

import org.clientela.catalog.ProductInput;
import org.clientela.catalog.ProductView;

/**
 * A product as its form holds it: text, checked by the service. An unticked checkbox sends
 * nothing, so a missing {@code active} is "not sold". SKU, unit, formula and base price are only
 * sent on creation (they are fixed, or change through a price list, afterwards).
 */
record ProductForm(String sku, String name, String unit, String group, String formula, String basePrice,
        String costPrice, Boolean active, Long version) {

    static ProductForm empty() {
        return new ProductForm("", "", "", "", "", "", "", true, null);
    }

    static ProductForm of(ProductView product) {
        return new ProductForm(product.sku(), product.name(), product.unit().name(), product.group(),
                product.formula(), null, product.costPrice() == null ? "" : product.costPrice().toPlainString(),
                product.active(), product.version());
    }

    ProductInput toNewInput() {
        return new ProductInput(sku, name, unit, group, formula, basePrice, blankToNull(costPrice),
                Boolean.TRUE.equals(active));
    }

    /** The changeable fields only; an emptied cost price keeps the old one (the service has no "remove"). */
    ProductInput toChanges() {
        return new ProductInput(null, name, null, group, null, null, blankToNull(costPrice),
                Boolean.TRUE.equals(active));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
