package org.clientela.audit.internal;

import java.util.Collection;
import java.util.ArrayList;
import java.util.List;

import org.clientela.audit.AuditAction;
import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.audit.AuditRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcAuditLog implements AuditLog {

    private static final String INSERT = """
            insert into audit_log (actor, entity_type, entity_id, action, field, old_value, new_value)
            values (:actor, :entityType, :entityId, :action, :field, :oldValue, :newValue)
            """;

    private final JdbcClient jdbc;

    JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void created(String entityType, Object entityId, AuditChanges initialValues) {
        if (initialValues.isEmpty()) {
            insert(entityType, entityId, AuditAction.CREATED, null, null, null);
        }
        insertAll(entityType, entityId, AuditAction.CREATED, initialValues);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void createdAll(String entityType, List<Creation> creations) {
        List<String> ids = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<String> oldValues = new ArrayList<>();
        List<String> newValues = new ArrayList<>();
        for (Creation creation : creations) {
            List<AuditChanges.FieldChange> changes = creation.initialValues().fields();
            if (changes.isEmpty()) {
                changes = java.util.Collections.singletonList(new AuditChanges.FieldChange(null, null, null));
            }
            for (AuditChanges.FieldChange change : changes) {
                ids.add(String.valueOf(creation.entityId()));
                fields.add(change.field());
                oldValues.add(change.oldValue());
                newValues.add(change.newValue());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into audit_log (actor, entity_type, entity_id, action, field, old_value, new_value)
                        select :actor, :entityType, f.entity_id, :action, f.field, f.old_value, f.new_value
                        from unnest(cast(:ids as text[]), cast(:fields as text[]), cast(:oldValues as text[]),
                                cast(:newValues as text[])) with ordinality as f(entity_id, field, old_value, new_value, n)
                        order by f.n
                        """)
                .param("actor", currentActor())
                .param("entityType", entityType)
                .param("action", AuditAction.CREATED.name())
                .param("ids", ids.toArray(String[]::new))
                .param("fields", fields.toArray(String[]::new))
                .param("oldValues", oldValues.toArray(String[]::new))
                .param("newValues", newValues.toArray(String[]::new))
                .update();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(String entityType, Object entityId, AuditChanges changes) {
        insertAll(entityType, entityId, AuditAction.UPDATED, changes);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(String entityType, Object entityId) {
        insert(entityType, entityId, AuditAction.DELETED, null, null, null);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void merged(String entityType, Object duplicateId, Object survivorId) {
        insert(entityType, duplicateId, AuditAction.MERGED, MERGED_INTO, null, String.valueOf(survivorId));
        insert(entityType, survivorId, AuditAction.MERGED, MERGED_FROM, null, String.valueOf(duplicateId));
    }

    @Override
    @Transactional
    public void exported(String entityType, String description) {
        insert(entityType, "*", AuditAction.EXPORTED, null, null, description);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditRecord> history(String entityType, Object entityId) {
        return history(entityType, List.of(entityId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditRecord> history(String entityType, Collection<?> entityIds) {
        return jdbc.sql("""
                        select id, occurred_at, actor, entity_type, entity_id, action, field, old_value, new_value
                        from audit_log
                        where entity_type = :entityType and entity_id = any(:entityIds)
                        order by id
                        """)
                .param("entityType", entityType)
                .param("entityIds", entityIds.stream().map(String::valueOf).toArray(String[]::new))
                .query((rs, row) -> new AuditRecord(rs.getLong("id"),
                        rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("entity_type"), rs.getString("entity_id"),
                        AuditAction.valueOf(rs.getString("action")), rs.getString("field"),
                        rs.getString("old_value"), rs.getString("new_value")))
                .list();
    }

    /** All fields of one change in one statement: a registration writes a dozen lines at once. */
    private void insertAll(String entityType, Object entityId, AuditAction action, AuditChanges changes) {
        List<AuditChanges.FieldChange> fields = changes.fields();
        if (fields.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into audit_log (actor, entity_type, entity_id, action, field, old_value, new_value)
                        select :actor, :entityType, :entityId, :action, f.field, f.old_value, f.new_value
                        from unnest(cast(:fields as text[]), cast(:oldValues as text[]), cast(:newValues as text[]))
                            with ordinality as f(field, old_value, new_value, n)
                        order by f.n
                        """)
                .param("actor", currentActor())
                .param("entityType", entityType)
                .param("entityId", String.valueOf(entityId))
                .param("action", action.name())
                .param("fields", fields.stream().map(AuditChanges.FieldChange::field).toArray(String[]::new))
                .param("oldValues", fields.stream().map(AuditChanges.FieldChange::oldValue).toArray(String[]::new))
                .param("newValues", fields.stream().map(AuditChanges.FieldChange::newValue).toArray(String[]::new))
                .update();
    }

    private void insert(String entityType, Object entityId, AuditAction action, String field, String oldValue,
            String newValue) {
        jdbc.sql(INSERT)
                .param("actor", currentActor())
                .param("entityType", entityType)
                .param("entityId", String.valueOf(entityId))
                .param("action", action.name())
                .param("field", field)
                .param("oldValue", oldValue)
                .param("newValue", newValue)
                .update();
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getName())
                ? authentication.getName()
                : SYSTEM_ACTOR;
    }
}
