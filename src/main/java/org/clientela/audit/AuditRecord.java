package org.clientela.audit;

import java.time.Instant;

/**
 * One line of the audit log: one field of a change, or a change without fields (a deletion).
 *
 * @param id the change's: the lines of one change (all fields of one save) share it
 * @param actor the username of who made the change, or {@code system}
 */
public record AuditRecord(long id, Instant occurredAt, String actor, String entityType, String entityId,
        AuditAction action, String field, String oldValue, String newValue) {
}
