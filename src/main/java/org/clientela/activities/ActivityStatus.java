package org.clientela.activities;

/** Planned, then either done (with an outcome) or cancelled; neither of the last two changes again. */
public enum ActivityStatus {
    PLANNED, DONE, CANCELLED
}
