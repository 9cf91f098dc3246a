package org.clientela.clients.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.clientela.clients.CompanySource;
import org.clientela.clients.CompanyStatus;
import org.clientela.clients.DecisionRole;
import org.clientela.clients.LegalForm;
import org.clientela.platform.ImportFile;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the columns of a file to import mean: a header is matched to a company's or a contact's
 * field by its label in Russian or English or by the English field name, whatever its case and
 * spaces; an enumerated value is read from its code or its label in either language.
 */
@Component
public class ImportColumns {

    static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("ru"), Locale.ENGLISH);

    /** One field a column can fill. */
    public record Target(String field, String headerKey, CompanyColumn company, ContactColumn contact) {
    }

    private final List<Target> targets = new ArrayList<>();
    private final Map<String, Target> byField = new LinkedHashMap<>();
    private final Map<String, Target> byHeader = new HashMap<>();
    /** Per enumerated field: normalised code or label → code. */
    private final Map<String, Map<String, String>> codes = new HashMap<>();

    ImportColumns(MessageSource messages) {
        for (CompanyColumn column : CompanyColumn.values()) {
            add(messages, new Target(column.field(), column.headerKey(), column, null), column.labelPrefix());
        }
        for (ContactColumn column : ContactColumn.values()) {
            add(messages, new Target(column.field(), column.headerKey(), null, column), column.labelPrefix());
        }
    }

    private void add(MessageSource messages, Target target, String labelPrefix) {
        targets.add(target);
        byField.put(target.field(), target);
        byHeader.putIfAbsent(normalise(target.field()), target);
        for (Locale language : LANGUAGES) {
            byHeader.putIfAbsent(normalise(messages.getMessage(target.headerKey(), null, target.field(), language)),
                    target);
        }
        if (labelPrefix != null) {
            Map<String, String> values = new HashMap<>();
            for (Enum<?> constant : constants(target.field())) {
                values.put(normalise(constant.name()), constant.name());
                for (Locale language : LANGUAGES) {
                    values.putIfAbsent(normalise(messages.getMessage(labelPrefix + constant.name(), null,
                            constant.name(), language)), constant.name());
                }
            }
            codes.put(target.field(), values);
        }
    }

    private static Enum<?>[] constants(String field) {
        return switch (field) {
            case "legalForm" -> LegalForm.values();
            case "source" -> CompanySource.values();
            case "status" -> CompanyStatus.values();
            case "decisionRole" -> DecisionRole.values();
            default -> throw new IllegalArgumentException("No values known for " + field);
        };
    }

    /** Every field a column can fill, the company's first. */
    public List<Target> targets() {
        return List.copyOf(targets);
    }

    /** The target named by its field, or {@code null}. */
    public Target target(String field) {
        return field == null ? null : byField.get(field.strip());
    }

    /** The field a header names, or {@code null} when it names none. */
    public Target forHeader(String header) {
        return header == null ? null : byHeader.get(normalise(header));
    }

    /**
     * Each column's field as its header suggests (index → target); a field named by two headers
     * is filled from the first.
     */
    public Map<Integer, Target> suggest(List<String> headers) {
        Map<Integer, Target> mapping = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            Target target = forHeader(headers.get(i));
            if (target != null && !mapping.containsValue(target)) {
                mapping.put(i, target);
            }
        }
        return mapping;
    }

    /** The code of an enumerated value given as code or label; anything else as given, for the check to refuse. */
    String code(Target target, String raw) {
        Map<String, String> values = codes.get(target.field());
        if (values == null || raw == null) {
            return raw;
        }
        return values.getOrDefault(normalise(raw), raw);
    }

    static String normalise(String text) {
        return ImportFile.normalise(text);
    }
}
