package org.clientela.activities.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.clientela.activities.Cadence;

/**
 * A company's contact cadence as its page and the API show it.
 *
 * @param cadence        {@code null} for an archived, merged or lost company: it has none
 * @param reason         why a person last set it (individually or back to the default)
 * @param lastContact    the day of the latest done activity, or of the company's creation ({@code neverContacted})
 * @param daysOverdue    days beyond the cadence since the last contact; 0 when not overdue
 * @param version        0 before anyone set it
 * @param mayChange      whether the current user may set it: the owner, a head, the director, an admin
 */
public record CompanyCadence(UUID companyId, Cadence cadence, String reason, UUID changedBy, Instant changedAt,
        LocalDate lastContact, boolean neverContacted, int daysOverdue, long version, boolean mayChange) {

    /** The days of the standing's default, shown beside an individual cadence. */
    public Integer defaultDays() {
        return cadence == null ? null : cadence.standing().defaultDays();
    }
}
