package org.clientela.clients;

import java.time.Instant;

/**
 * The research notes of a prospect (C6): what it needs, why it would buy, whom it sells to, and
 * a free-text note. They are part of the company's dossier (the same version), so a dossier's
 * author and a researcher never overwrite each other unnoticed; they stay after the conversion.
 *
 * @param researchedAt when one of the notes last changed, {@code null} before the first
 * @param version      the dossier's version, 0 while nothing has been written
 */
public record ProspectResearch(String needs, String purchaseMotives, String audienceSegment, String note,
        Instant researchedAt, long version, Instant updatedAt, String updatedBy) {

    public static ProspectResearch of(String needs, String purchaseMotives, String audienceSegment, String note) {
        return new ProspectResearch(needs, purchaseMotives, audienceSegment, note, null, 0, null, null);
    }
}
