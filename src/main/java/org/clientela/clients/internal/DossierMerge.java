package org.clientela.clients.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.clientela.clients.Dossier;
import org.clientela.clients.Dossier.KeyDate;

/**
 * How the dossiers of a company and of its duplicate become one: what the survivor knows stays;
 * what only the duplicate knows fills the gaps; two different texts on the same subject are both
 * kept, the survivor's first (they were written by people who each knew part of the story); the
 * key dates of both are kept, each once. One rule for the confirmation page and for the merge.
 *
 * @param filled        the fields the survivor had empty and gets from the duplicate
 * @param joined        the texts both had, now kept one after the other
 * @param keyDatesAdded how many of the duplicate's key dates the survivor did not have
 */
record DossierMerge(Dossier merged, List<String> filled, List<String> joined, int keyDatesAdded) {

    /** Between the survivor's text and the duplicate's: an empty line, as between paragraphs. */
    static final String TEXT_SEPARATOR = "\n\n";

    static DossierMerge of(Dossier survivor, Dossier duplicate) {
        List<String> filled = new ArrayList<>();
        List<String> joined = new ArrayList<>();
        List<KeyDate> keyDates = new ArrayList<>(survivor.keyDates());
        for (KeyDate keyDate : duplicate.keyDates()) {
            if (!keyDates.contains(keyDate)) {
                keyDates.add(keyDate);
            }
        }
        Dossier merged = new Dossier(
                value("annualRevenue", survivor, duplicate, Dossier::annualRevenue, filled),
                value("staffSize", survivor, duplicate, Dossier::staffSize, filled),
                text("businessHistory", survivor, duplicate, Dossier::businessHistory, filled, joined),
                text("needs", survivor, duplicate, Dossier::needs, filled, joined),
                text("developmentPlans", survivor, duplicate, Dossier::developmentPlans, filled, joined),
                text("interests", survivor, duplicate, Dossier::interests, filled, joined),
                text("purchaseMotives", survivor, duplicate, Dossier::purchaseMotives, filled, joined),
                text("audienceSegment", survivor, duplicate, Dossier::audienceSegment, filled, joined),
                List.copyOf(keyDates), survivor.version(), survivor.updatedAt(), survivor.updatedBy());
        return new DossierMerge(merged, List.copyOf(filled), List.copyOf(joined),
                keyDates.size() - survivor.keyDates().size());
    }

    /** Whether the survivor's dossier changes at all. */
    boolean changesSurvivor() {
        return !filled.isEmpty() || !joined.isEmpty() || keyDatesAdded > 0;
    }

    private static <T> T value(String field, Dossier survivor, Dossier duplicate, Function<Dossier, T> get,
            List<String> filled) {
        T kept = get.apply(survivor);
        T other = get.apply(duplicate);
        if (kept == null && other != null) {
            filled.add(field);
            return other;
        }
        return kept;
    }

    private static String text(String field, Dossier survivor, Dossier duplicate, Function<Dossier, String> get,
            List<String> filled, List<String> joined) {
        String kept = get.apply(survivor);
        String other = get.apply(duplicate);
        if (kept == null || other == null || Objects.equals(kept, other)) {
            return value(field, survivor, duplicate, get, filled);
        }
        joined.add(field);
        return kept + TEXT_SEPARATOR + other;
    }
}
