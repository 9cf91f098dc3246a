package org.clientela.shared;

/**
 * What the registration and bank numbers have in common: the clean-up of what a person typed or
 * pasted, and the arithmetic of their check digits.
 */
final class Digits {

    private Digits() {
    }

    /**
     * The text without the spaces around it, including the no-break spaces that come with a
     * number copied from a PDF or a spreadsheet; {@code null} becomes empty. Spaces inside stay,
     * so that "7707 083893" is refused rather than guessed at.
     */
    static String strip(String raw) {
        if (raw == null) {
            return "";
        }
        int start = 0;
        int end = raw.length();
        while (start < end && isSpace(raw.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(start, end);
    }

    /** Only the ASCII digits 0–9: {@link Character#isDigit} would also let in Arabic or Devanagari ones. */
    static boolean onlyDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The sum of the first {@code weights.length} digits, each times its weight. */
    static int weightedSum(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digit(digits, i) * weights[i];
        }
        return sum;
    }

    static int digit(String digits, int index) {
        return digits.charAt(index) - '0';
    }

    /** The guard of a canonical constructor: a bad value there is a bug, not a user's typo. */
    static void requireNoProblem(String type, String value, String problem) {
        if (problem != null) {
            throw new IllegalArgumentException(type + " '" + value + "' is not valid: " + problem);
        }
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
