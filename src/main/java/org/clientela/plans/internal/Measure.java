package org.clientela.plans.internal;

/** The four measures of a target, each a column of the plan's grid. */
public enum Measure {
    REVENUE("revenue"), MARGIN("margin"), ACTIVE_CLIENTS("activeClients"), NEW_CLIENTS("newClients");

    private final String field;

    Measure(String field) {
        this.field = field;
    }

    /** The field's name in the API and the forms, e.g. {@code activeClients}. */
    public String field() {
        return field;
    }

    public boolean money() {
        return this == REVENUE || this == MARGIN;
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static Measure ofField(String field) {
        for (Measure measure : values()) {
            if (measure.field.equals(field)) {
                return measure;
            }
        }
        throw new IllegalArgumentException("No measure " + field);
    }
}
