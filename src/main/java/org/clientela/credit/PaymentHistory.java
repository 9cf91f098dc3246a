package org.clientela.credit;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.clientela.shared.Money;

/**
 * What a company's invoices say of how it pays, on a day ({@code asOf}): the facts the
 * creditworthiness score (R5) is computed from. "The window" is the 24 months up to that day
 * (invoices issued after {@code asOf} minus 24 months).
 *
 * @param invoiceCount             invoices issued in the window
 * @param invoicedAmount           their amount, with VAT
 * @param dueCount                 of those, the invoices whose outcome is known: paid in full, or
 *                                 past their due date; the base of the two shares
 * @param onTimeShareByCount       of the due ones, the share paid in full by the due date (0–1,
 *                                 four decimals); {@code null} when none is due yet
 * @param onTimeShareByAmount      of the amount of the due ones, the share that had been paid by
 *                                 each invoice's due date (partial payments count); {@code null}
 *                                 when none is due yet
 * @param paidCount                invoices of the window paid in full
 * @param averageDaysLate          of the paid ones, the average of the days between the due date
 *                                 and the day it was paid in full (0 for one paid in time; two
 *                                 decimals); {@code null} when none was paid
 * @param maxDaysLate              of the paid ones, the most days late; 0 when none was paid
 * @param overdueCount             invoices still owed past their due date (any age, not only the
 *                                 window's)
 * @param overdueAmount            what is still owed on them
 * @param maxDaysOverdue           the days since the oldest due date among them; 0 when none
 * @param firstInvoiceDate         the issue day of the company's first invoice ever: the length of
 *                                 its history; {@code null} when it has none
 * @param monthlyAverageInvoiced   the window's invoiced amount per month of the months it covers
 *                                 (from its first invoice in the window, or the window's start,
 *                                 to {@code asOf}; a begun month counts whole)
 */
public record PaymentHistory(LocalDate asOf, int invoiceCount, Money invoicedAmount, int dueCount,
        BigDecimal onTimeShareByCount, BigDecimal onTimeShareByAmount, int paidCount, BigDecimal averageDaysLate,
        int maxDaysLate, int overdueCount, Money overdueAmount, int maxDaysOverdue, LocalDate firstInvoiceDate,
        Money monthlyAverageInvoiced) {

    /** The months of the window. */
    public static final int WINDOW_MONTHS = 24;

    /** A company that was never invoiced. */
    public static PaymentHistory none(LocalDate asOf) {
        Money zero = Money.rubles(BigDecimal.ZERO);
        return new PaymentHistory(asOf, 0, zero, 0, null, null, 0, null, 0, 0, zero, 0, null, zero);
    }

    public boolean hasHistory() {
        return firstInvoiceDate != null;
    }

    /** The first day of the window that ends on {@code day}. */
    public static LocalDate windowStart(LocalDate day) {
        return day.minusMonths(WINDOW_MONTHS).plusDays(1);
    }
}
