package org.clientela.keyaccounts.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Evaluates the key-account rule every morning for the day it is in the company's time zone.
 * Every node schedules it; the rule's lock lets one of them work.
 */
@Component
@ConditionalOnProperty(name = "clientela.key-accounts.rule.enabled", havingValue = "true", matchIfMissing = true)
class KeyAccountJob {

    private final KeyAccountRule rule;
    private final Clock clock;
    private final ZoneId zone;

    KeyAccountJob(KeyAccountRule rule, Clock clock, @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.rule = rule;
        this.clock = clock;
        this.zone = zone;
    }

    @Scheduled(cron = "${clientela.key-accounts.rule.cron:0 0 6 * * *}", zone = "${clientela.time-zone:Europe/Moscow}")
    void daily() {
        rule.evaluate(LocalDate.now(clock.withZone(zone)));
    }
}
