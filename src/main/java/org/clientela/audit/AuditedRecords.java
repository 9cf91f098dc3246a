package org.clientela.audit;

/**
 * Implemented by each module whose records are audited: says who may read a record's history.
 * A record nobody vouches for is treated as invisible.
 */
public interface AuditedRecords {

    /** The entity type as written to the log, e.g. {@code User}. */
    String entityType();

    /** Whether the current user may see the record, and so its history. */
    boolean maySee(String entityId);
}
