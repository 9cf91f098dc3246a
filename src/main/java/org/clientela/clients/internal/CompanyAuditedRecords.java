package org.clientela.clients.internal;

import java.util.UUID;

import org.clientela.audit.AuditedRecords;
import org.clientela.identity.AccessPolicy;
import org.springframework.stereotype.Component;

/** The history of a company is for those who may see the company, archived ones included. */
@Component
class CompanyAuditedRecords implements AuditedRecords {

    private final CompanyRepository companies;
    private final AccessPolicy accessPolicy;

    CompanyAuditedRecords(CompanyRepository companies, AccessPolicy accessPolicy) {
        this.companies = companies;
        this.accessPolicy = accessPolicy;
    }

    @Override
    public String entityType() {
        return CompanyService.COMPANY;
    }

    @Override
    public boolean maySee(String entityId) {
        UUID id;
        try {
            id = UUID.fromString(entityId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return companies.findById(id).filter(company -> accessPolicy.maySee(company.owner())).isPresent();
    }
}
