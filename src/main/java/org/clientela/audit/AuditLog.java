package org.clientela.audit;

import java.util.List;

/**
 * Writes and reads the audit log. Writing requires a running transaction: the record of a
 * change commits or rolls back with the change itself.
 */
public interface AuditLog {

    /** The actor recorded when no user is authenticated (start-up, jobs). */
    String SYSTEM_ACTOR = "system";

    void created(String entityType, Object entityId, AuditChanges initialValues);

    /**
     * The creation of many records at once, e.g. by an import: the same lines as {@link #created}
     * for each, written in one statement.
     */
    void createdAll(String entityType, List<Creation> creations);

    void updated(String entityType, Object entityId, AuditChanges changes);

    void deleted(String entityType, Object entityId);

    /** An export of records (a commercial secret leaving the system), with what was exported. */
    void exported(String entityType, String description);

    /**
     * The history of one record, oldest first. The caller has checked that the current user
     * may see the record.
     */
    List<AuditRecord> history(String entityType, Object entityId);

    /** One record created, with its initial values. */
    record Creation(Object entityId, AuditChanges initialValues) {
    }
}
