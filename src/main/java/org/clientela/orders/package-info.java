/**
 * Orders (O2, O3): a client's order with lines priced from the catalogue
 * ({@link org.clientela.catalog.ClientPrices}), confirmed under the credit rule
 * ({@link org.clientela.credit.CreditControl}) or held for a person's decision, invoiced through
 * {@link org.clientela.receivables.Invoices}, moved through production and delivery by the
 * executing department, with the client's contact told of each step by mail. Its confirmed orders
 * not yet invoiced are part of the client's credit exposure ({@link org.clientela.credit.ExposureSource}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Orders")
package org.clientela.orders;
