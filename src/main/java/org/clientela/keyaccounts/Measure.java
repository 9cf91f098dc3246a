package org.clientela.keyaccounts;

import java.util.Locale;

import org.clientela.shared.InvalidInputException;

/** What the ABC analysis adds up: the revenue without VAT, or the margin (revenue − cost). */
public enum Measure {
    REVENUE,
    /** A commercial secret of the management: only the head, the director and the administrator see it. */
    MARGIN;

    static final String UNKNOWN = "keyaccounts.measure.unknown";

    /** {@code revenue} or {@code margin}, any case; blank: revenue. 400 at {@code field} otherwise. */
    public static Measure of(String field, String text) {
        if (text == null || text.isBlank()) {
            return REVENUE;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, UNKNOWN, text.strip());
        }
    }

    /** As the API writes it: {@code revenue}, {@code margin}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
