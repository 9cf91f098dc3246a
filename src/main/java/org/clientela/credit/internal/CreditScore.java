package org.clientela.credit.internal;

import java.util.List;

import org.clientela.credit.PaymentHistory;
import org.clientela.shared.Money;

/**
 * A company's creditworthiness (R5) as {@link CreditScoring} computes it, with the reasons.
 *
 * @param score         0–100; {@code null} for a company without any invoice: nothing to judge
 * @param grade         {@code null} with the score
 * @param points        each component's points, in the order the screen explains them
 * @param proposedLimit {@code null} without a history; zero for grade D (prepayment)
 */
public record CreditScore(PaymentHistory facts, Integer score, Grade grade, List<Points> points,
        Money proposedLimit) {

    public enum Grade {
        A, B, C, D
    }

    /** The components of the score; {@link #OVERDUE_NOW} only takes points away. */
    public enum Component {
        ON_TIME_BY_COUNT(20), ON_TIME_BY_AMOUNT(20), AVERAGE_DAYS_LATE(12), MAX_DAYS_LATE(8), HISTORY_LENGTH(20),
        VOLUME(20), OVERDUE_NOW(0);

        private final int max;

        Component(int max) {
            this.max = max;
        }

        public int max() {
            return max;
        }
    }

    /**
     * One component's share of the score.
     *
     * @param fact      what it was computed from, as a number for the message {@code credit.score.fact.<component>};
     *                  {@code null} when the facts do not tell (no invoice due or paid yet)
     */
    public record Points(Component component, int points, Number fact) {

        public int max() {
            return component.max();
        }
    }

    public boolean scored() {
        return score != null;
    }
}
