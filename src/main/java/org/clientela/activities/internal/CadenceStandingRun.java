package org.clientela.activities.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Takes every company's standing afresh (see {@link ContactCadenceService#refreshAll}), one node at a time. */
@Component
public class CadenceStandingRun {

    static final String LOCK = "contact-cadence-standings";

    private final ContactCadenceService cadences;

    CadenceStandingRun(ContactCadenceService cadences) {
        this.cadences = cadences;
    }

    /** The number of companies refreshed; empty when another node (or request) is running it right now. */
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
    public Optional<Integer> run(LocalDate day) {
        return Optional.of(cadences.refreshAll(day));
    }
}
