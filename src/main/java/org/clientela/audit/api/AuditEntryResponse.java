package org.clientela.audit.api;

import java.time.Instant;

import org.clientela.audit.AuditAction;
import org.clientela.audit.AuditRecord;

/**
 * One line of a record's history: one field's old and new value, or the whole record's fate.
 *
 * @param id the change's: the lines of one change (all fields of one save) share it, in the order
 *        of the fields
 * @param entityId the record the line is about: the one asked for, or one merged into it
 */
record AuditEntryResponse(long id, Instant occurredAt, String actor, String entityId, AuditAction action,
        String field, String oldValue, String newValue) {

    static AuditEntryResponse of(AuditRecord record) {
        return new AuditEntryResponse(record.id(), record.occurredAt(), record.actor(), record.entityId(),
                record.action(), record.field(), record.oldValue(), record.newValue());
    }
}
