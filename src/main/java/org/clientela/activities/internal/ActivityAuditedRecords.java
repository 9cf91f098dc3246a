package org.clientela.activities.internal;

import java.util.UUID;

import org.clientela.audit.AuditedRecords;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whoever may see an activity's company may read the activity's history. */
@Component
class ActivityAuditedRecords implements AuditedRecords {

    private final JdbcClient jdbc;
    private final AccessPolicy accessPolicy;

    ActivityAuditedRecords(JdbcClient jdbc, AccessPolicy accessPolicy) {
        this.jdbc = jdbc;
        this.accessPolicy = accessPolicy;
    }

    @Override
    public String entityType() {
        return ActivityService.ACTIVITY;
    }

    @Override
    public boolean maySee(String entityId) {
        UUID id;
        try {
            id = UUID.fromString(entityId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return jdbc.sql("select c.owner_id from activity a join company_ref c on c.id = a.company_id where a.id = :id")
                .param("id", id).query(UUID.class).optional()
                .filter(owner -> accessPolicy.maySee(new UserId(owner))).isPresent();
    }
}
