/**
 * Orders (O2, O3): a client's order with lines priced from the catalogue
 * ({@link org.clientela.catalog.ClientPrices}), confirmed under the credit rule
 * ({@link org.clientela.credit.CreditControl}) or held for a person's decision, invoiced through
 * {@link org.clientela.receivables.Invoices}, moved through production and delivery by the
 * executing department, with the client's contact told of each step by mail; the work plan of a
 * confirmed order, its steps with due dates done or with problems told to the client (A5); returns
 * of shipped orders (O4). Its confirmed orders not yet invoiced are part of the client's credit exposure
 * ({@link org.clientela.credit.ExposureSource}). What counts as a sale it publishes as the view
 * {@code order_sales_line} (V24), and each change to it as an {@link org.clientela.orders.OrderSalesChanged}
 * event, noted first by the changing statement for the modules that ask
 * ({@link org.clientela.orders.OrderSalesChangeNote}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Orders")
package org.clientela.orders;
