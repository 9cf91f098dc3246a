package org.clientela.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The fields of one change, old and new value each; unchanged fields are left out, so a save
 * that changed nothing writes nothing.
 */
public final class AuditChanges {

    private final List<FieldChange> fields = new ArrayList<>();

    private AuditChanges() {
    }

    public static AuditChanges of() {
        return new AuditChanges();
    }

    public AuditChanges field(String name, Object oldValue, Object newValue) {
        String before = render(oldValue);
        String after = render(newValue);
        if (!Objects.equals(before, after)) {
            fields.add(new FieldChange(name, before, after));
        }
        return this;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public List<FieldChange> fields() {
        return List.copyOf(fields);
    }

    /** Collections are rendered sorted, so that the same set in another order is no change. */
    private static String render(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> collection) {
            TreeSet<String> sorted = new TreeSet<>();
            collection.forEach(element -> sorted.add(String.valueOf(element)));
            return String.join(", ", sorted);
        }
        return value.toString();
    }

    public record FieldChange(String field, String oldValue, String newValue) {
    }
}
