package org.clientela.receivables.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.UUID;

import org.clientela.shared.InputErrors;
import org.clientela.shared.TypedNumber;

/**
 * The values of invoices and payments as a person or a file gives them, each checked at its field:
 * amounts in roubles and kopecks, dates, texts of a bounded length.
 */
final class Inputs {

    /** What {@code numeric(16, 2)} holds. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999.99");
    /** Earlier dates are typing errors (a year 0205), not the company's history. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    static final String REQUIRED = "receivables.field.required";
    static final String TOO_LONG = "receivables.field.tooLong";
    static final String AMOUNT_INVALID = "receivables.amount.invalid";
    static final String AMOUNT_NOT_POSITIVE = "receivables.amount.notPositive";
    static final String AMOUNT_NEGATIVE = "receivables.amount.negative";
    static final String DATE_INVALID = "receivables.date.invalid";
    static final String DATE_FUTURE = "receivables.date.future";
    static final String DATE_TOO_EARLY = "receivables.date.tooEarly";
    static final String ID_INVALID = "receivables.id.invalid";

    private static final DateTimeFormatter RUSSIAN = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private Inputs() {
    }

    /** An amount above zero with at most kopecks, or {@code null} with the problem recorded. */
    static BigDecimal positiveAmount(InputErrors errors, String field, String text) {
        BigDecimal value = amount(errors, field, text);
        if (value != null && value.signum() <= 0) {
            errors.add(field, AMOUNT_NOT_POSITIVE);
            return null;
        }
        return value;
    }

    /** An amount of zero or more with at most kopecks, or {@code null} with the problem recorded. */
    static BigDecimal nonNegativeAmount(InputErrors errors, String field, String text) {
        BigDecimal value = amount(errors, field, text);
        if (value != null && value.signum() < 0) {
            errors.add(field, AMOUNT_NEGATIVE);
            return null;
        }
        return value;
    }

    private static BigDecimal amount(InputErrors errors, String field, String text) {
        if (text == null || text.isBlank()) {
            errors.add(field, REQUIRED);
            return null;
        }
        BigDecimal value;
        try {
            value = TypedNumber.parse(text.strip());
        } catch (NumberFormatException e) {
            errors.add(field, AMOUNT_INVALID, text.strip());
            return null;
        }
        // «1500.00» and «1500» are the same amount; «1500.001» is not one in roubles
        if (value.stripTrailingZeros().scale() > 2 || value.abs().compareTo(MAX_AMOUNT) > 0) {
            errors.add(field, AMOUNT_INVALID, text.strip());
            return null;
        }
        return value.setScale(2);
    }

    /**
     * A date as ISO ({@code 2025-03-31}) or as a Russian writes it ({@code 31.03.2025}), not
     * before 2000 and, when {@code latest} is given, not after it.
     *
     * @return {@code null} when blank (the caller decides whether that is allowed) or wrong
     */
    static LocalDate date(InputErrors errors, String field, String text, LocalDate latest) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date = parseDate(text.strip());
        if (date == null) {
            errors.add(field, DATE_INVALID, text.strip());
            return null;
        }
        if (date.isBefore(EARLIEST)) {
            errors.add(field, DATE_TOO_EARLY);
            return null;
        }
        if (latest != null && date.isAfter(latest)) {
            errors.add(field, DATE_FUTURE);
            return null;
        }
        return date;
    }

    static LocalDate requiredDate(InputErrors errors, String field, String text, LocalDate latest) {
        if (text == null || text.isBlank()) {
            errors.add(field, REQUIRED);
            return null;
        }
        return date(errors, field, text, latest);
    }

    private static LocalDate parseDate(String text) {
        try {
            return text.contains(".") ? LocalDate.parse(text, RUSSIAN) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A text of at most {@code max} characters, stripped; {@code null} when blank. */
    static String text(InputErrors errors, String field, String text, int max, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.add(field, REQUIRED);
            }
            return null;
        }
        String value = text.strip();
        if (value.length() > max) {
            errors.add(field, TOO_LONG, max);
            return null;
        }
        return value;
    }

    static UUID id(InputErrors errors, String field, String text) {
        if (text == null || text.isBlank()) {
            errors.add(field, REQUIRED);
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(field, ID_INVALID, text.strip());
            return null;
        }
    }
}
