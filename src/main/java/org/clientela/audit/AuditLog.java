package org.clientela.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the audit log. Writing requires a running transaction: the record of a
 * change commits or rolls back with the change itself. {@link #createdBy} is the exception: the
 * change and its record are one statement, atomic on its own.
 */
public interface AuditLog {

    /** The actor recorded when no user is authenticated (start-up, jobs). */
    String SYSTEM_ACTOR = "system";

    /** The field of the {@code MERGED} line of the record that was merged into another. */
    String MERGED_INTO = "mergedInto";

    /** The field of the {@code MERGED} line of the record that took another one over. */
    String MERGED_FROM = "mergedFrom";

    void created(String entityType, Object entityId, AuditChanges initialValues);

    /**
     * Runs the caller's {@code insert} of one record and writes its {@code CREATED} entry in the
     * same statement: it commits or rolls back as one, so it needs no transaction around it, and
     * it is one round trip to the database instead of three (the insert with the transaction's
     * beginning, the entry, the commit). Within a transaction it is part of it.
     *
     * @param insert an {@code insert} of one row with named parameters and no {@code returning};
     *               it may skip the row, e.g. {@code on conflict do nothing}. Its parameters' names
     *               do not begin with {@code audit}.
     * @return whether the row was inserted, and so recorded
     */
    boolean createdBy(String insert, Map<String, ?> parameters, String entityType, Object entityId,
            AuditChanges initialValues);

    /**
     * The creation of many records at once, e.g. by an import: the same lines as {@link #created}
     * for each, written in one statement.
     */
    void createdAll(String entityType, List<Creation> creations);

    void updated(String entityType, Object entityId, AuditChanges changes);

    void deleted(String entityType, Object entityId);

    /**
     * Two records of one type turned out to be the same thing and {@code duplicateId} was merged
     * into {@code survivorId}: a {@code MERGED} line on each, the duplicate's saying
     * {@value #MERGED_INTO} = the survivor, the survivor's {@value #MERGED_FROM} = the duplicate.
     */
    void merged(String entityType, Object duplicateId, Object survivorId);

    /** An export of records (a commercial secret leaving the system), with what was exported. */
    void exported(String entityType, String description);

    /**
     * The history of one record, oldest first. The caller has checked that the current user
     * may see the record.
     */
    List<AuditRecord> history(String entityType, Object entityId);

    /**
     * The histories of several records of one type interleaved, oldest first (each line keeps its
     * {@link AuditRecord#entityId()}): a record together with those merged into it.
     */
    List<AuditRecord> history(String entityType, Collection<?> entityIds);

    /** One record created, with its initial values. */
    record Creation(Object entityId, AuditChanges initialValues) {
    }
}
