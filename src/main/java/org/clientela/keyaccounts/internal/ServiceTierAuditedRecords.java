package org.clientela.keyaccounts.internal;

import org.clientela.audit.AuditedRecords;
import org.springframework.stereotype.Component;

/** The service tiers are everyone's to read, and so is their history. */
@Component
class ServiceTierAuditedRecords implements AuditedRecords {

    @Override
    public String entityType() {
        return ServiceTiers.TIER;
    }

    @Override
    public boolean maySee(String entityId) {
        return true;
    }
}
