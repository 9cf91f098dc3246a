package org.clientela.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The segment outlook's line and its backtested error on months worked out by hand. */
class TrendForecastUnitTest {

    private static List<BigDecimal> months(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void fitsALineToSixMonthsAndMeasuresItsErrorOnTheLastThree() {
        // 100, 120, 110, 130, 150, 140 at t = 1..6: mean t 3.5, mean y 125;
        // Σ(t − 3.5)(y − 125) = 62.5 + 7.5 + 7.5 + 2.5 + 37.5 + 37.5 = 155; Σ(t − 3.5)² = 17.5;
        // slope 155 / 17.5 = 8.857142…, intercept 125 − 8.857142… × 3.5 = 94;
        // t = 7: 94 + 62 = 156; t = 8: 94 + 70.857142… = 164.86; t = 9: 94 + 79.714285… = 173.71
        // backtest: the line through 100, 120, 110 (t = 1..3): mean y 110, slope (−1 × −10 + 1 × 0) / 2 = 5,
        // intercept 110 − 5 × 2 = 100: 120, 125, 130 against 130, 150, 140: errors 10, 25, 10;
        // MAE 45 / 3 = 15; MAPE (10/130 + 25/150 + 10/140) / 3 = (0.076923 + 0.166667 + 0.071429) / 3 = 10.50 %
        TrendForecast.Outcome outcome = TrendForecast.of(months("100", "120", "110", "130", "150", "140"));

        assertThat(outcome.forecast()).containsExactly(new BigDecimal("156.00"), new BigDecimal("164.86"),
                new BigDecimal("173.71"));
        assertThat(outcome.mae()).isEqualByComparingTo("15.00");
        assertThat(outcome.mape()).isEqualByComparingTo("10.50");
    }

    @Test
    void aPeriodShorterThanFiveMonthsHasAForecastButNoError() {
        // 200, 100 at t = 1, 2: slope −100, intercept 300: t = 3: 0, then below zero, which is shown as 0
        TrendForecast.Outcome outcome = TrendForecast.of(months("200", "100"));

        assertThat(outcome.forecast()).containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"),
                new BigDecimal("0.00"));
        assertThat(outcome.mae()).isNull();
        assertThat(outcome.mape()).isNull();
    }

    @Test
    void oneMonthIsCarriedForwardFlat() {
        assertThat(TrendForecast.of(months("500.50")).forecast()).containsExactly(new BigDecimal("500.50"),
                new BigDecimal("500.50"), new BigDecimal("500.50"));
    }

    @Test
    void theLineIsFittedToTheLastTwelveMonthsOnly() {
        // 6 months of 1 000 000 and then 12 months of 10, 20, … 120: the line through the last 12 is
        // y = 10 t exactly, so the next months are 130, 140, 150 whatever came before
        List<BigDecimal> months = new ArrayList<>(months("1000000", "1000000", "1000000", "1000000",
                "1000000", "1000000"));
        IntStream.rangeClosed(1, 12).forEach(t -> months.add(BigDecimal.valueOf(10L * t)));

        TrendForecast.Outcome outcome = TrendForecast.of(months);

        assertThat(outcome.forecast()).containsExactly(new BigDecimal("130.00"), new BigDecimal("140.00"),
                new BigDecimal("150.00"));
        // the backtest's line goes through months 4–15 (the last 12 before the held-out 16–18): three
        // of 1 000 000, then 10 … 90; it falls by about 94 000 a month and is below zero by month 16,
        // so it forecasts 0, 0, 0 against 100, 110, 120: MAE 330 / 3 = 110, MAPE 100 %
        assertThat(outcome.mae()).isEqualByComparingTo("110.00");
        assertThat(outcome.mape()).isEqualByComparingTo("100.00");
    }

    @Test
    void aHeldOutMonthWithoutSalesCountsInTheMaeButNotInTheMape() {
        // 10, 20, 30, 40, 0: backtest through 10, 20 (slope 10, intercept 0): 30, 40, 50 against 30, 40, 0:
        // errors 0, 0, 50: MAE 50 / 3 = 16.67; MAPE over 30 and 40 only: 0 %
        TrendForecast.Outcome outcome = TrendForecast.of(months("10", "20", "30", "40", "0"));

        assertThat(outcome.mae()).isEqualByComparingTo("16.67");
        assertThat(outcome.mape()).isEqualByComparingTo("0.00");
    }
}
