package org.clientela.clients.internal;

/**
 * Phones as people type them — «+7 (495) 123-45-67», «8 495 1234567», «4951234567» — reduced to
 * one form to compare and search by: the digits, with the Russian trunk prefix 8 and the missing
 * country code both made 7. The typed form is kept for people to read.
 */
final class PhoneNumbers {

    static final int MIN_DIGITS = 10;
    static final int MAX_DIGITS = 15;

    private PhoneNumbers() {
    }

    /**
     * The digits of a phone: an 11-digit number starting with 8 is a Russian one dialled with the
     * trunk prefix, and 10 digits without a «+» are a Russian number without its country code.
     * Anything else keeps its digits as they are (a foreign number comes with its own code).
     */
    static String digits(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder(raw.length());
        raw.codePoints().filter(c -> c >= '0' && c <= '9').forEach(digits::appendCodePoint);
        boolean international = raw.strip().startsWith("+");
        if (!international && digits.length() == 11 && digits.charAt(0) == '8') {
            digits.setCharAt(0, '7');
        } else if (!international && digits.length() == 10) {
            digits.insert(0, '7');
        }
        return digits.toString();
    }

    /** Whether the digits make a phone number at all (the international maximum is 15). */
    static boolean isPlausible(String digits) {
        return digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS;
    }

    /** Whether a search text is written as a phone: digits with the usual separators only. */
    static boolean looksLikePhone(String text) {
        return text.matches("\\+?[\\d\\s().\\-]+") && isPlausible(digits(text));
    }
}
