package org.clientela.orders.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clientela.credit.CreditHoldReason;
import org.clientela.orders.OrderStatus;

/**
 * An order as the API and the screens show it. Amounts in roubles: {@code totalWithoutVat} is the
 * sum of the lines, {@code vat} that total's VAT at {@code vatRate} %, {@code total} the two
 * together. {@code costTotal} and {@code margin} only for those who may see margins; the credit
 * fields not for the executing department.
 */
public record OrderView(UUID id, String number, UUID companyId, String companyName, UUID ownerId,
        OrderStatus status, LocalDate orderDate, UUID contactId, String contactName, String contactEmail,
        boolean informClient, BigDecimal vatRate, BigDecimal totalWithoutVat, BigDecimal vat, BigDecimal total,
        String currency, BigDecimal costTotal, BigDecimal margin, CreditHoldReason creditHoldReason,
        BigDecimal creditLimit, BigDecimal creditExposure, String creditDecision, String creditDecidedBy,
        Instant creditDecidedAt, String creditDecisionReason, UUID invoiceId, String invoiceNumber,
        LocalDate invoiceDueDate, String cancelReason, long version, String createdBy, Instant createdAt,
        List<OrderLineView> lines) {
}
