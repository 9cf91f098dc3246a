package org.clientela.keyaccounts.internal;

import java.util.Locale;

import org.clientela.shared.InvalidInputException;

/** An early warning is open, dismissed by a person with a reason, or closed by the run once its condition cleared. */
public enum WarningStatus {
    OPEN, DISMISSED, CLOSED;

    /** {@code open}, {@code dismissed} or {@code closed}, any case; blank: none (400 at {@code status} otherwise). */
    public static WarningStatus of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "keyaccounts.warning.status.unknown", text.strip());
        }
    }
}
