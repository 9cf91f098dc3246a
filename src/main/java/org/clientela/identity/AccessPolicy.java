package org.clientela.identity;

/**
 * The record-level access rule of the department, for every module whose records have an owner:
 * a manager (and a key account manager) sees the records they own, a head those of their team,
 * the director, the credit controller and the administrator everything. A record outside the
 * scope must answer 404, exactly as one that does not exist.
 */
public interface AccessPolicy {

    RecordScope scopeOf(CurrentUser user);

    /** The scope of the authenticated user of this thread. */
    RecordScope currentScope();

    /** Whether the current user may see a record owned by {@code owner}. */
    default boolean maySee(UserId owner) {
        return currentScope().includes(owner);
    }
}
