package org.clientela.keyaccounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** The arithmetic of a fall against the client's own baseline, on figures worked out by hand. */
class DropsUnitTest {

    @Test
    void aFallCountsOnlyBeyondTheThreshold() {
        // baseline 9 months 3 000 → 1 000 per 3 months; 30 % below is 700
        assertThat(Drops.fellBelow(new BigDecimal("699.99"), new BigDecimal("3000"), BigDecimal.valueOf(30))).isTrue();
        assertThat(Drops.fellBelow(new BigDecimal("700.00"), new BigDecimal("3000"), BigDecimal.valueOf(30))).isFalse();
        // a baseline that does not divide by 3: 1 000 → 333.33…; 40 % below is 200 exactly
        assertThat(Drops.fellBelow(new BigDecimal("199.99"), new BigDecimal("1000"), BigDecimal.valueOf(40))).isTrue();
        assertThat(Drops.fellBelow(new BigDecimal("200"), new BigDecimal("1000"), BigDecimal.valueOf(40))).isFalse();
    }

    @Test
    void thePercentIsWholeAndHalfUp() {
        // 120 000 against 410 000 on average: 70.73 % → 71
        assertThat(Drops.percent(new BigDecimal("120000"), new BigDecimal("1230000"))).isEqualTo(71);
        // 2 orders against 5 on average: 60 %
        assertThat(Drops.percent(BigDecimal.valueOf(2), BigDecimal.valueOf(15))).isEqualTo(60);
        // 699 against 1 000: 30.1 % → 30
        assertThat(Drops.percent(new BigDecimal("699"), new BigDecimal("3000"))).isEqualTo(30);
    }

    @Test
    void theWindowIsTheLastThreeWholeMonthsAndTheNineBefore() {
        SalesHistory.Window window = SalesHistory.Window.before(LocalDate.of(2072, 1, 31));
        assertThat(window.recentFrom()).isEqualTo(YearMonth.of(2071, 10));
        assertThat(window.recentTo()).isEqualTo(YearMonth.of(2071, 12));
        assertThat(window.baselineFrom()).isEqualTo(YearMonth.of(2071, 1));
        assertThat(window.baselineTo()).isEqualTo(YearMonth.of(2071, 9));
    }
}
