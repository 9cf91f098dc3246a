package org.clientela.activities;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * An activity as screens, the API and other modules see it.
 *
 * @param timeZone    the zone it was planned in
 * @param lateMinutes once done, how many minutes after the planned start it began (0 when on time)
 * @param previousId  the activity whose next step this one is
 * @param nextId      the activity planned as this one's next step
 */
public record ActivityView(UUID id, UUID companyId, String companyName, UUID ownerId, String ownerName,
        ActivityType type, String subject, Instant plannedStart, Instant plannedEnd, ZoneId timeZone,
        String location, ActivityStatus status, Instant actualStart, Integer lateMinutes, String outcome,
        String nextStep, String cancelReason, UUID previousId, UUID nextId,
        List<Participant> contacts, long version) {

    /** A person of the company taking part. */
    public record Participant(UUID id, String fullName, String position) {
    }

    public boolean isPlanned() {
        return status == ActivityStatus.PLANNED;
    }
}
