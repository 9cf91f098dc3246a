package org.clientela.activities.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.activities.ActivityStatus;
import org.clientela.activities.ActivityView;
import org.clientela.activities.internal.ActivityService;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The calendar of activities: a week by day and hour, or a month by day, in the department's
 * zone (weeks begin on Monday), each activity a block coloured by its status that leads to its
 * outcome while planned and to its company once closed. Whose, as in the agenda: a manager their
 * own, a head the team's with the choice of one owner.
 */
@Controller
class CalendarController {

    static final String PATH = AgendaController.PATH + "/calendar";
    static final String VIEW = "activities/calendar";
    static final String WEEK = "week";
    static final String MONTH = "month";
    /** The working hours a week always shows; an activity earlier or later widens them. */
    static final int FIRST_HOUR = 8;
    static final int LAST_HOUR = 19;

    /** Each status's colours (Bootstrap classes), in the legend's order. */
    static final Map<String, String> STYLES = styles();

    private final ActivityService activities;
    private final Clock clock;

    CalendarController(ActivityService activities, Clock clock) {
        this.activities = activities;
        this.clock = clock;
    }

    /**
     * An activity as the calendar draws it.
     *
     * @param style   planned, overdue (planned, its time gone), late (done after its time), done or cancelled
     * @param href    its outcome form while planned, else its company's page
     */
    record Block(ActivityView activity, ZonedDateTime start, ZonedDateTime end, String style, String href) {
    }

    /** A day of the grid; {@code outside} for the days of the months around the one shown. */
    record Day(LocalDate date, boolean today, boolean outside, List<Block> blocks) {
    }

    /** An hour of the week: the blocks of each of its seven days that begin in it. */
    record Hour(int hour, List<List<Block>> days) {
    }

    @GetMapping(PATH)
    String calendar(@RequestParam(required = false) String view, @RequestParam(required = false) String date,
            @RequestParam(required = false) UUID owner, Model model) {
        CurrentUser me = CurrentUser.get();
        boolean team = me.hasAny(Role.HEAD, Role.DIRECTOR, Role.ADMIN);
        ZoneId zone = activities.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        boolean month = MONTH.equals(view);
        LocalDate shown = today;
        if (date != null && !date.isBlank()) {
            try {
                shown = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("badDate", date.strip());
            }
        }
        LocalDate first = month ? shown.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : shown.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month ? shown.with(TemporalAdjusters.lastDayOfMonth())
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)) : first.plusDays(6);
        List<ActivityView> period = activities.between(team ? null : me.id().value(),
                first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant());
        Map<UUID, String> owners = new HashMap<>();
        period.forEach(activity -> owners.put(activity.ownerId(), activity.ownerName()));
        Instant now = clock.instant();
        Map<LocalDate, List<Block>> byDay = new HashMap<>();
        period.stream().filter(activity -> !team || owner == null || activity.ownerId().equals(owner))
                .forEach(activity -> {
                    Block block = block(activity, zone, now);
                    byDay.computeIfAbsent(block.start().toLocalDate(), day -> new ArrayList<>()).add(block);
                });
        List<Day> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(new Day(day, day.equals(today), month && day.getMonth() != shown.getMonth(),
                    byDay.getOrDefault(day, List.of())));
        }
        model.addAttribute("team", team);
        model.addAttribute("owner", owner);
        model.addAttribute("owners", owners.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList());
        model.addAttribute("view", month ? MONTH : WEEK);
        model.addAttribute("shown", shown);
        model.addAttribute("first", first);
        model.addAttribute("last", last);
        model.addAttribute("previous", month ? shown.minusMonths(1) : shown.minusWeeks(1));
        model.addAttribute("next", month ? shown.plusMonths(1) : shown.plusWeeks(1));
        model.addAttribute("today", today);
        model.addAttribute("zone", zone);
        model.addAttribute("styles", STYLES);
        if (month) {
            List<List<Day>> weeks = new ArrayList<>();
            for (int i = 0; i < days.size(); i += 7) {
                weeks.add(days.subList(i, i + 7));
            }
            model.addAttribute("weeks", weeks);
        } else {
            model.addAttribute("days", days);
            model.addAttribute("hours", hours(days));
        }
        return VIEW;
    }

    private static Block block(ActivityView activity, ZoneId zone, Instant now) {
        String style = switch (activity.status()) {
            case PLANNED -> activity.plannedStart().isBefore(now) ? "overdue" : "planned";
            case DONE -> activity.lateMinutes() != null && activity.lateMinutes() > 0 ? "late" : "done";
            case CANCELLED -> "cancelled";
        };
        String href = activity.status() == ActivityStatus.PLANNED ? AgendaController.PATH + "/" + activity.id()
                + "/outcome" : "/companies/" + activity.companyId();
        return new Block(activity, activity.plannedStart().atZone(zone), activity.plannedEnd().atZone(zone), style,
                href);
    }

    private static Map<String, String> styles() {
        Map<String, String> styles = new LinkedHashMap<>();
        styles.put("planned", "border-primary bg-primary-subtle");
        styles.put("overdue", "border-warning bg-warning-subtle");
        styles.put("done", "border-success bg-success-subtle");
        styles.put("late", "border-danger bg-success-subtle");
        styles.put("cancelled", "border-secondary bg-body-secondary text-decoration-line-through text-muted");
        return Collections.unmodifiableMap(styles);
    }

    /** The working hours, widened to the earliest and the latest activity of the week. */
    private static List<Hour> hours(List<Day> days) {
        int from = FIRST_HOUR;
        int to = LAST_HOUR;
        for (Day day : days) {
            for (Block block : day.blocks()) {
                from = Math.min(from, block.start().getHour());
                to = Math.max(to, block.start().getHour());
            }
        }
        List<Hour> hours = new ArrayList<>();
        for (int hour = from; hour <= to; hour++) {
            int at = hour;
            hours.add(new Hour(hour, days.stream().map(day -> day.blocks().stream()
                    .filter(block -> block.start().getHour() == at).toList()).toList()));
        }
        return hours;
    }
}
