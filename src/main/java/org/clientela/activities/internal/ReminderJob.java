package org.clientela.activities.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the reminders every minute. Every node schedules it; the run's lock lets one of them work,
 * and the record of each reminder sent keeps it once should the lock expire under a slow run.
 */
@Component
@ConditionalOnProperty(name = "clientela.activities.reminders.enabled", havingValue = "true", matchIfMissing = true)
class ReminderJob {

    private final ReminderRun run;

    ReminderJob(ReminderRun run) {
        this.run = run;
    }

    @Scheduled(cron = "${clientela.activities.reminders.cron:0 * * * * *}")
    void everyMinute() {
        run.run();
    }
}
