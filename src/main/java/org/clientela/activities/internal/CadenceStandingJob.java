package org.clientela.activities.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes the standings every morning, after the key-account rule and before the early
 * warnings read the overdue contacts. Every node schedules it; the run's lock lets one of them work.
 */
@Component
@ConditionalOnProperty(name = "clientela.contact-cadences.enabled", havingValue = "true", matchIfMissing = true)
class CadenceStandingJob {

    private final CadenceStandingRun run;
    private final Clock clock;
    private final ZoneId zone;

    CadenceStandingJob(CadenceStandingRun run, Clock clock, @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.run = run;
        this.clock = clock;
        this.zone = zone;
    }

    @Scheduled(cron = "${clientela.contact-cadences.cron:0 5 6 * * *}", zone = "${clientela.time-zone:Europe/Moscow}")
    void daily() {
        run.run(LocalDate.now(clock.withZone(zone)));
    }
}
