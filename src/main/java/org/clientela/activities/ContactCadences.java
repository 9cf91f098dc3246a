package org.clientela.activities;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The contact cadences (A2) for other modules: the early warnings, the key accounts. No access is checked. */
public interface ContactCadences {

    /** The department's companies overdue for a contact on {@code day}, the most overdue first. */
    List<OverdueContact> overdueOn(LocalDate day);

    /**
     * Takes the standing of the given companies afresh (after a key account was marked or unmarked),
     * in the caller's transaction.
     */
    void refreshStandings(Collection<UUID> companies);
}
