package org.clientela.shared;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * A number as a Russian types it into a form: «1 250 000,50», with spaces (also non-breaking
 * ones, as a spreadsheet copies them) between the thousands and a comma before the fraction.
 */
public final class TypedNumber {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]");

    private TypedNumber() {
    }

    /** @throws NumberFormatException when the text is no number */
    public static BigDecimal parse(String text) {
        return new BigDecimal(SPACES.matcher(text).replaceAll("").replace(',', '.'));
    }
}
