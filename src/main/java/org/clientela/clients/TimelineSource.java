package org.clientela.clients;

import java.time.Instant;
import java.util.List;

/**
 * A module's part of a company's timeline, as a bean: what happened with the client (or is
 * planned) in a time window — activities, orders, invoices and payments, changes of the company.
 * The timeline asks every source once it has checked that the current user may see the company,
 * and merges their answers, the newest first.
 */
public interface TimelineSource {

    /**
     * The company's events from {@code from} (inclusive) to {@code to} (exclusive), titles in the
     * current request's language.
     */
    List<TimelineEvent> events(CompanyId company, Instant from, Instant to);
}
