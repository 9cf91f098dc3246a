package org.clientela.keyaccounts.internal;

import java.util.UUID;

import org.clientela.audit.AuditedRecords;
import org.clientela.clients.CompanyId;
import org.clientela.clients.VisibleCompanies;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.stereotype.Component;

/** A company's key-account history is for those who may see the company. */
@Component
class KeyAccountAuditedRecords implements AuditedRecords {

    private final VisibleCompanies companies;

    KeyAccountAuditedRecords(VisibleCompanies companies) {
        this.companies = companies;
    }

    @Override
    public String entityType() {
        return KeyAccounts.KEY_ACCOUNT;
    }

    @Override
    public boolean maySee(String entityId) {
        try {
            companies.company(new CompanyId(UUID.fromString(entityId)));
            return true;
        } catch (IllegalArgumentException | RecordNotFoundException e) {
            return false;
        }
    }
}
