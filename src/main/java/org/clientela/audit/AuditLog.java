package org.clientela.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the audit log. Writing requires a running transaction: the record of a
 * change commits or rolls back with the change itself, or is one statement with it ({@link #entryFor}).
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
     * The entry of a change that the caller writes in one statement of its own, to end that
     * statement or to be one of its common table expressions (a statement that answers with what
     * it changed): an {@code insert} of the entry for each row of the common table expression
     * {@code source} of the statement's {@code with}, and of none when it has no row (e.g. an
     * insert skipped on conflict). The change and its record then commit or roll back as one
     * statement, with no transaction needed around them, in one round trip to the database instead
     * of one each and the commit's. Within a transaction, they are part of it.
     *
     * @param source the name of the caller's common table expression, e.g. {@code created} in
     *               {@code with created as (insert … returning 1)}; the entry's parameters' names
     *               begin with it
     */
    EntryInsert entryFor(String source, AuditAction action, String entityType, Object entityId,
            AuditChanges changes);

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

    /** The SQL of {@link #entryFor} and its named parameters. */
    record EntryInsert(String sql, Map<String, Object> parameters) {
    }

    /** One record created, with its initial values. */
    record Creation(Object entityId, AuditChanges initialValues) {
    }
}
