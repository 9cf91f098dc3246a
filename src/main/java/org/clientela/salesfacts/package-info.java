/**
 * Sales facts (K1, T2, D1): what each client bought per assortment group and calendar month —
 * revenue without VAT, cost, margin, quantity, number of orders — as the table {@code sales_fact}
 * (V22), its rollup per company and month {@code sales_fact_month} (V27) and the company's
 * running totals {@code sales_fact_running} (V37: any period's sums as the difference of two
 * rows), the read model that ABC/XYZ, plans and reports read instead of the order lines. Kept
 * current from the orders' changes to their sales: each is noted by the statement that makes it
 * ({@link org.clientela.orders.OrderSalesChangeNote}), and after the commit of its
 * {@link org.clientela.orders.OrderSalesChanged} event's transaction the noted orders are
 * recomputed in batches from the orders' view {@code order_sales_line};
 * rebuilt from that view in one statement on an administrator's command. Its query API is
 * {@link org.clientela.salesfacts.SalesFacts}. See ADRs 0006 and 0007.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sales facts")
package org.clientela.salesfacts;
