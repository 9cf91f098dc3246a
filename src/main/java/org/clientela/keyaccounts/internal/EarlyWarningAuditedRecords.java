package org.clientela.keyaccounts.internal;

import java.util.UUID;

import org.clientela.audit.AuditedRecords;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.stereotype.Component;

/** An early warning's history (opened, dismissed, closed) is for those who may see its company. */
@Component
class EarlyWarningAuditedRecords implements AuditedRecords {

    private final EarlyWarningService warnings;

    EarlyWarningAuditedRecords(EarlyWarningService warnings) {
        this.warnings = warnings;
    }

    @Override
    public String entityType() {
        return EarlyWarningRun.EARLY_WARNING;
    }

    @Override
    public boolean maySee(String entityId) {
        try {
            warnings.get(UUID.fromString(entityId));
            return true;
        } catch (IllegalArgumentException | RecordNotFoundException e) {
            return false;
        }
    }
}
