package org.clientela.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * КПП, the code of the reason for tax registration that an organisation has besides its ИНН:
 * 4 digits (the tax office), 2 digits or capital Latin letters (the reason), 3 digits. It has no
 * check digit. A sole trader has none: see {@link Inn#requireKppRule(Kpp, String)}.
 */
public record Kpp(String value) {

    public static final String FORMAT = "shared.kpp.format";

    private static final Pattern SHAPE = Pattern.compile("[0-9]{4}[0-9A-Z]{2}[0-9]{3}");

    public Kpp {
        Objects.requireNonNull(value, "value");
        Digits.requireNoProblem("KPP", value, SHAPE.matcher(value).matches() ? null : FORMAT);
    }

    /**
     * @param raw   what the user typed; spaces around it are dropped, lowercase letters are refused
     * @param field the input field to show the refusal at
     * @throws InvalidInputException {@value #FORMAT}
     */
    public static Kpp parse(String raw, String field) {
        String value = Digits.strip(raw);
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidInputException(field, FORMAT);
        }
        return new Kpp(value);
    }

    public static boolean isValid(String raw) {
        return SHAPE.matcher(Digits.strip(raw)).matches();
    }
}
