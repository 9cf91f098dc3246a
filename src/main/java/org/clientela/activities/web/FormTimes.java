package org.clientela.activities.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.clientela.shared.InputErrors;

/**
 * A form's day and time of day, typed apart, as the moment the service takes (ISO-8601 with the
 * offset the zone has on that day): the browser's date and time fields know no zone.
 */
final class FormTimes {

    private FormTimes() {
    }

    /** The moment, or {@code null} (with the problem at the form's field, when one is missing or wrong). */
    static String at(InputErrors errors, String dateField, String date, String timeField, String time, ZoneId zone,
            boolean required) {
        boolean noDate = date == null || date.isBlank();
        boolean noTime = time == null || time.isBlank();
        if (noDate && noTime && !required) {
            return null;
        }
        LocalDate day = null;
        LocalTime clock = null;
        if (noDate) {
            errors.add(dateField, "activities.field.required");
        } else {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                errors.add(dateField, "activities.date.invalid", date.strip());
            }
        }
        if (noTime) {
            errors.add(timeField, "activities.field.required");
        } else {
            try {
                clock = LocalTime.parse(time.strip());
            } catch (DateTimeParseException e) {
                errors.add(timeField, "activities.time.invalid", time.strip());
            }
        }
        return day == null || clock == null ? null : day.atTime(clock).atZone(zone).toOffsetDateTime().toString();
    }
}
