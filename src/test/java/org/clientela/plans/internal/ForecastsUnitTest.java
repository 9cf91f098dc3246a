package org.clientela.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class ForecastsUnitTest {

    @Test
    void theRunRateStretchesTheActualOverTheWholePeriodCountingToday() {
        // 7 200 in 10 of 31 days: 7 200 × 31 ÷ 10
        assertThat(Forecasts.runRate(new BigDecimal("7200.00"), 10, 31)).isEqualByComparingTo("22320.00");
        // 1 000 in 3 of 30 days: 10 000 exactly; 100 in 3 of 31 days: 1 033.333… → 1 033.33
        assertThat(Forecasts.runRate(new BigDecimal("1000.00"), 3, 30)).isEqualByComparingTo("10000.00");
        assertThat(Forecasts.runRate(new BigDecimal("100.00"), 3, 31)).isEqualByComparingTo("1033.33");
        // 200 in 3 of 92 days: 6 133.333… ; 0.05 in 3 of 31 days: 0.5166… → 0.52 (HALF_UP)
        assertThat(Forecasts.runRate(new BigDecimal("200.00"), 3, 92)).isEqualByComparingTo("6133.33");
        assertThat(Forecasts.runRate(new BigDecimal("0.05"), 3, 31)).isEqualByComparingTo("0.52");
    }

    @Test
    void aPeriodNotBegunHasNoRunRateAndANegativeActualRunsNegative() {
        assertThat(Forecasts.runRate(new BigDecimal("500.00"), 0, 31)).isEqualByComparingTo("0.00");
        assertThat(Forecasts.runRate(new BigDecimal("-50.00"), 10, 30)).isEqualByComparingTo("-150.00");
    }

    @Test
    void thePercentOfPlanHasTwoDecimalsAndNoneWithoutATarget() {
        assertThat(Forecasts.percent(new BigDecimal("2300.00"), new BigDecimal("3000.00"))).isEqualByComparingTo("76.67");
        assertThat(Forecasts.percent(new BigDecimal("7200.00"), new BigDecimal("10000.00"))).isEqualByComparingTo("72.00");
        assertThat(Forecasts.percent(new BigDecimal("-50.00"), new BigDecimal("1000.00"))).isEqualByComparingTo("-5.00");
        assertThat(Forecasts.percent(BigDecimal.ONE, null)).isNull();
        assertThat(Forecasts.percent(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
        assertThat(Forecasts.percent(1, 3)).isEqualByComparingTo("33.33");
        assertThat(Forecasts.percent(1, null)).isNull();
    }
}
