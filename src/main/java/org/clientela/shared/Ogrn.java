package org.clientela.shared;

import java.util.Objects;

/**
 * ОГРН, the state registration number: 13 digits for an organisation, 15 (ОГРНИП) for a sole
 * trader. The last digit checks the others: for 13 digits the first 12 read as a number mod 11,
 * for 15 digits the first 14 mod 13; then mod 10.
 */
public record Ogrn(String value) {

    public static final String LENGTH = "shared.ogrn.length";
    public static final String DIGITS_ONLY = "shared.ogrn.digitsOnly";
    public static final String CHECKSUM = "shared.ogrn.checksum";
    public static final String KIND_MISMATCH = "shared.ogrn.kindMismatch";

    public Ogrn {
        Objects.requireNonNull(value, "value");
        Digits.requireNoProblem("OGRN", value, problem(value));
    }

    /**
     * @param raw   what the user typed; spaces around it are dropped
     * @param field the input field to show the refusal at
     * @throws InvalidInputException {@value #DIGITS_ONLY}, {@value #LENGTH} or {@value #CHECKSUM}
     */
    public static Ogrn parse(String raw, String field) {
        String value = Digits.strip(raw);
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidInputException(field, problem);
        }
        return new Ogrn(value);
    }

    public static boolean isValid(String raw) {
        return problem(Digits.strip(raw)) == null;
    }

    /** A 15-digit ОГРНИП: an individual entrepreneur (ИП) rather than an organisation. */
    public boolean isSoleTrader() {
        return value.length() == 15;
    }

    /**
     * A sole trader's ИНН goes with an ОГРНИП, an organisation's with an ОГРН.
     *
     * @param field the input field of this ОГРН, to show the refusal at
     * @throws InvalidInputException {@value #KIND_MISMATCH}
     */
    public void requireMatches(Inn inn, String field) {
        if (inn.isSoleTrader() != isSoleTrader()) {
            throw new InvalidInputException(field, KIND_MISMATCH);
        }
    }

    private static String problem(String value) {
        if (!value.isEmpty() && !Digits.onlyDigits(value)) {
            return DIGITS_ONLY;
        }
        if (value.length() == 13) {
            return checkDigit(value, 11) == Digits.digit(value, 12) ? null : CHECKSUM;
        }
        if (value.length() == 15) {
            return checkDigit(value, 13) == Digits.digit(value, 14) ? null : CHECKSUM;
        }
        return LENGTH;
    }

    /** All digits but the last as one number (at most 14 digits: fits a long), mod {@code modulus}, mod 10. */
    private static int checkDigit(String digits, int modulus) {
        return (int) (Long.parseLong(digits.substring(0, digits.length() - 1)) % modulus % 10);
    }
}
