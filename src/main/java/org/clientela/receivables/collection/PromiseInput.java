package org.clientela.receivables.collection;

/**
 * A promise to pay as the manager heard it, as typed: checked by {@link PaymentPromises#record}.
 *
 * @param promisedDate {@code YYYY-MM-DD}, today or later
 * @param amount       roubles, more than zero and not more than the company owes
 * @param invoiceId    the invoice promised, or empty for the company's debt as a whole
 * @param madeBy       who at the client promised
 */
record PromiseInput(String promisedDate, String amount, String invoiceId, String madeBy, String note) {
}
