package org.clientela.receivables.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A reconciliation statement by the seller's books. A balance is what the buyer owes the seller:
 * positive in the seller's favour, negative in the buyer's (the buyer paid more than invoiced).
 *
 * @param openingBalance   at the start of {@code from}: invoices before it less payments before it
 * @param closingBalance   at the end of {@code to}
 * @param closingStatement the sentence that closes the statement, e.g. «… задолженность в пользу …»
 */
public record ReconciliationStatement(Party seller, Party buyer, LocalDate from, LocalDate to,
        BigDecimal openingBalance, List<Line> lines, BigDecimal debitTurnover, BigDecimal creditTurnover,
        BigDecimal closingBalance, String closingStatement) {

    /** A sale (an invoice: the buyer owes more) or a payment (the buyer owes less). */
    public enum Kind {
        SALE, PAYMENT
    }

    /** Whom the closing balance is owed to. */
    public enum Favour {
        SELLER, BUYER, NONE
    }

    /**
     * One document of the period.
     *
     * @param debit   the invoice's amount, or {@code null} for a payment
     * @param credit  the payment's amount, or {@code null} for an invoice
     * @param balance the balance after this document
     */
    public record Line(LocalDate date, Kind kind, UUID documentId, String documentNumber, String description,
            BigDecimal debit, BigDecimal credit, BigDecimal balance) {
    }

    public Favour inFavourOf() {
        return favour(closingBalance);
    }

    /** The opening balance on the debit side (owed to the seller), or {@code null}. */
    public BigDecimal openingDebit() {
        return openingBalance.signum() > 0 ? openingBalance : null;
    }

    /** The opening balance on the credit side (owed to the buyer), or {@code null}. */
    public BigDecimal openingCredit() {
        return openingBalance.signum() < 0 ? openingBalance.negate() : null;
    }

    public BigDecimal closingDebit() {
        return closingBalance.signum() > 0 ? closingBalance : null;
    }

    public BigDecimal closingCredit() {
        return closingBalance.signum() < 0 ? closingBalance.negate() : null;
    }

    static Favour favour(BigDecimal balance) {
        return balance.signum() > 0 ? Favour.SELLER : balance.signum() < 0 ? Favour.BUYER : Favour.NONE;
    }
}
