package org.clientela.clients;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the department knows of a client's business (the KAM's «досье»), and for a prospect the
 * research that precedes the first offer: needs, purchase motives, audience segment.
 *
 * @param annualRevenue the client's own yearly revenue in roubles, as far as we know it
 * @param version       0 for a dossier nobody has written yet
 * @param updatedBy     the username of the last author, {@code null} before the first save
 */
public record Dossier(BigDecimal annualRevenue, Integer staffSize, String businessHistory, String needs,
        String developmentPlans, String interests, String purchaseMotives, String audienceSegment,
        List<KeyDate> keyDates, long version, Instant updatedAt, String updatedBy) {

    public record KeyDate(LocalDate day, String description) {
    }

    public static Dossier empty() {
        return new Dossier(null, null, null, null, null, null, null, null, List.of(), 0, null, null);
    }
}
