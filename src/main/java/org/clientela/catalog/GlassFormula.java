package org.clientela.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.clientela.shared.InvalidInputException;

/**
 * A glass unit's build-up as the factory writes it: the thicknesses in millimetres of glass,
 * spacer, glass…, e.g. {@code 4-16-4} (one chamber) or {@code 4-10-4-10-4} (two). A trailing
 * letter marks a special glass ({@code 4i} — low-emission). Glass is 3–12 mm, a spacer 6–24 mm,
 * and a unit starts and ends with glass, so the parts are odd in number: at least three.
 */
public record GlassFormula(String text, List<Integer> layers) {

    public static final int MIN_GLASS = 3;
    public static final int MAX_GLASS = 12;
    public static final int MIN_SPACER = 6;
    public static final int MAX_SPACER = 24;
    static final String INVALID = "catalog.formula.invalid";

    private static final Pattern GLASS = Pattern.compile("(\\d{1,2})[a-z]?");
    private static final Pattern SPACER = Pattern.compile("(\\d{1,2})");

    public GlassFormula {
        layers = List.copyOf(layers);
    }

    /** The formula, or 400 at {@code field} saying what a formula looks like. */
    public static GlassFormula parse(String field, String text) {
        String trimmed = text.strip().toLowerCase(java.util.Locale.ROOT);
        String[] parts = trimmed.split("-", -1);
        if (parts.length < 3 || parts.length % 2 == 0) {
            throw invalid(field, text);
        }
        List<Integer> layers = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            boolean glass = i % 2 == 0;
            var matcher = (glass ? GLASS : SPACER).matcher(parts[i]);
            if (!matcher.matches()) {
                throw invalid(field, text);
            }
            int millimetres = Integer.parseInt(matcher.group(1));
            if (glass ? millimetres < MIN_GLASS || millimetres > MAX_GLASS
                    : millimetres < MIN_SPACER || millimetres > MAX_SPACER) {
                throw invalid(field, text);
            }
            layers.add(millimetres);
        }
        return new GlassFormula(trimmed, layers);
    }

    /** Chambers: one for 4-16-4, two for 4-10-4-10-4. */
    public int chambers() {
        return layers.size() / 2;
    }

    /** The unit's total thickness in millimetres. */
    public int thickness() {
        return layers.stream().mapToInt(Integer::intValue).sum();
    }

    private static InvalidInputException invalid(String field, String text) {
        return new InvalidInputException(field, INVALID, text, MIN_GLASS, MAX_GLASS, MIN_SPACER, MAX_SPACER);
    }

    @Override
    public String toString() {
        return text;
    }
}
