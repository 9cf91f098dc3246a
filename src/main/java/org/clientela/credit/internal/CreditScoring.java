package org.clientela.credit.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Period;
import java.util.List;

import org.clientela.credit.PaymentHistory;
import org.clientela.credit.internal.CreditScore.Component;
import org.clientela.credit.internal.CreditScore.Grade;
import org.clientela.credit.internal.CreditScore.Points;
import org.clientela.shared.Money;

/**
 * The creditworthiness score (R5): 0–100 points from how the company pays and how long and how
 * much it has bought, a grade, and a proposed limit. Its facts are the {@link PaymentHistory}
 * of the last 24 months. The points:
 * <ul>
 * <li><b>Paid in time, by count</b> (up to 20): 20 × the share of the due invoices paid in full by
 * their due date, rounded half up. An invoice is due when it is paid or past its due date.</li>
 * <li><b>Paid in time, by amount</b> (up to 20): 20 × the share of their amount paid by the due date.</li>
 * <li><b>Average days late</b> of the paid invoices (up to 12): 0 days: 12; up to 5: 9; up to 15: 6;
 * up to 30: 3; more: 0.</li>
 * <li><b>Most days late</b> of one paid invoice (up to 8): 0: 8; up to 15: 6; up to 30: 4; up to 60:
 * 2; more: 0.</li>
 * <li><b>History length</b>, whole months since the first invoice (up to 20): 24 and more: 20; 12:
 * 14; 6: 8; 3: 4; less: 0.</li>
 * <li><b>Volume</b>, invoices in the 24 months (up to 20): 24 and more: 20; 12: 14; 6: 8; 3: 4;
 * less: 0.</li>
 * <li><b>Overdue now</b>, the oldest invoice still owed past its due date: none: 0; up to 30 days:
 * −15; up to 60: −30; up to 90: −45; more than 90: −100 (a debt that old is doubtful: no credit).</li>
 * </ul>
 * The score is their sum, at least 0. A component whose facts are not there yet (no invoice due or
 * paid) gives 0: a new client has proved nothing. A company never invoiced has no score.
 * <p>
 * Grades: A from 80, B from 60, C from 40, D below. The <b>proposed limit</b> is the monthly average
 * invoiced amount × 2 (A), × 1.5 (B), × 1 (C), × 0 (D: prepayment), rounded down to 10 000 ₽: with the
 * usual deferral of a month a good client's exposure is one to two months of its purchases.
 */
public final class CreditScoring {

    static final BigDecimal ROUNDING = new BigDecimal("10000");

    private CreditScoring() {
    }

    public static CreditScore score(PaymentHistory facts) {
        if (!facts.hasHistory()) {
            return new CreditScore(facts, null, null, List.of(), null);
        }
        List<Points> points = List.of(
                share(Component.ON_TIME_BY_COUNT, facts.onTimeShareByCount()),
                share(Component.ON_TIME_BY_AMOUNT, facts.onTimeShareByAmount()),
                averageDaysLate(facts),
                maxDaysLate(facts),
                historyLength(facts),
                volume(facts),
                overdueNow(facts));
        int score = Math.max(0, points.stream().mapToInt(Points::points).sum());
        Grade grade = score >= 80 ? Grade.A : score >= 60 ? Grade.B : score >= 40 ? Grade.C : Grade.D;
        return new CreditScore(facts, score, grade, points, proposedLimit(facts.monthlyAverageInvoiced(), grade));
    }

    static Money proposedLimit(Money monthlyAverage, Grade grade) {
        BigDecimal multiple = switch (grade) {
            case A -> new BigDecimal("2");
            case B -> new BigDecimal("1.5");
            case C -> BigDecimal.ONE;
            case D -> BigDecimal.ZERO;
        };
        BigDecimal tens = monthlyAverage.amount().multiply(multiple).divide(ROUNDING, 0, RoundingMode.DOWN);
        return Money.rubles(tens.multiply(ROUNDING));
    }

    private static Points share(Component component, BigDecimal share) {
        if (share == null) {
            return new Points(component, 0, null);
        }
        int points = share.multiply(BigDecimal.valueOf(component.max())).setScale(0, RoundingMode.HALF_UP).intValue();
        return new Points(component, points, share.movePointRight(2).setScale(0, RoundingMode.HALF_UP));
    }

    private static Points averageDaysLate(PaymentHistory facts) {
        BigDecimal days = facts.averageDaysLate();
        if (days == null) {
            return new Points(Component.AVERAGE_DAYS_LATE, 0, null);
        }
        int points = days.signum() == 0 ? 12 : atMost(days, 5) ? 9 : atMost(days, 15) ? 6 : atMost(days, 30) ? 3 : 0;
        return new Points(Component.AVERAGE_DAYS_LATE, points, days.stripTrailingZeros());
    }

    private static Points maxDaysLate(PaymentHistory facts) {
        if (facts.paidCount() == 0) {
            return new Points(Component.MAX_DAYS_LATE, 0, null);
        }
        int days = facts.maxDaysLate();
        int points = days == 0 ? 8 : days <= 15 ? 6 : days <= 30 ? 4 : days <= 60 ? 2 : 0;
        return new Points(Component.MAX_DAYS_LATE, points, days);
    }

    private static Points historyLength(PaymentHistory facts) {
        long months = Period.between(facts.firstInvoiceDate(), facts.asOf()).toTotalMonths();
        return new Points(Component.HISTORY_LENGTH, steps(months), months);
    }

    private static Points volume(PaymentHistory facts) {
        return new Points(Component.VOLUME, steps(facts.invoiceCount()), facts.invoiceCount());
    }

    /** The steps of history length in months and of volume in invoices alike. */
    private static int steps(long count) {
        return count >= 24 ? 20 : count >= 12 ? 14 : count >= 6 ? 8 : count >= 3 ? 4 : 0;
    }

    private static Points overdueNow(PaymentHistory facts) {
        int days = facts.maxDaysOverdue();
        int points = days == 0 ? 0 : days <= 30 ? -15 : days <= 60 ? -30 : days <= 90 ? -45 : -100;
        return new Points(Component.OVERDUE_NOW, points, days);
    }

    private static boolean atMost(BigDecimal value, int limit) {
        return value.compareTo(BigDecimal.valueOf(limit)) <= 0;
    }
}
