package org.clientela.activities.internal;

import java.util.List;

/**
 * Changes of a planned activity, as typed; {@code null} leaves a field as it is, an empty
 * {@code location} removes it, {@code contactIds} replaces the people taking part.
 */
public record ActivityChanges(String type, String subject, String plannedStart, String plannedEnd, String timeZone,
        List<String> contactIds, String location) {
}
