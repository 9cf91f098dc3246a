package org.clientela.receivables.internal;

/**
 * A payment as a person or a program gives it, every value as typed; checked by
 * {@link PaymentService#record}.
 *
 * @param reference     the payment order's number
 * @param invoiceNumber the invoice the client says it pays, or {@code null}
 * @param advance       a prepayment: more than the client owes is kept as the client's credit
 */
public record PaymentInput(String companyId, String date, String amount, String currency, String reference,
        String purpose, String invoiceNumber, Boolean advance) {
}
