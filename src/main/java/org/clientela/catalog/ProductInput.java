package org.clientela.catalog;

/**
 * A product as a person or a program gives it: text to be checked. On a change, {@code null} keeps
 * a field; the SKU, unit and formula of a product are fixed once it exists (orders refer to them).
 */
public record ProductInput(String sku, String name, String unit, String group, String formula, String basePrice,
        String costPrice, Boolean active) {
}
