package org.clientela.activities.internal;

import java.util.UUID;

import org.clientela.audit.AuditedRecords;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whoever may see a company may read the history of its contact cadence (kept under the company's id). */
@Component
class ContactCadenceAuditedRecords implements AuditedRecords {

    private final JdbcClient jdbc;
    private final AccessPolicy accessPolicy;

    ContactCadenceAuditedRecords(JdbcClient jdbc, AccessPolicy accessPolicy) {
        this.jdbc = jdbc;
        this.accessPolicy = accessPolicy;
    }

    @Override
    public String entityType() {
        return ContactCadenceService.CONTACT_CADENCE;
    }

    @Override
    public boolean maySee(String entityId) {
        UUID id;
        try {
            id = UUID.fromString(entityId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return jdbc.sql("select owner_id from company_ref where id = :id").param("id", id).query(UUID.class)
                .optional().filter(owner -> accessPolicy.maySee(new UserId(owner))).isPresent();
    }
}
