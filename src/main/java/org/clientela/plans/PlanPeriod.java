package org.clientela.plans;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period of a plan: a calendar month ({@code 2026-11}) or a quarter ({@code 2026-Q4}).
 *
 * @param first  the period's first month
 * @param months 1 or 3
 */
public record PlanPeriod(YearMonth first, int months) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public PlanPeriod {
        if (months != 1 && (months != 3 || (first.getMonthValue() - 1) % 3 != 0)) {
            throw new IllegalArgumentException("Not a month or a quarter: " + first + " + " + months);
        }
    }

    /** @throws IllegalArgumentException when the text is neither {@code YYYY-MM} nor {@code YYYY-Qn} */
    public static PlanPeriod parse(String text) {
        String trimmed = text == null ? "" : text.strip().toUpperCase();
        Matcher quarter = QUARTER.matcher(trimmed);
        if (quarter.matches()) {
            int year = Integer.parseInt(quarter.group(1));
            return new PlanPeriod(YearMonth.of(year, (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1), 3);
        }
        Matcher month = MONTH.matcher(trimmed);
        int number = month.matches() ? Integer.parseInt(month.group(2)) : 0;
        if (number < 1 || number > 12) {
            throw new IllegalArgumentException("Not a period: " + text);
        }
        return new PlanPeriod(YearMonth.of(Integer.parseInt(month.group(1)), number), 1);
    }

    public static PlanPeriod month(YearMonth month) {
        return new PlanPeriod(month, 1);
    }

    public static PlanPeriod quarterOf(YearMonth month) {
        return new PlanPeriod(YearMonth.of(month.getYear(), (month.getMonthValue() - 1) / 3 * 3 + 1), 3);
    }

    public boolean quarter() {
        return months == 3;
    }

    public YearMonth last() {
        return first.plusMonths(months - 1L);
    }

    public LocalDate firstDay() {
        return first.atDay(1);
    }

    public LocalDate lastDay() {
        return last().atEndOfMonth();
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(firstDay(), lastDay()) + 1;
    }

    /** The days of the period up to and including {@code today}: 0 before it, all of them after it. */
    public int daysElapsed(LocalDate today) {
        if (today.isBefore(firstDay())) {
            return 0;
        }
        if (today.isAfter(lastDay())) {
            return days();
        }
        return (int) ChronoUnit.DAYS.between(firstDay(), today) + 1;
    }

    /** {@code 2026-11} or {@code 2026-Q4}. */
    public String code() {
        return quarter() ? first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1) : first.toString();
    }

    @Override
    public String toString() {
        return code();
    }
}
