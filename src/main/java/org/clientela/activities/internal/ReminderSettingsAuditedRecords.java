package org.clientela.activities.internal;

import java.util.UUID;

import org.clientela.audit.AuditedRecords;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.UserId;
import org.springframework.stereotype.Component;

/** Whoever may see a person's records may read the history of their reminder choice. */
@Component
class ReminderSettingsAuditedRecords implements AuditedRecords {

    private final AccessPolicy accessPolicy;

    ReminderSettingsAuditedRecords(AccessPolicy accessPolicy) {
        this.accessPolicy = accessPolicy;
    }

    @Override
    public String entityType() {
        return Reminders.SETTINGS;
    }

    @Override
    public boolean maySee(String entityId) {
        try {
            return accessPolicy.maySee(new UserId(UUID.fromString(entityId)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
