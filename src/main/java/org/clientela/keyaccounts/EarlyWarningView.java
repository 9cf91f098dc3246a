package org.clientela.keyaccounts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.clients.CompanyId;

/**
 * An open early warning (K4).
 *
 * @param detectedOn the day of the run that found it first
 * @param evidence   the figures the rule compared, as of the latest run that found it still holding:
 *                   amounts in roubles ({@link java.math.BigDecimal}), counts, percentages (whole
 *                   numbers), days, the names of assortment groups (a list), dates ({@code yyyy-MM-dd});
 *                   the keys of each kind are in the demo world's warnings and {@link WarningKind#textFigures()}
 */
public record EarlyWarningView(UUID id, CompanyId company, String companyName, WarningKind kind, LocalDate detectedOn,
        Map<String, Object> evidence) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /**
     * The arguments of the kind's text ({@link WarningKind#textKey()}): the evidence's figures, with
     * lists joined by commas and dates as {@code dd.MM.yyyy}.
     */
    public Object[] textArguments() {
        return textArguments(kind, evidence);
    }

    /** The same for any warning's evidence. */
    public static Object[] textArguments(WarningKind kind, Map<String, Object> evidence) {
        List<String> figures = kind.textFigures();
        Object[] arguments = new Object[figures.size()];
        for (int i = 0; i < arguments.length; i++) {
            Object value = evidence.get(figures.get(i));
            if (value instanceof Collection<?> names) {
                value = String.join(", ", names.stream().map(String::valueOf).toList());
            } else if (figures.get(i).endsWith("Date") && value != null) {
                value = LocalDate.parse(value.toString()).format(DAY);
            }
            arguments[i] = value;
        }
        return arguments;
    }
}
