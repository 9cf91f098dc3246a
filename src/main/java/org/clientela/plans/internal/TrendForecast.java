package org.clientela.plans.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The segment outlook's forecast (T3): a straight line fitted by least squares to the last twelve
 * months (fewer when the period is shorter) and carried forward. Chosen over a seasonal naive
 * forecast (the same month a year before) because that needs 24 months of history, and the outlook
 * is asked for any period of one to 36 months; a line over a year follows a rise or a fall, and a
 * reader can check it by hand. A line going down does not forecast sales below zero.
 *
 * <p>Its error is measured by backtesting on the period itself: the last {@link #HORIZON} months
 * are held out, the line is fitted to the (up to twelve) months before them, and its forecast of
 * the held-out months is compared with what they were: the mean absolute error in roubles (MAE)
 * and the mean absolute percentage error (MAPE, over the held-out months with sales other than 0).
 */
public final class TrendForecast {

    /** The months forecast, and the months held out to measure the error. */
    public static final int HORIZON = 3;
    /** The months the line is fitted to, at most. */
    public static final int WINDOW = 12;
    /** The fewest months a backtest fits its line to. */
    static final int MIN_FIT = 2;

    private static final MathContext MATH = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TrendForecast() {
    }

    /**
     * @param forecast the {@link #HORIZON} months after the period, in kopecks (HALF_UP); empty for no months
     * @param mae      {@code null} when the period is shorter than {@link #HORIZON} + {@link #MIN_FIT} months
     * @param mape     in percent, two decimals; {@code null} also when every held-out month was 0
     */
    public record Outcome(List<BigDecimal> forecast, BigDecimal mae, BigDecimal mape) {
    }

    public static Outcome of(List<BigDecimal> months) {
        List<BigDecimal> forecast = line(months, HORIZON);
        if (months.size() < HORIZON + MIN_FIT) {
            return new Outcome(forecast, null, null);
        }
        List<BigDecimal> fitted = months.subList(0, months.size() - HORIZON);
        List<BigDecimal> heldOut = months.subList(months.size() - HORIZON, months.size());
        List<BigDecimal> backtest = line(fitted, HORIZON);
        BigDecimal absolute = BigDecimal.ZERO;
        BigDecimal relative = BigDecimal.ZERO;
        int relatives = 0;
        for (int i = 0; i < HORIZON; i++) {
            BigDecimal error = heldOut.get(i).subtract(backtest.get(i)).abs();
            absolute = absolute.add(error);
            if (heldOut.get(i).signum() != 0) {
                relative = relative.add(error.divide(heldOut.get(i).abs(), MATH));
                relatives++;
            }
        }
        BigDecimal mae = absolute.divide(BigDecimal.valueOf(HORIZON), 2, RoundingMode.HALF_UP);
        BigDecimal mape = relatives == 0 ? null
                : relative.multiply(HUNDRED).divide(BigDecimal.valueOf(relatives), 2, RoundingMode.HALF_UP);
        return new Outcome(forecast, mae, mape);
    }

    /** The line through the last {@link #WINDOW} months, {@code ahead} months after them. */
    static List<BigDecimal> line(List<BigDecimal> months, int ahead) {
        if (months.isEmpty()) {
            return List.of();
        }
        List<BigDecimal> window = months.subList(Math.max(0, months.size() - WINDOW), months.size());
        int n = window.size();
        // t = 1..n: the mean of t is (n + 1) / 2
        BigDecimal meanT = BigDecimal.valueOf(n + 1).divide(BigDecimal.valueOf(2), MATH);
        BigDecimal meanY = window.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(n), MATH);
        BigDecimal covariance = BigDecimal.ZERO;
        BigDecimal variance = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal dt = BigDecimal.valueOf(i + 1L).subtract(meanT);
            covariance = covariance.add(dt.multiply(window.get(i).subtract(meanY)));
            variance = variance.add(dt.multiply(dt));
        }
        BigDecimal slope = variance.signum() == 0 ? BigDecimal.ZERO : covariance.divide(variance, MATH);
        BigDecimal intercept = meanY.subtract(slope.multiply(meanT));
        List<BigDecimal> forecast = new ArrayList<>(ahead);
        for (int k = 1; k <= ahead; k++) {
            BigDecimal value = intercept.add(slope.multiply(BigDecimal.valueOf((long) n + k)));
            forecast.add(value.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP));
        }
        return forecast;
    }
}
