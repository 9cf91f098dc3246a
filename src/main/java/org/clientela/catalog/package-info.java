/**
 * The catalogue and its prices (P1, P2): products in assortment groups — for the glass-unit
 * factory, glass units by formula ({@link org.clientela.catalog.GlassFormula}) priced per m² —,
 * the versioned base price list, price types (a client's discount) and the price of a product for
 * a client on a day with the reasons for it ({@link org.clientela.catalog.ClientPrices}), which the
 * orders module calls to price its lines. Other modules refer to a product by its
 * {@link org.clientela.catalog.ProductId}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue and prices")
package org.clientela.catalog;
