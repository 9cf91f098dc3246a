package org.clientela.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * БИК, the bank identification code: 9 digits, starting with 04 for a bank in Russia, or with
 * 00, 01 or 02 for a territorial body of the Federal Treasury (ТОФК), where state and municipal
 * clients hold their treasury accounts since 2021. It has no check digit of its own; it takes
 * part in the control key of a {@link BankAccount}.
 */
public record Bik(String value) {

    public static final String FORMAT = "shared.bik.format";

    private static final Pattern SHAPE = Pattern.compile("0[0-24][0-9]{7}");

    public Bik {
        Objects.requireNonNull(value, "value");
        Digits.requireNoProblem("BIK", value, SHAPE.matcher(value).matches() ? null : FORMAT);
    }

    /**
     * @param raw   what the user typed; spaces around it are dropped
     * @param field the input field to show the refusal at
     * @throws InvalidInputException {@value #FORMAT}
     */
    public static Bik parse(String raw, String field) {
        String value = Digits.strip(raw);
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidInputException(field, FORMAT);
        }
        return new Bik(value);
    }

    /** A treasury body's БИК: its accounts are the single treasury account and treasury accounts. */
    public boolean isTreasury() {
        return !value.startsWith("04");
    }

    public static boolean isValid(String raw) {
        return SHAPE.matcher(Digits.strip(raw)).matches();
    }
}
