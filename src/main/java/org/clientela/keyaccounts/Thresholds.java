package org.clientela.keyaccounts;

import java.math.BigDecimal;

import org.clientela.shared.InputErrors;

/**
 * The class boundaries, in percent. A client is A while the cumulative share of the clients before
 * it is below {@code a}, B while below {@code b}, C otherwise; X while the coefficient of
 * variation of its monthly values is at most {@code x}, Y at most {@code y}, Z above.
 */
public record Thresholds(BigDecimal a, BigDecimal b, BigDecimal x, BigDecimal y) {

    public static final String FIELD_A = "thresholdA";
    public static final String FIELD_B = "thresholdB";
    public static final String FIELD_X = "thresholdX";
    public static final String FIELD_Y = "thresholdY";
    static final String NOT_A_NUMBER = "keyaccounts.threshold.number";
    static final String OUT_OF_RANGE = "keyaccounts.threshold.range";
    static final String NOT_INCREASING = "keyaccounts.threshold.increasing";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Thresholds {
        InputErrors errors = new InputErrors();
        check(errors, a, b, FIELD_A, FIELD_B);
        check(errors, x, y, FIELD_X, FIELD_Y);
        errors.throwIfAny();
    }

    /** 80 / 95 and 10 / 25 %, the department's usual boundaries. */
    public static Thresholds usual() {
        return new Thresholds(BigDecimal.valueOf(80), BigDecimal.valueOf(95), BigDecimal.TEN, BigDecimal.valueOf(25));
    }

    /**
     * Thresholds from a request: each blank field keeps its default; every wrong field is refused
     * at once, each at its own name.
     */
    public static Thresholds parse(Thresholds defaults, String a, String b, String x, String y) {
        InputErrors errors = new InputErrors();
        BigDecimal parsedA = number(errors, FIELD_A, a, defaults.a());
        BigDecimal parsedB = number(errors, FIELD_B, b, defaults.b());
        BigDecimal parsedX = number(errors, FIELD_X, x, defaults.x());
        BigDecimal parsedY = number(errors, FIELD_Y, y, defaults.y());
        errors.throwIfAny();
        return new Thresholds(parsedA, parsedB, parsedX, parsedY);
    }

    private static BigDecimal number(InputErrors errors, String field, String text, BigDecimal fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.add(field, NOT_A_NUMBER);
            return null;
        }
    }

    private static void check(InputErrors errors, BigDecimal lower, BigDecimal upper, String lowerField,
            String upperField) {
        boolean lowerInRange = inRange(errors, lowerField, lower);
        boolean upperInRange = inRange(errors, upperField, upper);
        if (lowerInRange && upperInRange && lower.compareTo(upper) >= 0) {
            errors.add(upperField, NOT_INCREASING, lower.stripTrailingZeros().toPlainString());
        }
    }

    private static boolean inRange(InputErrors errors, String field, BigDecimal value) {
        if (value == null) {
            errors.add(field, NOT_A_NUMBER);
            return false;
        }
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            errors.add(field, OUT_OF_RANGE);
            return false;
        }
        return true;
    }
}
