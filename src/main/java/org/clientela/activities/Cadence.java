package org.clientela.activities;

/**
 * How often a company must be contacted (A2): every {@code days} days, by its standing's default or
 * individually.
 *
 * @param standing   the company's standing, its default's basis even when set individually
 * @param individual whether a person set {@code days}
 */
public record Cadence(int days, CadenceStanding.Standing standing, boolean individual) {

    /** {@code INDIVIDUAL}, or the standing the default follows. */
    public String basis() {
        return individual ? "INDIVIDUAL" : standing.name();
    }
}
