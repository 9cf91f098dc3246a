package org.clientela.activities.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.clientela.activities.ActivityStatus;
import org.clientela.activities.ActivityView;
import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.SystemActor;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserId;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personal iCalendar feed (A3): each user's activities from 90 days back to a year ahead, at a
 * secret address that a calendar program subscribes to without logging in. The address stays the
 * same until its user revokes it; a revoked or unknown one answers nothing at all.
 */
@Service
public class CalendarFeeds {

    /** Where the feeds are served: {@code /calendar-feeds/<token>.ics}, open without a login. */
    public static final String PATH = "/calendar-feeds";
    static final String CALENDAR_FEED = "CalendarFeed";
    static final int DAYS_BACK = 90;
    static final int DAYS_AHEAD = 365;
    /** 256 random bits: far past guessing, and as long as the personal API tokens'. */
    private static final int TOKEN_BYTES = 32;
    /** The feed has no reader's locale: it speaks the department's language. */
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final JdbcClient jdbc;
    private final ActivityService activities;
    private final UserDirectory users;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CalendarFeeds(JdbcClient jdbc, ActivityService activities, UserDirectory users, AuditLog auditLog,
            MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.users = users;
        this.auditLog = auditLog;
        this.messages = messages;
        this.clock = clock;
    }

    /** The current user's feed token, made on the first call; the same one until it is revoked. */
    @Transactional
    public String tokenOfCurrentUser() {
        UUID user = CurrentUser.get().id().value();
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String candidate = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // two first calls at once: one row wins, both answer its token
        int made = jdbc.sql("""
                        insert into calendar_feed (user_id, token, token_hash, created_at)
                        values (:user, :token, :hash, :now)
                        on conflict (user_id) do nothing""")
                .param("user", user).param("token", candidate).param("hash", hash(candidate))
                .param("now", Timestamp.from(clock.instant())).update();
        if (made == 1) {
            auditLog.created(CALENDAR_FEED, user, AuditChanges.of().field("userId", null, user));
        }
        return jdbc.sql("select token from calendar_feed where user_id = :user").param("user", user)
                .query(String.class).single();
    }

    /** The address of the feed with {@code token}, on the server at {@code base} (scheme, host, context path). */
    public static String address(String base, String token) {
        return base + PATH + "/" + token + ".ics";
    }

    /** Revokes the current user's feed: its address answers nothing from now on. */
    @Transactional
    public void revokeOfCurrentUser() {
        UUID user = CurrentUser.get().id().value();
        if (jdbc.sql("delete from calendar_feed where user_id = :user").param("user", user).update() == 1) {
            auditLog.deleted(CALENDAR_FEED, user);
        }
    }

    /** Whether the current user has a feed now (without making one). */
    @Transactional(readOnly = true)
    public Optional<String> existingTokenOfCurrentUser() {
        return jdbc.sql("select token from calendar_feed where user_id = :user")
                .param("user", CurrentUser.get().id().value()).query(String.class).optional();
    }

    /**
     * The feed of the token's user as an iCalendar object, or empty for a token revoked, unknown or
     * of a user who may no longer log in.
     *
     * @param companyPage the address of a company's page, for the event's URL
     */
    @Transactional(readOnly = true)
    public Optional<String> feed(String token, Function<UUID, String> companyPage) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select user_id from calendar_feed where token_hash = :hash").param("hash", hash(token))
                .query(UUID.class).optional()
                .flatMap(user -> users.find(new UserId(user)))
                .filter(UserDirectory.UserSummary::enabled)
                .map(user -> calendar(user, companyPage));
    }

    private String calendar(UserDirectory.UserSummary user, Function<UUID, String> companyPage) {
        Instant now = clock.instant();
        ZoneId department = activities.zone();
        LocalDate today = LocalDate.now(clock.withZone(department));
        Instant from = today.minusDays(DAYS_BACK).atStartOfDay(department).toInstant();
        Instant to = today.plusDays(DAYS_AHEAD + 1L).atStartOfDay(department).toInstant();
        List<ActivityView> events = SystemActor.call(() -> activities.ownedBy(user.id().value(), from, to));

        ICalendarText ical = new ICalendarText();
        ical.line("BEGIN", "VCALENDAR").line("VERSION", "2.0").line("PRODID", "-//Clientela//Activities//RU")
                .line("CALSCALE", "GREGORIAN").line("METHOD", "PUBLISH")
                .text("X-WR-CALNAME", message("activities.feed.name", user.fullName()));
        Set<ZoneId> zones = new LinkedHashSet<>();
        events.forEach(event -> zones.add(event.timeZone()));
        // whole years around the feed's span, so that an event moved a little stays covered
        Instant yearsFrom = LocalDate.ofYearDay(today.minusDays(DAYS_BACK).getYear(), 1).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        Instant yearsTo = LocalDate.ofYearDay(today.plusDays(DAYS_AHEAD).getYear() + 1, 1).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        zones.forEach(zone -> ical.timeZone(zone, yearsFrom, yearsTo));
        for (ActivityView event : events) {
            ical.line("BEGIN", "VEVENT")
                    .line("UID", event.id() + "@clientela")
                    .utc("DTSTAMP", now)
                    .localTime("DTSTART", event.plannedStart(), event.timeZone())
                    .localTime("DTEND", event.plannedEnd(), event.timeZone())
                    .text("SUMMARY", message("activities.feed.summary", type(event), event.companyName(),
                            event.subject()))
                    .text("LOCATION", event.location())
                    .text("DESCRIPTION", description(event))
                    .line("STATUS", status(event.status()))
                    .line("URL", companyPage.apply(event.companyId()))
                    .line("SEQUENCE", Long.toString(event.version()))
                    .line("END", "VEVENT");
        }
        ical.line("END", "VCALENDAR");
        return ical.toString();
    }

    /** A planned activity is an appointment made; a cancelled one is struck off the calendar. */
    private static String status(ActivityStatus status) {
        return status == ActivityStatus.CANCELLED ? "CANCELLED" : "CONFIRMED";
    }

    private String description(ActivityView event) {
        List<String> lines = new ArrayList<>();
        for (ActivityView.Participant person : event.contacts()) {
            lines.add(person.position() == null || person.position().isBlank() ? person.fullName()
                    : message("activities.contact", person.fullName(), person.position()));
        }
        if (event.status() == ActivityStatus.DONE) {
            lines.add(message("activities.feed.outcome", event.outcome()));
            if (event.lateMinutes() != null && event.lateMinutes() > 0) {
                lines.add(message("activities.late", event.lateMinutes()));
            }
        }
        if (event.nextStep() != null) {
            lines.add(message("activities.nextStep", event.nextStep()));
        }
        if (event.cancelReason() != null) {
            lines.add(message("activities.feed.cancelled", event.cancelReason()));
        }
        return String.join("\n", lines);
    }

    private String type(ActivityView event) {
        return message("activities.type." + event.type().name());
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, RUSSIAN);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
