package org.clientela.activities.internal;

import java.util.List;

/**
 * An activity to plan, as typed: checked by {@link ActivityService#plan}.
 *
 * @param plannedStart ISO-8601 with offset, e.g. {@code 2026-12-01T10:00:00+03:00}
 * @param timeZone     IANA id, e.g. {@code Europe/Moscow}; empty for the department's zone
 * @param ownerId      who will do it; empty for the current user
 */
public record NewActivity(String companyId, String type, String subject, String plannedStart, String plannedEnd,
        String timeZone, List<String> contactIds, String location, String ownerId) {
}
