package org.clientela.receivables.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Today in the department's time zone: the day a payment may be dated at the latest, the day
 * against which invoices are overdue.
 */
@Component
public class Today {

    private final Clock clock;
    private final ZoneId zone;

    Today(Clock clock, @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public LocalDate date() {
        return LocalDate.now(clock.withZone(zone));
    }
}
