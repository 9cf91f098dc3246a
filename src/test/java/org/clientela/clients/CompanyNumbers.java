package org.clientela.clients;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh, valid registration numbers for tests that share one database: each call gives another
 * company, its check digits computed the way the tax service does.
 */
public final class CompanyNumbers {

    private static final int[] INN10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private CompanyNumbers() {
    }

    public static String organisationInn() {
        String base = "77" + digits(7);
        return base + check(base, INN10);
    }

    /** An organisation's INN of region 01 (Адыгея): a leading zero a spreadsheet must not drop. */
    public static String organisationInnWithLeadingZero() {
        String base = "01" + digits(7);
        return base + check(base, INN10);
    }

    public static String soleTraderInn() {
        String base = "77" + digits(8);
        String eleven = base + check(base, INN11);
        return eleven + check(eleven, INN12);
    }

    public static String ogrn() {
        String base = "1027" + digits(8);
        return base + new java.math.BigInteger(base).mod(java.math.BigInteger.valueOf(11)).mod(java.math.BigInteger.TEN);
    }

    private static int check(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11 % 10;
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}
