package org.clientela.receivables.internal;

/**
 * An invoice entered by hand or from the accounting system, every value as typed; checked by
 * {@link InvoiceService#enter}.
 *
 * @param number    {@code null} or blank: the next number of our own series (СЧ-000124)
 * @param dueDate   {@code null} or blank: the issue date plus the client's payment terms
 * @param amount    with VAT
 * @param vatAmount the VAT in {@code amount}
 */
public record InvoiceInput(String companyId, String number, String issueDate, String dueDate, String amount,
        String vatAmount) {
}
