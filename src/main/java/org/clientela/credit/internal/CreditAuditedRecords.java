package org.clientela.credit.internal;

import java.util.List;
import java.util.UUID;

import org.clientela.audit.AuditedRecords;
import org.clientela.clients.CompanyId;
import org.clientela.clients.VisibleCompanies;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit history of a company's credit account is for those who may see the company; it
 * includes the accounts of the duplicates merged into it, as its history of changes does.
 */
@Component
class CreditAuditedRecords implements AuditedRecords {

    private final VisibleCompanies companies;
    private final JdbcClient jdbc;

    CreditAuditedRecords(VisibleCompanies companies, JdbcClient jdbc) {
        this.companies = companies;
        this.jdbc = jdbc;
    }

    @Override
    public String entityType() {
        return CreditAccounts.CREDIT_ACCOUNT;
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

    @Override
    public List<String> mergedInto(String entityId) {
        return jdbc.sql("select id::text from company_ref where merged_into = :id")
                .param("id", UUID.fromString(entityId)).query(String.class).list();
    }
}
