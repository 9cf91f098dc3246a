package org.clientela.activities.internal;

/**
 * The outcome of an activity, as typed.
 *
 * @param actualStart ISO-8601 with offset, not in the future
 * @param nextStep    what comes next, or {@code null}
 */
public record OutcomeInput(String actualStart, String outcome, NextStep nextStep) {

    /**
     * The next step: its text, and — with a planned start — the next activity to plan (its type
     * that of this one unless given, its end as long after the start as this one's unless given).
     */
    public record NextStep(String subject, String type, String plannedStart, String plannedEnd) {
    }
}
