package org.clientela.audit;

import java.util.List;

/**
 * Implemented by each module whose records are audited: says who may read a record's history.
 * A record nobody vouches for is treated as invisible.
 */
public interface AuditedRecords {

    /** The entity type as written to the log, e.g. {@code User}. */
    String entityType();

    /** Whether the current user may see the record, and so its history. */
    boolean maySee(String entityId);

    /**
     * The records merged into this one (see {@link AuditLog#merged}): their histories are part of
     * its own. Only asked of a record the current user may see.
     */
    default List<String> mergedInto(String entityId) {
        return List.of();
    }
}
