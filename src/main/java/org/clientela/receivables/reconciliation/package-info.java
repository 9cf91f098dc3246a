/**
 * The reconciliation statement (акт сверки взаимных расчётов, R4): a company's invoices and
 * payments over a period with the opening and closing balance, as JSON, as a page in the Russian
 * form and as a PDF with an embedded Cyrillic font; our side of it from
 * {@link org.clientela.receivables.reconciliation.OurCompany}.
 */
package org.clientela.receivables.reconciliation;
