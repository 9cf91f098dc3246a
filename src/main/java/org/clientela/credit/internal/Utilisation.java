package org.clientela.credit.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much of its limit a company uses: the exposure against the limit, as the list and the
 * company page show it. Amounts in roubles.
 *
 * @param limit {@code null}: no limit
 */
public record Utilisation(BigDecimal limit, BigDecimal exposure) {

    static final BigDecimal NEAR_PERCENT = BigDecimal.valueOf(90);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public boolean hasLimit() {
        return limit != null;
    }

    /** The exposure in per cent of the limit, one decimal; {@code null} without a limit or with a limit of 0. */
    public BigDecimal percent() {
        return limit == null || limit.signum() == 0 ? null
                : exposure.multiply(HUNDRED).divide(limit, 1, RoundingMode.HALF_UP);
    }

    /** By how much the exposure exceeds the limit; zero when it does not, and without a limit. */
    public BigDecimal overLimit() {
        return limit == null ? BigDecimal.ZERO.setScale(2) : exposure.subtract(limit).max(BigDecimal.ZERO).setScale(2);
    }

    public boolean over() {
        return overLimit().signum() > 0;
    }

    /** At least 90 % of the limit used, or over it (the list's filter "near the limit"). */
    public boolean near() {
        BigDecimal percent = percent();
        return over() || percent != null && percent.compareTo(NEAR_PERCENT) >= 0;
    }

    /** The width of the bar, 0–100 %: full when over the limit. */
    public BigDecimal barPercent() {
        if (over()) {
            return HUNDRED;
        }
        BigDecimal percent = percent();
        return percent == null ? BigDecimal.ZERO : percent.max(BigDecimal.ZERO).min(HUNDRED);
    }

    /** The bar's colour as Bootstrap names it: green below 90 %, yellow from 90 % to the limit, red over it. */
    public String level() {
        return over() ? "danger" : near() ? "warning" : "success";
    }
}
