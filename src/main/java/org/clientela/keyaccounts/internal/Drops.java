package org.clientela.keyaccounts.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The arithmetic of a fall against the client's baseline: the last 3 months against the average 3 of the 9 before. */
final class Drops {

    /** The baseline's 9 months are three times the 3 compared. */
    static final BigDecimal BASELINE_QUARTERS = BigDecimal.valueOf(3);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Drops() {
    }

    /**
     * Whether {@code recent} is more than {@code percent} below a third of {@code baselineSum}; in
     * whole numbers (recent × 300 &lt; sum × (100 − percent)), so that no rounding of the average
     * moves a client across the threshold.
     */
    static boolean fellBelow(BigDecimal recent, BigDecimal baselineSum, BigDecimal percent) {
        return recent.multiply(HUNDRED).multiply(BASELINE_QUARTERS)
                .compareTo(baselineSum.multiply(HUNDRED.subtract(percent))) < 0;
    }

    /** By how many percent {@code recent} is below a third of {@code baselineSum}, whole, half up. */
    static long percent(BigDecimal recent, BigDecimal baselineSum) {
        BigDecimal baseline = baselineSum.divide(BASELINE_QUARTERS, 10, RoundingMode.HALF_UP);
        return baseline.subtract(recent).multiply(HUNDRED).divide(baseline, 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The months compared, for the evidence. */
    static Map<String, Object> window(SalesHistory.Window window) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("recentFrom", window.recentFrom().toString());
        evidence.put("recentTo", window.recentTo().toString());
        evidence.put("baselineFrom", window.baselineFrom().toString());
        evidence.put("baselineTo", window.baselineTo().toString());
        return evidence;
    }
}
