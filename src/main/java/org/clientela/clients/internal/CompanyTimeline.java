package org.clientela.clients.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

import org.clientela.clients.CompanyId;
import org.clientela.clients.TimelineEvent;
import org.clientela.clients.TimelineSource;
import org.clientela.clients.VisibleCompanies;
import org.clientela.shared.InputErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company's timeline: what every {@link TimelineSource} knows of the company between two days,
 * merged, the newest first.
 */
@Service
public class CompanyTimeline {

    /** Without a window: the last year, and the month ahead (planned activities). */
    static final int DEFAULT_DAYS_BACK = 365;
    static final int DEFAULT_DAYS_AHEAD = 31;
    /** Longer windows would read a client's whole life: page by years instead. */
    static final int MAX_DAYS = 3 * 366;

    private final VisibleCompanies companies;
    private final List<TimelineSource> sources;
    private final Clock clock;
    private final ZoneId zone;

    CompanyTimeline(VisibleCompanies companies, List<TimelineSource> sources, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.companies = companies;
        this.sources = sources;
        this.clock = clock;
        this.zone = zone;
    }

    /** The window asked for, days of the department's zone, both inclusive. */
    public record Window(LocalDate from, LocalDate to) {
    }

    /**
     * The window from the typed days, either empty for its default.
     *
     * @throws org.clientela.shared.InvalidInputException for a day that is none, or a window backwards or too long
     */
    public Window window(String from, String to) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        InputErrors errors = new InputErrors();
        LocalDate first = day(errors, "from", from, today.minusDays(DEFAULT_DAYS_BACK));
        LocalDate last = day(errors, "to", to, today.plusDays(DEFAULT_DAYS_AHEAD));
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                errors.add("to", "clients.timeline.toBeforeFrom");
            } else if (first.plusDays(MAX_DAYS).isBefore(last)) {
                errors.add("to", "clients.timeline.tooLong", MAX_DAYS);
            }
        }
        errors.throwIfAny();
        return new Window(first, last);
    }

    /**
     * The company's events in the window, the newest first.
     *
     * @throws org.clientela.shared.RecordNotFoundException for a company the user may not see
     */
    @Transactional(readOnly = true)
    public List<TimelineEvent> events(CompanyId company, Window window) {
        companies.company(company);
        var from = window.from().atStartOfDay(zone).toInstant();
        var to = window.to().plusDays(1).atStartOfDay(zone).toInstant();
        return sources.stream().flatMap(source -> source.events(company, from, to).stream())
                .sorted(Comparator.comparing(TimelineEvent::at).reversed().thenComparing(TimelineEvent::kind)
                        .thenComparing(TimelineEvent::title))
                .toList();
    }

    private static LocalDate day(InputErrors errors, String field, String text, LocalDate absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "clients.timeline.dateInvalid", text.strip());
            return null;
        }
    }
}
