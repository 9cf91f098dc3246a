package org.clientela.clients.internal;

import java.util.List;
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

    /** A company's history includes those of the duplicates merged into it. */
    @Override
    public List<String> mergedInto(String entityId) {
        return companies.findByMergedInto(UUID.fromString(entityId)).stream()
                .map(company -> company.id().toString())
                .toList();
    }
}
