package org.clientela.keyaccounts.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.keyaccounts.EarlyWarningView;
import org.clientela.keyaccounts.WarningKind;

/**
 * An early warning as the lists, its page and the API show it.
 *
 * @param refreshedOn the day of the latest run that found it holding, whose figures the evidence are
 */
public record Warning(UUID id, UUID companyId, String companyName, WarningKind kind, WarningStatus status,
        LocalDate detectedOn, LocalDate refreshedOn, Map<String, Object> evidence, UUID dismissedBy,
        String dismissedByName, Instant dismissedAt, String dismissalReason, LocalDate closedOn, long version) {

    public EarlyWarningView view() {
        return new EarlyWarningView(id, new CompanyId(companyId), companyName, kind, detectedOn, evidence);
    }

    /** The arguments of the kind's one-line text. */
    public Object[] textArguments() {
        return EarlyWarningView.textArguments(kind, evidence);
    }
}
