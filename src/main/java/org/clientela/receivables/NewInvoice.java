package org.clientela.receivables;

import java.time.LocalDate;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.shared.Money;

/**
 * An invoice to issue.
 *
 * @param orderId     the order invoiced, or {@code null}
 * @param orderNumber the order's number for the invoice's text, or {@code null}
 * @param amount      with VAT
 * @param vat         the VAT in {@code amount}
 */
public record NewInvoice(CompanyId company, UUID orderId, String orderNumber, Money amount, Money vat,
        LocalDate issueDate) {
}
