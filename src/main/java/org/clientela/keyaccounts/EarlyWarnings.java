package org.clientela.keyaccounts;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.clientela.clients.CompanyId;

/**
 * The open early warnings (K4), for other modules (the dashboards). It checks no access: the caller
 * passes the companies the user may see. A dismissed or closed warning is not open.
 */
public interface EarlyWarnings {

    /** The open warnings of these companies, the latest detected first. */
    List<EarlyWarningView> openFor(Set<CompanyId> companies);

    /** How many open warnings these companies have, per kind; a kind with none is missing. */
    Map<WarningKind, Long> openCountsFor(Set<CompanyId> companies);
}
