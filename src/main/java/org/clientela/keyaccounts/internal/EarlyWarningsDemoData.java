package org.clientela.keyaccounts.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.clientela.platform.DemoDataContributor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo world's early warnings: the rules run once over its two years of orders and invoices,
 * so that the start pages show what the daily run would have found this morning.
 */
@Component
class EarlyWarningsDemoData implements DemoDataContributor {

    private final JdbcClient jdbc;
    private final EarlyWarningRun run;
    private final Clock clock;
    private final ZoneId zone;

    EarlyWarningsDemoData(JdbcClient jdbc, EarlyWarningRun run, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.jdbc = jdbc;
        this.run = run;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "early-warnings";
    }

    /** After the contact cadences (985): the rules read the sales facts, the invoices and the overdue contacts. */
    @Override
    public int order() {
        return 990;
    }

    @Override
    public boolean hasData() {
        return jdbc.sql("select exists (select 1 from early_warning)").query(Boolean.class).single();
    }

    @Override
    public void load() {
        run.run(LocalDate.now(clock.withZone(zone)));
    }
}
