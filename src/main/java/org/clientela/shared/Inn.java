package org.clientela.shared;

import java.util.Objects;

/**
 * ИНН, the taxpayer number: 10 digits for an organisation, 12 for a sole trader (ИП). The last
 * digit (of a 12-digit one, the last two) is a check digit over the others: the weighted sum
 * mod 11, then mod 10.
 *
 * <p>Make one from user input with {@link #parse(String, String)}; the constructor is for values
 * already known to be good (read from the database) and treats a bad one as a bug.
 */
public record Inn(String value) {

    public static final String LENGTH = "shared.inn.length";
    public static final String DIGITS_ONLY = "shared.inn.digitsOnly";
    public static final String CHECKSUM = "shared.inn.checksum";
    public static final String KPP_NOT_FOR_SOLE_TRADER = "shared.kpp.notForSoleTrader";
    public static final String KPP_REQUIRED = "shared.kpp.required";

    private static final int[] ORGANISATION_WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] SOLE_TRADER_FIRST_WEIGHTS = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] SOLE_TRADER_SECOND_WEIGHTS = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    public Inn {
        Objects.requireNonNull(value, "value");
        Digits.requireNoProblem("INN", value, problem(value));
    }

    /**
     * @param raw   what the user typed; spaces around it are dropped
     * @param field the input field to show the refusal at
     * @throws InvalidInputException {@value #DIGITS_ONLY}, {@value #LENGTH} or {@value #CHECKSUM}
     */
    public static Inn parse(String raw, String field) {
        String value = Digits.strip(raw);
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidInputException(field, problem);
        }
        return new Inn(value);
    }

    public static boolean isValid(String raw) {
        return problem(Digits.strip(raw)) == null;
    }

    /** A 12-digit ИНН: an individual entrepreneur (ИП) rather than an organisation. */
    public boolean isSoleTrader() {
        return value.length() == 12;
    }

    /**
     * An organisation has a КПП, a sole trader has none.
     *
     * @param kpp      the КПП given with this ИНН, or {@code null} when there is none
     * @param kppField the input field to show the refusal at
     * @throws InvalidInputException {@value #KPP_NOT_FOR_SOLE_TRADER} or {@value #KPP_REQUIRED}
     */
    public void requireKppRule(Kpp kpp, String kppField) {
        if (isSoleTrader() && kpp != null) {
            throw new InvalidInputException(kppField, KPP_NOT_FOR_SOLE_TRADER);
        }
        if (!isSoleTrader() && kpp == null) {
            throw new InvalidInputException(kppField, KPP_REQUIRED);
        }
    }

    /** The message key of what is wrong with {@code value}, or {@code null} when it is a valid ИНН. */
    private static String problem(String value) {
        // letters or spaces inside first: "7707 083893" is a typing problem, not a length one
        if (!value.isEmpty() && !Digits.onlyDigits(value)) {
            return DIGITS_ONLY;
        }
        if (value.length() == 10) {
            return checkDigit(value, ORGANISATION_WEIGHTS) == Digits.digit(value, 9) ? null : CHECKSUM;
        }
        if (value.length() == 12) {
            boolean valid = checkDigit(value, SOLE_TRADER_FIRST_WEIGHTS) == Digits.digit(value, 10)
                    && checkDigit(value, SOLE_TRADER_SECOND_WEIGHTS) == Digits.digit(value, 11);
            return valid ? null : CHECKSUM;
        }
        return LENGTH;
    }

    private static int checkDigit(String digits, int[] weights) {
        return Digits.weightedSum(digits, weights) % 11 % 10;
    }
}
