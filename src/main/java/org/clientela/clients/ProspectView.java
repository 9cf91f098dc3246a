package org.clientela.clients;

import java.time.Instant;
import java.util.UUID;

/**
 * A prospect in a manager's work list (C6): who it is, whose it is, which research notes are
 * written, and when anyone last worked on it.
 *
 * @param lastChangedAt when it was registered or its dossier or research last changed, whichever is later
 * @param version       the company's version, for converting it
 */
public record ProspectView(UUID id, String name, String inn, String segment, String region, CompanySource source,
        UUID ownerId, String ownerName, boolean hasNeeds, boolean hasPurchaseMotives, boolean hasAudienceSegment,
        boolean hasNote, Instant lastChangedAt, long version) {

    /** How many of the four research notes are written. */
    public int researched() {
        return (hasNeeds ? 1 : 0) + (hasPurchaseMotives ? 1 : 0) + (hasAudienceSegment ? 1 : 0) + (hasNote ? 1 : 0);
    }
}
