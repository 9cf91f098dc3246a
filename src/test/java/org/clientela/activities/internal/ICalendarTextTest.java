package org.clientela.activities.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The iCalendar lines by hand: escaping, folding at 75 octets, and VTIMEZONEs from the zone rules. */
class ICalendarTextTest {

    private static final Instant YEAR_2027 = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant YEAR_2028 = Instant.parse("2028-01-01T00:00:00Z");

    @Test
    void textIsEscaped() {
        assertThat(ICalendarText.escape("Цены; сроки, упаковка \\ СПД\r\nвторая строка\rтретья\u0007"))
                .isEqualTo("Цены\\; сроки\\, упаковка \\\\ СПД\\nвторая строка\\nтретья");
    }

    @Test
    void longLinesAreFoldedAt75OctetsBetweenCharacters() {
        // "SUMMARY:" is 8 octets, each Cyrillic letter 2: the first line takes 33 letters and one octet stays free
        String value = "ж".repeat(100) + "€𝄞";
        String folded = new ICalendarText().line("SUMMARY", value).toString();

        String[] lines = folded.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("SUMMARY:" + "ж".repeat(33));
        assertThat(lines[1]).isEqualTo(" " + "ж".repeat(37));
        assertThat(lines[2]).isEqualTo(" " + "ж".repeat(30) + "€𝄞");
        for (String line : lines) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(folded).endsWith("\r\n");
        assertThat(folded.replace("\r\n ", "")).isEqualTo("SUMMARY:" + value + "\r\n");
    }

    @Test
    void berlinsSummerTimeComesAndGoesAtItsHours() {
        assertThat(new ICalendarText().timeZone(ZoneId.of("Europe/Berlin"), YEAR_2027, YEAR_2028).toString())
                .isEqualTo(String.join("\r\n", "BEGIN:VTIMEZONE", "TZID:Europe/Berlin",
                        "BEGIN:STANDARD", "DTSTART:20261025T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
                        "END:STANDARD",
                        "BEGIN:DAYLIGHT", "DTSTART:20270328T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
                        "END:DAYLIGHT",
                        "BEGIN:STANDARD", "DTSTART:20271031T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
                        "END:STANDARD",
                        "END:VTIMEZONE", ""));
    }

    @Test
    void moscowKeepsTheOffsetItHasHadSince2014() {
        assertThat(new ICalendarText().timeZone(ZoneId.of("Europe/Moscow"), YEAR_2027, YEAR_2028).toString())
                .isEqualTo(String.join("\r\n", "BEGIN:VTIMEZONE", "TZID:Europe/Moscow",
                        "BEGIN:STANDARD", "DTSTART:20141026T020000", "TZOFFSETFROM:+0400", "TZOFFSETTO:+0300",
                        "END:STANDARD", "END:VTIMEZONE", ""));
        assertThat(new ICalendarText().timeZone(ZoneId.of("UTC"), YEAR_2027, YEAR_2028).toString())
                .isEqualTo(String.join("\r\n", "BEGIN:VTIMEZONE", "TZID:UTC",
                        "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0000",
                        "END:STANDARD", "END:VTIMEZONE", ""));
    }
}
