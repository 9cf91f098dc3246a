package org.clientela.clients.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.clientela.clients.Dossier;
import org.clientela.clients.Dossier.KeyDate;
import org.clientela.shared.InputErrors;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.TypedNumber;

/**
 * The dossier form as the browser sends it. Its fields are read off the {@link Dossier} record
 * itself, so a field added there appears in the form (with its label {@code clients.dossier.<name>})
 * without touching this class or the template: text fields as text areas, numbers as numbers.
 *
 * @param fields   every field but the key dates, by the record's names, as typed
 * @param keyDates the rows of key dates in the order shown; a row left wholly empty is dropped
 * @param version  the version of the dossier the form was filled from, 0 for one nobody wrote yet
 */
record DossierForm(Map<String, String> fields, List<KeyDateRow> keyDates, Long version) {

    /**
     * The form always has the rows it shows, at least an empty one to type into: the template
     * names each row's field by its path, which must lead somewhere.
     */
    DossierForm {
        List<KeyDateRow> rows = new ArrayList<>();
        for (KeyDateRow row : keyDates == null ? List.<KeyDateRow>of() : keyDates) {
            rows.add(row == null ? KeyDateRow.EMPTY : row);
        }
        if (rows.isEmpty()) {
            rows.add(KeyDateRow.EMPTY);
        }
        keyDates = List.copyOf(rows);
    }

    record KeyDateRow(String day, String description) {

        static final KeyDateRow EMPTY = new KeyDateRow("", "");
    }

    /** A field as the template shows it. */
    record Field(String name, boolean numeric) {
    }

    /** The parts of the record that are not the user's to type, or that the form has as rows. */
    private static final Set<String> NOT_TYPED = Set.of("keyDates", "version", "updatedAt", "updatedBy");
    private static final Set<Class<?>> NUMBERS = Set.of(BigDecimal.class, Integer.class);
    private static final List<RecordComponent> TYPED = typedComponents();
    static final List<Field> FIELDS = TYPED.stream()
            .map(component -> new Field(component.getName(), NUMBERS.contains(component.getType())))
            .toList();

    static DossierForm of(Dossier dossier) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (RecordComponent component : TYPED) {
            Object value = read(component, dossier);
            fields.put(component.getName(), value == null ? ""
                    : value instanceof BigDecimal number ? number.toPlainString() : value.toString());
        }
        List<KeyDateRow> rows = dossier.keyDates().stream()
                .map(keyDate -> new KeyDateRow(keyDate.day().toString(), keyDate.description()))
                .toList();
        return new DossierForm(fields, rows, dossier.version());
    }

    /**
     * The dossier the form describes, for the service to check and write.
     *
     * @throws InvalidInputException a number or a day that does not parse, named by the form's path
     */
    Dossier toDossier() {
        InputErrors errors = new InputErrors();
        RecordComponent[] components = Dossier.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            if (!NOT_TYPED.contains(component.getName())) {
                values[i] = typed(errors, component, value(component.getName()));
            } else if (component.getName().equals("keyDates")) {
                values[i] = keyDates(errors);
            } else if (component.getType() == long.class) {
                // the version: the service takes the expected one apart, as the API does
                values[i] = 0L;
            }
        }
        errors.throwIfAny();
        try {
            Constructor<Dossier> canonical = Dossier.class.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build a dossier from its form", e);
        }
    }

    /**
     * The form's path of each field the service names: its {@code needs} is the form's
     * {@code fields[needs]}, its {@code keyDates[1]} the form's second row that is not empty.
     */
    Map<String, String> fieldPaths() {
        Map<String, String> paths = new LinkedHashMap<>();
        for (RecordComponent component : TYPED) {
            paths.put(component.getName(), path(component.getName()));
        }
        List<Integer> given = givenRows();
        for (int i = 0; i < given.size(); i++) {
            paths.put("keyDates[" + i + "].day", "keyDates[" + given.get(i) + "].day");
            paths.put("keyDates[" + i + "].description", "keyDates[" + given.get(i) + "].description");
        }
        return paths;
    }

    /**
     * Fails loudly the first time the form is used (so in its tests) when the record gains a field
     * of a type the form cannot take, rather than leaving the field out of the form unnoticed.
     */
    private static List<RecordComponent> typedComponents() {
        List<RecordComponent> typed = Arrays.stream(Dossier.class.getRecordComponents())
                .filter(component -> !NOT_TYPED.contains(component.getName()))
                .toList();
        for (RecordComponent component : typed) {
            if (component.getType() != String.class && !NUMBERS.contains(component.getType())) {
                throw new IllegalStateException("The dossier form cannot take " + component.getType().getSimpleName()
                        + " " + component.getName());
            }
        }
        return typed;
    }

    private static String path(String field) {
        return "fields[" + field + "]";
    }

    private String value(String field) {
        String value = fields == null ? null : fields.get(field);
        return value == null ? "" : value.strip();
    }

    private static Object typed(InputErrors errors, RecordComponent component, String raw) {
        if (component.getType() == String.class) {
            return raw;
        }
        if (raw.isEmpty()) {
            return null;
        }
        try {
            BigDecimal number = TypedNumber.parse(raw);
            return component.getType() == Integer.class ? Integer.valueOf(number.intValueExact()) : number;
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(path(component.getName()), "clients.dossier.notANumber");
            return null;
        }
    }

    private List<KeyDate> keyDates(InputErrors errors) {
        List<KeyDate> keyDates = new ArrayList<>();
        for (int index : givenRows()) {
            KeyDateRow row = this.keyDates.get(index);
            LocalDate day = null;
            if (row.day() != null && !row.day().isBlank()) {
                try {
                    day = LocalDate.parse(row.day().strip());
                } catch (DateTimeParseException e) {
                    // named as the service names rows, by the place among the rows given, to be renamed alike
                    errors.add("keyDates[" + keyDates.size() + "].day", "clients.dossier.dayInvalid");
                }
            }
            keyDates.add(new KeyDate(day, row.description()));
        }
        return keyDates;
    }

    /** The indexes of the rows with anything in them. */
    private List<Integer> givenRows() {
        List<Integer> given = new ArrayList<>();
        for (int i = 0; i < keyDates.size(); i++) {
            KeyDateRow row = keyDates.get(i);
            if (!(blank(row.day()) && blank(row.description()))) {
                given.add(i);
            }
        }
        return given;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Object read(RecordComponent component, Dossier dossier) {
        try {
            return component.getAccessor().invoke(dossier);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the dossier's " + component.getName(), e);
        }
    }
}
