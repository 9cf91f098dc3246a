package org.clientela.activities.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import org.clientela.activities.ActivityType;
import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.identity.UserId;
import org.clientela.shared.InputErrors;
import org.clientela.shared.StaleVersionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a person is reminded of their planned activities: at the department's offsets
 * ({@code clientela.activities.reminders.minutes-before}) unless they chose their own, or none.
 * Also the reminders a page shows now: the person's activities starting within their largest offset.
 */
@Service
public class Reminders {

    public static final String SETTINGS = "ReminderSettings";
    static final int MAX_OFFSETS = 5;
    /** A day: a reminder further ahead is a plan, not a reminder. */
    static final int MAX_MINUTES = 1440;

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;
    private final List<Integer> department;

    Reminders(JdbcClient jdbc, AuditLog auditLog, Clock clock,
            @Value("${clientela.activities.reminders.minutes-before:60,15}") List<Integer> department) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
        this.department = normalised(department);
        if (this.department.stream().anyMatch(minutes -> minutes < 1 || minutes > MAX_MINUTES)
                || this.department.size() > MAX_OFFSETS) {
            throw new IllegalStateException("clientela.activities.reminders.minutes-before: at most " + MAX_OFFSETS
                    + " offsets of 1 to " + MAX_MINUTES + " minutes, not " + department);
        }
    }

    /**
     * A person's reminders.
     *
     * @param minutesBefore the offsets in force, the largest first; empty for none
     * @param own           whether the person chose them (else they are the department's)
     * @param version       of the person's choice, 0 before the first
     */
    public record Choice(List<Integer> minutesBefore, boolean own, List<Integer> department, long version) {
    }

    /** An activity of the person starting soon, as a page reminds of it. */
    public record Imminent(UUID id, ActivityType type, String subject, UUID companyId, String companyName,
            String legalForm, Instant plannedStart, long minutesLeft) {
    }

    /** The department's offsets, the largest first. */
    public List<Integer> department() {
        return department;
    }

    @Transactional(readOnly = true)
    public Choice of(UserId user) {
        return jdbc.sql("select minutes_before, version from activity_reminder_settings where user_id = :user")
                .param("user", user.value())
                .query((rs, row) -> {
                    List<Integer> own = integers(rs.getArray("minutes_before"));
                    return new Choice(own == null ? department : own, own != null, department, rs.getLong("version"));
                })
                .optional().orElseGet(() -> new Choice(department, false, department, 0));
    }

    /**
     * Changes a person's choice, which they saw in {@code expectedVersion}.
     *
     * @param minutesBefore {@code null} for the department's offsets, empty for no reminders
     * @throws org.clientela.shared.InvalidInputException at {@code minutesBefore}
     * @throws StaleVersionException when it changed since
     */
    @Transactional
    public Choice change(UserId user, long expectedVersion, List<Integer> minutesBefore) {
        InputErrors errors = new InputErrors();
        List<Integer> chosen = minutesBefore == null ? null : normalised(minutesBefore);
        if (chosen != null) {
            if (chosen.size() > MAX_OFFSETS) {
                errors.add("minutesBefore", "activities.reminders.tooMany", MAX_OFFSETS);
            }
            if (chosen.stream().anyMatch(minutes -> minutes < 1 || minutes > MAX_MINUTES)) {
                errors.add("minutesBefore", "activities.reminders.range", MAX_MINUTES);
            }
        }
        errors.throwIfAny();
        Choice before = of(user);
        if (before.version() != expectedVersion) {
            throw new StaleVersionException(SETTINGS, user.value(), expectedVersion, before.version());
        }
        Integer[] value = chosen == null ? null : chosen.toArray(Integer[]::new);
        int written = expectedVersion == 0
                ? jdbc.sql("""
                                insert into activity_reminder_settings (user_id, minutes_before, version)
                                values (:user, :minutes, 1)
                                on conflict (user_id) do nothing""")
                        .param("user", user.value()).param("minutes", value).update()
                : jdbc.sql("""
                                update activity_reminder_settings set minutes_before = :minutes, version = version + 1
                                where user_id = :user and version = :version""")
                        .param("user", user.value()).param("minutes", value).param("version", expectedVersion)
                        .update();
        if (written == 0) {
            throw new StaleVersionException(SETTINGS, user.value(), expectedVersion, expectedVersion + 1);
        }
        AuditChanges changes = AuditChanges.of().field("minutesBefore", before.own() ? before.minutesBefore() : null,
                chosen);
        if (expectedVersion == 0) {
            auditLog.created(SETTINGS, user.value(), changes);
        } else {
            auditLog.updated(SETTINGS, user.value(), changes);
        }
        return of(user);
    }

    /**
     * The person's planned activities that start within their largest offset from now, the
     * earliest first: one query on the person's planned activities, as every page asks it.
     */
    @Transactional(readOnly = true)
    public List<Imminent> imminent(UserId user) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        select a.id, a.type, a.subject, a.company_id, c.name as company_name, c.legal_form, a.planned_start
                        from activity a
                        join company_ref c on c.id = a.company_id
                        left join activity_reminder_settings s on s.user_id = :user
                        where a.owner_id = :user and a.status = 'PLANNED' and a.planned_start > :now
                          and a.planned_start <= cast(:now as timestamptz) + make_interval(mins => case when s.minutes_before is null
                              then :department else coalesce((select max(m) from unnest(s.minutes_before) m), 0) end)
                        order by a.planned_start, a.id""")
                .param("user", user.value()).param("now", Timestamp.from(now))
                .param("department", department.isEmpty() ? 0 : department.get(0))
                .query((rs, row) -> {
                    Instant start = rs.getTimestamp("planned_start").toInstant();
                    return new Imminent(rs.getObject("id", UUID.class), ActivityType.valueOf(rs.getString("type")),
                            rs.getString("subject"), rs.getObject("company_id", UUID.class),
                            rs.getString("company_name"), rs.getString("legal_form"), start, minutesLeft(now, start));
                })
                .list();
    }

    /**
     * The offsets as a person types them, e.g. {@code 60, 15}: the numbers, or {@code null} with
     * the problem at {@code field}.
     */
    public static List<Integer> parse(InputErrors errors, String field, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Integer> minutes = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                minutes.add(Integer.valueOf(part));
            } catch (NumberFormatException e) {
                errors.add(field, "activities.reminders.notMinutes", part);
                return null;
            }
        }
        return minutes;
    }

    /** Whole minutes until the start, a part of one counted as one: «через 15 мин» at 14:45 for 15:00. */
    static long minutesLeft(Instant now, Instant start) {
        long seconds = Duration.between(now, start).getSeconds();
        return Math.max(0, (seconds + 59) / 60);
    }

    /** Each offset once, the largest first. */
    static List<Integer> normalised(List<Integer> minutes) {
        TreeSet<Integer> distinct = new TreeSet<>(Comparator.reverseOrder());
        minutes.stream().filter(Objects::nonNull).forEach(distinct::add);
        return List.copyOf(distinct);
    }

    static List<Integer> integers(Array array) throws SQLException {
        return array == null ? null : normalised(Arrays.asList((Integer[]) array.getArray()));
    }
}
