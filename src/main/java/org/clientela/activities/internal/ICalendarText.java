package org.clientela.activities.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The content lines of an iCalendar object (RFC 5545): text values escaped, lines folded at 75
 * octets (never inside a UTF-8 character), CRLF line ends, and a time zone's VTIMEZONE written
 * from java.time's rules.
 */
final class ICalendarText {

    static final String CRLF = "\r\n";
    /** RFC 5545 §3.1: a line SHOULD NOT be longer than 75 octets, the line break excluded. */
    static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder text = new StringBuilder();

    /** A property whose value is written as it is (a date, a number, a URI, a keyword). */
    ICalendarText line(String nameAndParameters, String value) {
        fold(nameAndParameters + ":" + value);
        return this;
    }

    /** A TEXT property, escaped; none at all when there is no value. */
    ICalendarText text(String name, String value) {
        if (value != null && !value.isBlank()) {
            line(name, escape(value));
        }
        return this;
    }

    /** A moment in the local time of {@code zone}, named by the zone's id (its VTIMEZONE must be in the object). */
    ICalendarText localTime(String name, Instant instant, ZoneId zone) {
        return line(name + ";TZID=" + zone.getId(), LOCAL.format(instant.atZone(zone).toLocalDateTime()));
    }

    ICalendarText utc(String name, Instant instant) {
        return line(name, UTC.format(instant));
    }

    /**
     * The zone's VTIMEZONE for moments from {@code from} to {@code to}: the offset in force at
     * {@code from} (from the transition that set it), then each transition up to {@code to} as an
     * observance of its own. Spelled out rather than as recurrence rules, it says exactly what the
     * rules say, however a zone changed its summer time over the years.
     */
    ICalendarText timeZone(ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        line("BEGIN", "VTIMEZONE");
        line("TZID", zone.getId());
        ZoneOffsetTransition setting = rules.previousTransition(from.plusSeconds(1));
        if (setting == null) {
            // a zone that never changed its offset (UTC, say): one observance from any early day
            ZoneOffset offset = rules.getOffset(from);
            observance("STANDARD", LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset);
        } else {
            observance(rules, setting);
        }
        for (ZoneOffsetTransition next = rules.nextTransition(from); next != null
                && next.getInstant().isBefore(to); next = rules.nextTransition(next.getInstant())) {
            observance(rules, next);
        }
        line("END", "VTIMEZONE");
        return this;
    }

    private void observance(ZoneRules rules, ZoneOffsetTransition transition) {
        observance(rules.isDaylightSavings(transition.getInstant()) ? "DAYLIGHT" : "STANDARD",
                transition.getDateTimeBefore(), transition.getOffsetBefore(), transition.getOffsetAfter());
    }

    private void observance(String kind, LocalDateTime start, ZoneOffset before, ZoneOffset after) {
        line("BEGIN", kind);
        // DTSTART is the local time the change happens at, read in the offset before it
        line("DTSTART", LOCAL.format(start));
        line("TZOFFSETFROM", offset(before));
        line("TZOFFSETTO", offset(after));
        line("END", kind);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** RFC 5545 §3.3.11: backslash, semicolon and comma escaped, line breaks as \n; other control characters dropped. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        String normalised = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (c == '\t' || !Character.isISOControl(c)) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** Appends the line folded: each physical line at most 75 octets, a continuation begun with a space. */
    private void fold(String line) {
        int octets = 0;
        int i = 0;
        while (i < line.length()) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                text.append(CRLF).append(' ');
                octets = 1;
            }
            text.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        text.append(CRLF);
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int absolute = Math.abs(seconds);
        String hhmm = String.format("%s%02d%02d", seconds < 0 ? "-" : "+", absolute / 3600, absolute / 60 % 60);
        return absolute % 60 == 0 ? hhmm : hhmm + String.format("%02d", absolute % 60);
    }
}
