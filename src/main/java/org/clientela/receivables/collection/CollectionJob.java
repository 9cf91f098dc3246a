package org.clientela.receivables.collection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the collection run every morning, before the department's day begins, for the day it is
 * in the company's time zone. Every node schedules it; the run's lock lets one of them work.
 */
@Component
class CollectionJob {

    private final CollectionRun run;
    private final Clock clock;
    private final ZoneId zone;

    CollectionJob(CollectionRun run, Clock clock, @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.run = run;
        this.clock = clock;
        this.zone = zone;
    }

    @Scheduled(cron = "${clientela.collection.cron:0 30 6 * * *}", zone = "${clientela.time-zone:Europe/Moscow}")
    void daily() {
        run.runFor(LocalDate.now(clock.withZone(zone)));
    }
}
