package org.clientela.credit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.clientela.credit.PaymentHistory;
import org.clientela.credit.internal.CreditScore.Grade;
import org.clientela.shared.Money;
import org.junit.jupiter.api.Test;

/** The score's arithmetic on facts written by hand, without a database. */
class CreditScoringUnitTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    /**
     * 0.90 in time by count: 18; 0.95 by amount: 19; 3.5 days late on average: 9; 12 at most: 6;
     * 13 months of history: 14; 12 invoices: 14; 10 days overdue now: −15. 65 points: B.
     * 123 456.78 ₽ a month × 1.5 = 185 185.17 ₽, down to 180 000 ₽.
     */
    @Test
    void aGoodClientWithASmallOverdueGetsAB() {
        PaymentHistory facts = new PaymentHistory(TODAY, 12, rubles("1481481.36"), 10, new BigDecimal("0.9000"),
                new BigDecimal("0.9500"), 10, new BigDecimal("3.50"), 12, 1, rubles("20000"), 10,
                TODAY.minusMonths(13), rubles("123456.78"));

        CreditScore score = CreditScoring.score(facts);

        assertThat(score.points()).extracting(CreditScore.Points::points).containsExactly(18, 19, 9, 6, 14, 14, -15);
        assertThat(score.score()).isEqualTo(65);
        assertThat(score.grade()).isEqualTo(Grade.B);
        assertThat(score.proposedLimit().amount()).isEqualByComparingTo("180000");
    }

    /** One invoice ten days old, not due yet: nothing proved, 0 points, D, prepayment proposed. */
    @Test
    void aNewClientHasProvedNothingYet() {
        PaymentHistory facts = new PaymentHistory(TODAY, 1, rubles("50000"), 0, null, null, 0, null, 0, 0,
                rubles("0"), 0, TODAY.minusDays(10), rubles("50000"));

        CreditScore score = CreditScoring.score(facts);

        assertThat(score.score()).isZero();
        assertThat(score.grade()).isEqualTo(Grade.D);
        assertThat(score.points()).allSatisfy(points -> assertThat(points.points()).isZero());
        assertThat(score.points().get(0).fact()).isNull();
        assertThat(score.proposedLimit().amount()).isEqualByComparingTo("0");
    }

    @Test
    void theProposedLimitIsRoundedDownToTenThousand() {
        assertThat(CreditScoring.proposedLimit(rubles("19999.99"), Grade.C).amount()).isEqualByComparingTo("10000");
        assertThat(CreditScoring.proposedLimit(rubles("9999.99"), Grade.C).amount()).isEqualByComparingTo("0");
        assertThat(CreditScoring.proposedLimit(rubles("100000"), Grade.A).amount()).isEqualByComparingTo("200000");
        assertThat(CreditScoring.proposedLimit(rubles("1000000"), Grade.D).amount()).isEqualByComparingTo("0");
    }

    @Test
    void aClientNeverInvoicedHasNoScore() {
        CreditScore score = CreditScoring.score(PaymentHistory.none(TODAY));

        assertThat(score.scored()).isFalse();
        assertThat(score.grade()).isNull();
        assertThat(score.proposedLimit()).isNull();
    }

    private static Money rubles(String amount) {
        return Money.rubles(amount);
    }
}
