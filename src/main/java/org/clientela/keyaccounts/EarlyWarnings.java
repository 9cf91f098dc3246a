package org.clientela.keyaccounts;

import java.util.List;
import java.util.Map;

import org.clientela.clients.CompanyId;
import org.clientela.identity.RecordScope;

/**
 * The open early warnings (K4), for other modules (the dashboards). It checks no access: the caller
 * passes the scope of the companies the user may see (a manager's own, a head's team's, all). A dismissed or closed warning is not open.
 */
public interface EarlyWarnings {

    /** The open warnings of the companies in the scope, the latest detected first, at most {@code limit}. */
    List<EarlyWarningView> openFor(RecordScope scope, int limit);

    /** The open warnings of one company, the latest detected first. */
    List<EarlyWarningView> openOf(CompanyId company);

    /** How many open warnings the companies in the scope have, per kind; a kind with none is missing. */
    Map<WarningKind, Long> openCountsFor(RecordScope scope);
}
