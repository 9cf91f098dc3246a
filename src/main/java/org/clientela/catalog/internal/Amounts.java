package org.clientela.catalog.internal;

import java.math.BigDecimal;

import org.clientela.shared.InputErrors;
import org.clientela.shared.TypedNumber;

/** Parses the amounts and numbers of catalogue input, each problem at its field. */
final class Amounts {

    static final String NOT_AN_AMOUNT = "catalog.amount.invalid";
    static final String NOT_POSITIVE = "catalog.amount.notPositive";
    static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Amounts() {
    }

    /** A positive amount in roubles with at most two decimals, or {@code null} with the problem recorded. */
    static BigDecimal price(InputErrors errors, String field, String text) {
        BigDecimal value = number(errors, field, text);
        if (value == null) {
            return null;
        }
        if (value.scale() > 2 || value.compareTo(MAX) > 0) {
            errors.add(field, NOT_AN_AMOUNT, text);
            return null;
        }
        if (value.signum() <= 0) {
            errors.add(field, NOT_POSITIVE);
            return null;
        }
        return value.setScale(2);
    }

    static BigDecimal number(InputErrors errors, String field, String text) {
        try {
            return TypedNumber.parse(text);
        } catch (NumberFormatException e) {
            errors.add(field, NOT_AN_AMOUNT, text);
            return null;
        }
    }
}
