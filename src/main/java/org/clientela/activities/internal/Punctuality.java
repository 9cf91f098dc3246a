package org.clientela.activities.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.activities.ActivityType;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.RecordScope;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserId;
import org.clientela.shared.InputErrors;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Punctuality (A3): per person, of the activities they did in a period (by the actual start, in
 * the department's zone) how many began late — after the planned start — by how much on average
 * and at most, and which. Whose one sees follows the access policy on the activity's owner: a
 * manager their own, a head the team's, the director everyone's.
 */
@Service
public class Punctuality {

    static final String USER = "User";

    private final JdbcClient jdbc;
    private final AccessPolicy accessPolicy;
    private final UserDirectory users;
    private final Clock clock;
    private final ZoneId zone;

    Punctuality(JdbcClient jdbc, AccessPolicy accessPolicy, UserDirectory users, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.jdbc = jdbc;
        this.accessPolicy = accessPolicy;
        this.users = users;
        this.clock = clock;
        this.zone = zone;
    }

    /** The period's figures, each person's, ordered by name. */
    public record Report(LocalDate from, LocalDate to, List<OwnerFigures> owners) {
    }

    /**
     * @param lateShare          percent of the done ones that began late, to one decimal
     * @param averageLateMinutes over the late ones, to one decimal; {@code null} when none was late
     * @param maxLateMinutes     {@code null} when none was late
     * @param lateStarts         the late ones, the latest start first
     */
    public record OwnerFigures(UUID ownerId, String ownerName, int done, int late, BigDecimal lateShare,
            BigDecimal averageLateMinutes, Integer maxLateMinutes, List<DoneActivity> lateStarts) {
    }

    /** An activity done: when it was planned to begin and when it began. */
    public record DoneActivity(UUID id, UUID companyId, String companyName, ActivityType type, String subject,
            Instant plannedStart, Instant actualStart, ZoneId timeZone, int lateMinutes) {
    }

    /**
     * @param from    first day ({@code YYYY-MM-DD}); empty for the first of the current month
     * @param to      last day, inclusive; empty for the last of the month of {@code from}
     * @param ownerId whose; empty for everyone the user may see
     * @throws RecordNotFoundException for a person whose activities the user may not see
     */
    @Transactional(readOnly = true)
    public Report report(String from, String to, String ownerId) {
        InputErrors errors = new InputErrors();
        LocalDate first = day(errors, "from", from);
        LocalDate last = day(errors, "to", to);
        UUID owner = null;
        if (ownerId != null && !ownerId.isBlank()) {
            try {
                owner = UUID.fromString(ownerId.strip());
            } catch (IllegalArgumentException e) {
                errors.add("ownerId", "activities.id.invalid", ownerId.strip());
            }
        }
        errors.throwIfAny();
        if (first == null) {
            first = (last == null ? LocalDate.now(clock.withZone(zone)) : last).withDayOfMonth(1);
        }
        if (last == null) {
            last = first.withDayOfMonth(first.lengthOfMonth());
        }
        if (last.isBefore(first)) {
            errors.add("to", "activities.range.toBeforeFrom");
            errors.throwIfAny();
        }
        RecordScope scope = accessPolicy.currentScope();
        if (owner != null && (!scope.includes(new UserId(owner)) || users.find(new UserId(owner)).isEmpty())) {
            throw new RecordNotFoundException(USER, owner);
        }
        Map<UUID, List<DoneActivity>> byOwner = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.id, a.owner_id, a.company_id, c.name as company_name, a.type, a.subject,
                               a.planned_start, a.actual_start, a.time_zone, a.late_minutes
                        from activity a
                        join company_ref c on c.id = a.company_id
                        where a.status = 'DONE' and a.actual_start >= :from and a.actual_start < :to
                          and (:everything or a.owner_id = any(:owners))
                          and (cast(:owner as uuid) is null or a.owner_id = :owner)
                        order by a.actual_start desc, a.id""")
                .param("from", Timestamp.from(first.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(last.plusDays(1).atStartOfDay(zone).toInstant()))
                .param("everything", scope.isEverything()).param("owners", scope.ownerIds()).param("owner", owner)
                .query(rs -> {
                    byOwner.computeIfAbsent(rs.getObject("owner_id", UUID.class), key -> new ArrayList<>())
                            .add(new DoneActivity(rs.getObject("id", UUID.class),
                                    rs.getObject("company_id", UUID.class), rs.getString("company_name"),
                                    ActivityType.valueOf(rs.getString("type")), rs.getString("subject"),
                                    rs.getTimestamp("planned_start").toInstant(),
                                    rs.getTimestamp("actual_start").toInstant(), ZoneId.of(rs.getString("time_zone")),
                                    rs.getInt("late_minutes")));
                });
        if (owner != null) {
            byOwner.putIfAbsent(owner, List.of());
        }
        List<OwnerFigures> figures = new ArrayList<>();
        for (Map.Entry<UUID, List<DoneActivity>> entry : byOwner.entrySet()) {
            String name = users.find(new UserId(entry.getKey())).map(UserDirectory.UserSummary::fullName).orElse("");
            figures.add(figures(entry.getKey(), name, entry.getValue()));
        }
        figures.sort(Comparator.comparing(OwnerFigures::ownerName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(OwnerFigures::ownerId));
        return new Report(first, last, List.copyOf(figures));
    }

    static OwnerFigures figures(UUID owner, String name, List<DoneActivity> done) {
        List<DoneActivity> late = done.stream().filter(activity -> activity.lateMinutes() > 0).toList();
        int total = done.size();
        BigDecimal share = total == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(late.size() * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
        BigDecimal average = late.isEmpty() ? null
                : BigDecimal.valueOf(late.stream().mapToLong(DoneActivity::lateMinutes).sum())
                        .divide(BigDecimal.valueOf(late.size()), 1, RoundingMode.HALF_UP);
        Integer max = late.stream().map(DoneActivity::lateMinutes).max(Integer::compare).orElse(null);
        return new OwnerFigures(owner, name, total, late.size(), share, average, max, late);
    }

    private static LocalDate day(InputErrors errors, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "activities.date.invalid", text.strip());
            return null;
        }
    }
}
