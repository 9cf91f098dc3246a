package org.clientela.shared;

import java.util.Objects;

/**
 * A 20-digit account at the bank {@code bik}: an organisation's settlement account (расчётный
 * счёт) or the bank's own correspondent account at the Central Bank (корреспондентский счёт,
 * starting with 301). An account number means nothing without its bank, and its control key
 * (the 9th digit) is computed over the two together, so the account carries its БИК.
 *
 * <p>The key: prefix the account with the last 3 digits of the БИК (settlement) or with "0" and
 * digits 5–6 of the БИК (correspondent); multiply the 23 digits by 7, 1, 3, 7, 1, 3, …; the sum
 * ends in 0.
 *
 * <p>At a treasury body ({@link Bik#isTreasury()}) the correspondent account is the single
 * treasury account (единый казначейский счёт, starting with 40102), keyed like a bank's; the
 * settlement account is a treasury account (казначейский счёт, starting with 03), whose numbers
 * the Treasury assigns without a control key over the БИК, so only its shape is checked.
 */
public record BankAccount(String value, Kind kind, Bik bik) {

    public static final String FORMAT = "shared.account.format";
    public static final String SETTLEMENT_CHECKSUM = "shared.account.settlementChecksum";
    public static final String CORRESPONDENT_CHECKSUM = "shared.account.correspondentChecksum";

    private static final int[] WEIGHTS = {7, 1, 3};

    public enum Kind {
        SETTLEMENT, CORRESPONDENT
    }

    public BankAccount {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bik, "bik");
        Digits.requireNoProblem(kind + " account", value, problem(value, kind, bik));
    }

    /**
     * @param raw   what the user typed; spaces around it are dropped
     * @param bik   the БИК of the bank, already parsed
     * @param field the input field of the account, to show the refusal at
     * @throws InvalidInputException {@value #FORMAT} or {@value #SETTLEMENT_CHECKSUM}
     */
    public static BankAccount settlement(String raw, Bik bik, String field) {
        return parse(raw, Kind.SETTLEMENT, bik, field);
    }

    /**
     * @param raw   what the user typed; spaces around it are dropped
     * @param bik   the БИК of the bank, already parsed
     * @param field the input field of the account, to show the refusal at
     * @throws InvalidInputException {@value #FORMAT} or {@value #CORRESPONDENT_CHECKSUM}
     */
    public static BankAccount correspondent(String raw, Bik bik, String field) {
        return parse(raw, Kind.CORRESPONDENT, bik, field);
    }

    public static boolean isValidSettlement(String raw, Bik bik) {
        return problem(Digits.strip(raw), Kind.SETTLEMENT, Objects.requireNonNull(bik, "bik")) == null;
    }

    public static boolean isValidCorrespondent(String raw, Bik bik) {
        return problem(Digits.strip(raw), Kind.CORRESPONDENT, Objects.requireNonNull(bik, "bik")) == null;
    }

    private static BankAccount parse(String raw, Kind kind, Bik bik, String field) {
        Objects.requireNonNull(bik, "bik");
        String value = Digits.strip(raw);
        String problem = problem(value, kind, bik);
        if (problem != null) {
            throw new InvalidInputException(field, problem);
        }
        return new BankAccount(value, kind, bik);
    }

    private static String problem(String value, Kind kind, Bik bik) {
        if (value.length() != 20 || !Digits.onlyDigits(value)) {
            return FORMAT;
        }
        return switch (kind) {
            case SETTLEMENT -> {
                if (bik.isTreasury()) {
                    yield value.startsWith("03") ? null : FORMAT;
                }
                yield keyIsRight(bik.value().substring(6, 9) + value) ? null : SETTLEMENT_CHECKSUM;
            }
            case CORRESPONDENT -> {
                if (!value.startsWith(bik.isTreasury() ? "40102" : "301")) {
                    yield FORMAT;
                }
                yield keyIsRight("0" + bik.value().substring(4, 6) + value) ? null : CORRESPONDENT_CHECKSUM;
            }
        };
    }

    private static boolean keyIsRight(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += Digits.digit(digits, i) * WEIGHTS[i % 3];
        }
        return sum % 10 == 0;
    }
}
