package org.clientela.receivables.internal;

import java.util.Locale;

import org.clientela.shared.InvalidInputException;

/** How long an unpaid amount is past its due date (R2): not yet due, 1–30, 31–60, 61–90, over 90 days. */
public enum AgeBucket {
    NOT_DUE(Integer.MIN_VALUE, 0),
    DAYS_1_30(1, 30),
    DAYS_31_60(31, 60),
    DAYS_61_90(61, 90),
    OVER_90(91, Integer.MAX_VALUE);

    private final int fromDays;
    private final int toDays;

    AgeBucket(int fromDays, int toDays) {
        this.fromDays = fromDays;
        this.toDays = toDays;
    }

    /** The bucket of an amount {@code daysOverdue} past its due date (0 or less: not due). */
    public static AgeBucket of(long daysOverdue) {
        for (AgeBucket bucket : values()) {
            if (daysOverdue >= bucket.fromDays && daysOverdue <= bucket.toDays) {
                return bucket;
            }
        }
        throw new IllegalStateException("No bucket for " + daysOverdue);
    }

    /** A bucket by its name ({@code DAYS_1_30}, any case); {@code null} or blank for none. */
    public static AgeBucket parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "receivables.bucket.unknown", text.strip());
        }
    }

    int fromDays() {
        return fromDays;
    }

    int toDays() {
        return toDays;
    }
}
