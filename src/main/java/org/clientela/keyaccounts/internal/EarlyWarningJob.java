package org.clientela.keyaccounts.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the early-warning rules every morning for the day it is in the company's time zone, so that
 * the warnings wait on the start pages. Every node schedules it; the run's lock lets one of them work.
 */
@Component
@ConditionalOnProperty(name = "clientela.warnings.enabled", havingValue = "true", matchIfMissing = true)
class EarlyWarningJob {

    private final EarlyWarningRun run;
    private final Clock clock;
    private final ZoneId zone;

    EarlyWarningJob(EarlyWarningRun run, Clock clock, @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.run = run;
        this.clock = clock;
        this.zone = zone;
    }

    @Scheduled(cron = "${clientela.warnings.cron:0 15 6 * * *}", zone = "${clientela.time-zone:Europe/Moscow}")
    void daily() {
        run.run(LocalDate.now(clock.withZone(zone)));
    }
}
