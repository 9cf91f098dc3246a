package org.clientela.shared;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Valid registration and bank numbers for the property tests, their check digits computed here
 * (not by the code under test), and every single-digit change of a number.
 */
final class Numbers {

    static final int[] INN_10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    static final int[] INN_12_FIRST = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    static final int[] INN_12_SECOND = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] ACCOUNT = {7, 1, 3};

    private Numbers() {
    }

    static Arbitrary<String> digits(int length) {
        return Arbitraries.strings().withCharRange('0', '9').ofLength(length);
    }

    /** The weighted sum mod 11, before the "mod 10" that makes it a digit. */
    static int innRemainder(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11;
    }

    static String inn10(String nineDigits) {
        return nineDigits + innRemainder(nineDigits, INN_10) % 10;
    }

    static String inn12(String tenDigits) {
        String eleven = tenDigits + innRemainder(tenDigits, INN_12_FIRST) % 10;
        return eleven + innRemainder(eleven, INN_12_SECOND) % 10;
    }

    /** All digits but the last as a number, mod 11 (ОГРН) or mod 13 (ОГРНИП), before the "mod 10". */
    static int ogrnRemainder(String ogrn) {
        BigInteger body = new BigInteger(ogrn.substring(0, ogrn.length() - 1));
        return body.mod(BigInteger.valueOf(ogrn.length() == 13 ? 11 : 13)).intValueExact();
    }

    static String ogrn(String bodyOf12Or14) {
        String withPlaceholder = bodyOf12Or14 + "0";
        return bodyOf12Or14 + ogrnRemainder(withPlaceholder) % 10;
    }

    /** A 20-digit account whose 9th digit, the key, is set so that the weighted sum ends in 0. */
    static String account(String prefixFromBik, String nineteenDigits) {
        String withZeroKey = nineteenDigits.substring(0, 8) + "0" + nineteenDigits.substring(8);
        String all = prefixFromBik + withZeroKey;
        int sum = 0;
        for (int i = 0; i < all.length(); i++) {
            sum += (all.charAt(i) - '0') * ACCOUNT[i % 3];
        }
        // the key sits at index 3 + 8 = 11 of the 23 digits: weight 3, and 3 × 7 = 21 ≡ 1 (mod 10)
        int key = (10 - sum % 10) % 10 * 7 % 10;
        return nineteenDigits.substring(0, 8) + key + nineteenDigits.substring(8);
    }

    record Change(int position, String changed) {
    }

    /** Every number that differs from {@code number} in exactly one digit: each position, each other digit. */
    static List<Change> singleDigitChanges(String number) {
        List<Change> changes = new ArrayList<>();
        for (int position = 0; position < number.length(); position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (digit != number.charAt(position)) {
                    StringBuilder changed = new StringBuilder(number);
                    changed.setCharAt(position, digit);
                    changes.add(new Change(position, changed.toString()));
                }
            }
        }
        return changes;
    }
}
