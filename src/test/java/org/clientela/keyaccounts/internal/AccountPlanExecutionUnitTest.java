package org.clientela.keyaccounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The share of the year gone by (each month a twelfth) and the execution percentage, by hand. */
class AccountPlanExecutionUnitTest {

    @Test
    void eachMonthIsATwelfthOfTheYearWhateverItsLength() {
        // 31 March: three whole months = 25 %
        assertThat(AccountPlans.elapsedPercent(2053, LocalDate.of(2053, 3, 31))).isEqualByComparingTo("25.0");
        // 14 February 2053 (28 days): 1 + 14/28 = 1.5 months = 12.5 %
        assertThat(AccountPlans.elapsedPercent(2053, LocalDate.of(2053, 2, 14))).isEqualByComparingTo("12.5");
        // 1 January: 1/31 of a month = 0.27 % → 0.3 %
        assertThat(AccountPlans.elapsedPercent(2053, LocalDate.of(2053, 1, 1))).isEqualByComparingTo("0.3");
        assertThat(AccountPlans.elapsedPercent(2053, LocalDate.of(2053, 12, 31))).isEqualByComparingTo("100.0");
        assertThat(AccountPlans.elapsedPercent(2052, LocalDate.of(2053, 1, 10))).as("a past year").isEqualByComparingTo("100");
        assertThat(AccountPlans.elapsedPercent(2054, LocalDate.of(2053, 12, 31))).as("a year to come").isZero();
    }

    @Test
    void executionIsTheActualAsAPercentageOfTheGoalToOneDecimal() {
        assertThat(AccountPlans.percent(new BigDecimal("300000.00"), new BigDecimal("1200000.00")))
                .isEqualByComparingTo("25.0");
        // 100 000 / 300 000 = 33.33… %
        assertThat(AccountPlans.percent(new BigDecimal("100000"), new BigDecimal("300000"))).isEqualByComparingTo("33.3");
        // 2 / 3 = 66.66… % → 66.7 %
        assertThat(AccountPlans.percent(new BigDecimal("2"), new BigDecimal("3"))).isEqualByComparingTo("66.7");
        assertThat(AccountPlans.percent(new BigDecimal("1500"), new BigDecimal("1000"))).isEqualByComparingTo("150.0");
        assertThat(AccountPlans.percent(BigDecimal.TEN, null)).as("no goal").isNull();
        assertThat(AccountPlans.percent(BigDecimal.TEN, BigDecimal.ZERO)).as("a goal of nothing").isNull();
    }
}
