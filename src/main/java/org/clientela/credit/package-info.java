/**
 * Credit (O3, R5): each company's credit limit and payment terms with the history of their
 * changes, the credit rule that decides whether an order may be confirmed
 * ({@link org.clientela.credit.CreditControl}), and the creditworthiness score with a proposed
 * limit. Exposure — what the client owes or has been promised on credit — comes from the modules
 * that hold it, through {@link org.clientela.credit.ExposureSource}; an overdue invoice through
 * {@link org.clientela.credit.OverdueSource}; how the client pays through
 * {@link org.clientela.credit.PaymentHistorySource}. So orders and receivables depend on credit,
 * and credit on neither.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit")
package org.clientela.credit;
