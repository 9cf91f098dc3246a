package org.clientela.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How a figure changed against the same period a year before. */
final class Change {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Change() {
    }

    /** In percent, one decimal (half up); {@code null} when there was nothing to compare with. */
    static BigDecimal percent(BigDecimal now, BigDecimal before) {
        if (before.signum() <= 0) {
            return null;
        }
        return now.subtract(before).multiply(HUNDRED).divide(before, 1, RoundingMode.HALF_UP);
    }
}
