package org.clientela.activities.internal;

/**
 * The filters of the activity list, as typed; each may be empty.
 *
 * @param from the first day of planned starts ({@code YYYY-MM-DD}, the department's zone)
 * @param to   the last day of planned starts
 */
public record ActivityQuery(String companyId, String ownerId, String from, String to, String type, String status) {
}
