package org.clientela.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A company whose last contact is older than its contact cadence (A2).
 *
 * @param lastContact  the day of the actual start of its latest done activity, or of its creation
 *                     when it has none ({@code neverContacted})
 * @param cadence      the cadence it is overdue for and its basis
 * @param daysOverdue  days since the last contact beyond the cadence, at least 1
 * @param nextPlanned  its earliest activity still planned, if any
 */
public record OverdueContact(UUID companyId, String companyName, UUID ownerId, LocalDate lastContact,
        boolean neverContacted, Cadence cadence, int daysOverdue, NextActivity nextPlanned) {

    /** A planned activity in brief. */
    public record NextActivity(UUID id, ActivityType type, String subject, Instant plannedStart) {
    }
}
