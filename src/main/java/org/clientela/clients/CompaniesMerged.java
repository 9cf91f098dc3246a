package org.clientela.clients;

/**
 * A duplicate company was merged into the survivor: the duplicate is archived (its
 * {@link CompanyView#mergedInto()} names the survivor) and everything that referred to it must
 * now refer to the survivor.
 * <p>
 * Published <em>synchronously, inside the merge's transaction</em>, before it commits. A module
 * that holds company ids (orders, activities, deals…) repoints its references from
 * {@link #duplicate()} to {@link #survivor()} in a plain {@code @EventListener} — not an
 * {@code @ApplicationModuleListener} nor a {@code @TransactionalEventListener}, which would run
 * after the commit, when the duplicate is already archived and the merge can no longer be
 * undone. Running in the transaction makes the merge all or nothing: a listener that fails rolls
 * the whole merge back, and nobody ever sees a survivor with half of the duplicate's records.
 * A listener writes with the application's data source (the transaction is bound to it) and
 * needs no access check: the merging user was allowed to see and merge both companies.
 * Both company rows are locked for the transaction, so no other merge of either runs meanwhile.
 */
public record CompaniesMerged(CompanyId survivor, CompanyId duplicate) {
}
