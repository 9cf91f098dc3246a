package org.clientela.plans.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The arithmetic of plan vs actual: percent of plan and the run rate to the period's end. */
final class Forecasts {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Forecasts() {
    }

    /**
     * What the period comes to at the pace so far: actual ÷ days elapsed × days in the period,
     * in kopecks (HALF_UP); 0 before the period has begun.
     *
     * @param daysElapsed the days of the period up to and including today
     */
    static BigDecimal runRate(BigDecimal actual, int daysElapsed, int days) {
        if (daysElapsed == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return actual.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(daysElapsed), 2,
                RoundingMode.HALF_UP);
    }

    /** actual ÷ target × 100 with two decimals (HALF_UP); {@code null} without a target above 0. */
    static BigDecimal percent(BigDecimal actual, BigDecimal target) {
        if (target == null || target.signum() <= 0) {
            return null;
        }
        return actual.multiply(HUNDRED).divide(target, 2, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(int actual, Integer target) {
        return target == null ? null : percent(BigDecimal.valueOf(actual), BigDecimal.valueOf(target));
    }
}
