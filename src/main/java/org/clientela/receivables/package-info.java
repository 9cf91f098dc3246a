/**
 * Receivables (R1-R4): invoices (from an order, imported or entered), payments and their
 * allocation to invoices, a company's balance at any date, ageing, DSO, collection of overdue
 * invoices and the reconciliation statement. Orders invoice through
 * {@link org.clientela.receivables.Invoices}; the credit rule reads the unpaid amount and the
 * overdue invoices through the credit module's sources, which this module implements. Every
 * client's balance on a day, for the early warnings: {@link org.clientela.receivables.ReceivableBalances}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Receivables")
package org.clientela.receivables;
