package org.clientela.audit.internal;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.clientela.audit.AuditAction;
import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditChanges.FieldChange;
import org.clientela.audit.AuditLog;
import org.clientela.audit.AuditRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * One row of {@code audit_entry} per change, its fields together as a JSON array in their order;
 * read line by line through the view {@code audit_log}. The JSON is written here rather than
 * assembled in SQL: in a psql timing of 20 000 created records of 10 fields, inserting them so
 * took about a third of the time of building the JSON in SQL from arrays, and a fifth of the
 * time of a row per field.
 */
@Service
class JdbcAuditLog implements AuditLog {

    private static final String INSERT = """
            insert into audit_entry (actor, entity_type, entity_id, action, changes)
            values (:actor, :entityType, :entityId, :action, cast(:changes as jsonb))
            """;

    private static final Pattern CTE_NAME = Pattern.compile("[a-z][a-z_]*");

    private final JdbcClient jdbc;
    /** The application's: its generator writes a null old value as null, whatever the mapper leaves out of objects. */
    private final JsonMapper json;

    JdbcAuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // the methods that record a change check for its transaction themselves: as a transactional
    // proxy's MANDATORY, that check cost as much as writing the entry
    @Override
    public void created(String entityType, Object entityId, AuditChanges initialValues) {
        requireTransaction();
        insert(entityType, entityId, AuditAction.CREATED, initialValues.fields());
    }

    @Override
    public EntryInsert entryFor(String source, AuditAction action, String entityType, Object entityId,
            AuditChanges changes) {
        if (!CTE_NAME.matcher(source).matches()) {
            throw new IllegalArgumentException("Not the name of a common table expression: " + source);
        }
        String p = ":" + source;
        Map<String, Object> parameters = new HashMap<>(8);
        parameters.put(source + "Actor", currentActor());
        parameters.put(source + "EntityType", entityType);
        parameters.put(source + "EntityId", String.valueOf(entityId));
        parameters.put(source + "Action", action.name());
        parameters.put(source + "Changes", lines(changes.fields()));
        return new EntryInsert("insert into audit_entry (actor, entity_type, entity_id, action, changes) select "
                + p + "Actor, " + p + "EntityType, " + p + "EntityId, " + p + "Action, cast(" + p
                + "Changes as jsonb) from " + source, parameters);
    }

    @Override
    public void createdAll(String entityType, List<Creation> creations) {
        requireTransaction();
        if (creations.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into audit_entry (actor, entity_type, entity_id, action, changes)
                        select :actor, :entityType, r.entity_id, :action, r.changes
                        from unnest(cast(:ids as text[]), cast(:changes as jsonb[])) with ordinality
                            as r(entity_id, changes, n)
                        order by r.n
                        """)
                .param("actor", currentActor())
                .param("entityType", entityType)
                .param("action", AuditAction.CREATED.name())
                .param("ids", creations.stream().map(creation -> String.valueOf(creation.entityId()))
                        .toArray(String[]::new))
                .param("changes", creations.stream().map(creation -> lines(creation.initialValues().fields()))
                        .toArray(String[]::new))
                .update();
    }

    @Override
    public void updated(String entityType, Object entityId, AuditChanges changes) {
        requireTransaction();
        if (!changes.isEmpty()) {
            insert(entityType, entityId, AuditAction.UPDATED, changes.fields());
        }
    }

    @Override
    public void deleted(String entityType, Object entityId) {
        requireTransaction();
        insert(entityType, entityId, AuditAction.DELETED, List.of());
    }

    @Override
    public void merged(String entityType, Object duplicateId, Object survivorId) {
        requireTransaction();
        insert(entityType, duplicateId, AuditAction.MERGED,
                List.of(new FieldChange(MERGED_INTO, null, String.valueOf(survivorId))));
        insert(entityType, survivorId, AuditAction.MERGED,
                List.of(new FieldChange(MERGED_FROM, null, String.valueOf(duplicateId))));
    }

    @Override
    @Transactional
    public void exported(String entityType, String description) {
        insert(entityType, "*", AuditAction.EXPORTED, List.of(new FieldChange(null, null, description)));
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
                        order by id, field_position
                        """)
                .param("entityType", entityType)
                .param("entityIds", entityIds.stream().map(String::valueOf).toArray(String[]::new))
                .query((rs, row) -> new AuditRecord(rs.getLong("id"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("entity_type"), rs.getString("entity_id"),
                        AuditAction.valueOf(rs.getString("action")), rs.getString("field"),
                        rs.getString("old_value"), rs.getString("new_value")))
                .list();
    }

    private void insert(String entityType, Object entityId, AuditAction action, List<FieldChange> fields) {
        jdbc.sql(INSERT)
                .param("actor", currentActor())
                .param("entityType", entityType)
                .param("entityId", String.valueOf(entityId))
                .param("action", action.name())
                .param("changes", lines(fields))
                .update();
    }

    /** The fields as {@code [{"field": …, "old": …, "new": …}, …]}; none (e.g. a deletion) is SQL null. */
    private String lines(List<FieldChange> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        // written as it goes: a tree of nodes, then serialised, cost twice as much per registration
        StringWriter lines = new StringWriter(80 * fields.size());
        try (JsonGenerator line = json.createGenerator(lines)) {
            line.writeStartArray();
            for (FieldChange field : fields) {
                line.writeStartObject();
                line.writeStringProperty("field", field.field());
                line.writeStringProperty("old", field.oldValue());
                line.writeStringProperty("new", field.newValue());
                line.writeEndObject();
            }
            line.writeEndArray();
        }
        return lines.toString();
    }

    /**
     * An entry belongs to the transaction of the change it records: written outside one, it could
     * stay while the change is rolled back, or go missing while the change stays.
     */
    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("An audit entry is written in the transaction of its change");
        }
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getName())
                ? authentication.getName()
                : SYSTEM_ACTOR;
    }
}
