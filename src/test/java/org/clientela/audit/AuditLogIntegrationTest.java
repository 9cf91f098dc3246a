package org.clientela.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.clientela.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditLogIntegrationTest {

    @Autowired
    AuditLog auditLog;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsEachChangedFieldWithOldAndNewValueAndTheSystemActor() {
        String id = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> auditLog.updated("Probe", id, AuditChanges.of()
                .field("name", "Ромашка", "Ромашка плюс")
                .field("unchanged", "same", "same")
                .field("tags", List.of("b", "a"), Set.of("a", "b", "c"))));

        assertThat(auditLog.history("Probe", id))
                .extracting(AuditRecord::field, AuditRecord::oldValue, AuditRecord::newValue, AuditRecord::actor,
                        AuditRecord::action)
                .containsExactly(
                        tuple("name", "Ромашка", "Ромашка плюс", "system", AuditAction.UPDATED),
                        tuple("tags", "a, b", "a, b, c", "system", AuditAction.UPDATED));
    }

    @Test
    void isWrittenInTheTransactionOfTheChangeAndRolledBackWithIt() {
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            auditLog.updated("Probe", id, AuditChanges.of().field("name", "a", "b"));
            throw new IllegalStateException("the change itself failed");
        })).hasMessage("the change itself failed");
        assertThat(auditLog.history("Probe", id)).isEmpty();
    }

    @Test
    void aCreationAndItsEntryAreOneStatementThatNeedsNoTransaction() {
        UUID id = UUID.randomUUID();

        assertThat(createProbe(id, "Ромашка")).isTrue();

        assertThat(jdbc.sql("select name from audit_probe where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Ромашка");
        assertThat(auditLog.history("Probe", id))
                .extracting(AuditRecord::action, AuditRecord::field, AuditRecord::newValue, AuditRecord::actor)
                .containsExactly(tuple(AuditAction.CREATED, "name", "Ромашка", "system"));
    }

    @Test
    void aCreationTheInsertSkipsIsNotRecorded() {
        UUID id = UUID.randomUUID();
        assertThat(createProbe(id, "Первая")).isTrue();

        assertThat(createProbe(id, "Вторая")).isFalse();

        assertThat(jdbc.sql("select name from audit_probe where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Первая");
        assertThat(auditLog.history("Probe", id)).extracting(AuditRecord::newValue).containsExactly("Первая");
    }

    @Test
    void aCreationWithinATransactionRollsBackWithIt() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            createProbe(id, "Ромашка");
            throw new IllegalStateException("the rest of the change failed");
        })).hasMessage("the rest of the change failed");

        assertThat(jdbc.sql("select count(*) from audit_probe where id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(auditLog.history("Probe", id)).isEmpty();
    }

    @Test
    void anEntryIsForACommonTableExpressionByItsName() {
        assertThatThrownBy(() -> auditLog.entryFor("x); drop table company; --", AuditAction.CREATED, "Probe", 1,
                AuditChanges.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** Another module's record, created with its entry in one statement, in a table made for these tests. */
    private boolean createProbe(UUID id, String name) {
        jdbc.sql("create table if not exists audit_probe (id uuid primary key, name text not null)").update();
        AuditLog.EntryInsert entry = auditLog.entryFor("created", AuditAction.CREATED, "Probe", id,
                AuditChanges.of().field("name", null, name));
        return jdbc.sql("""
                        with created as (
                            insert into audit_probe (id, name) values (:id, :name) on conflict do nothing returning 1)
                        """ + entry.sql())
                .param("id", id).param("name", name).params(entry.parameters()).update() == 1;
    }

    @Test
    void refusesToRecordAChangeOutsideATransaction() {
        assertThatThrownBy(() -> auditLog.updated("Probe", "1", AuditChanges.of().field("name", "a", "b")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aChangeOfThreeFieldsIsOneEntryReadAsThreeLinesInTheOrderOfItsFields() {
        String id = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> {
            auditLog.updated("Probe", id, AuditChanges.of()
                    .field("status", "PROSPECT", "ACTIVE")
                    .field("name", "Ромашка", "Ромашка плюс")
                    .field("inn", null, "7707083893"));
            auditLog.updated("Probe", id, AuditChanges.of().field("name", "Ромашка плюс", "Ромашка"));
        });

        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'Probe' and entity_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(2);
        List<AuditRecord> history = auditLog.history("Probe", id);
        assertThat(history).extracting(AuditRecord::field, AuditRecord::oldValue, AuditRecord::newValue)
                .containsExactly(
                        tuple("status", "PROSPECT", "ACTIVE"),
                        tuple("name", "Ромашка", "Ромашка плюс"),
                        tuple("inn", null, "7707083893"),
                        tuple("name", "Ромашка плюс", "Ромашка"));
        assertThat(history.get(1).id()).isEqualTo(history.get(0).id());
        assertThat(history.get(2).id()).isEqualTo(history.get(0).id());
        assertThat(history.get(3).id()).isGreaterThan(history.get(0).id());
    }

    @Test
    void valuesOfAnyTextComeBackExactly() {
        String id = UUID.randomUUID().toString();
        String entityType = "Probe " + id;
        String quoted = "ООО \"Ромашка\" 'и партнёры'";
        String backslashes = "C:\\путь\\n\\u0041 \\\"";
        String lines = "первая строка\nвторая\r\n\tс табуляцией";
        String html = "<script>alert('x')</script> & <b>жирный</b>";
        String json = "[{\"field\": \"name\", \"old\": null}]";
        String surrogates = "Стекло 🪟 ≥ 4 мм";
        transaction.executeWithoutResult(status -> {
            auditLog.updated(entityType, id, AuditChanges.of()
                    .field("name \"quoted\"", quoted, backslashes)
                    .field("note", lines, html)
                    .field("comment", json, surrogates));
            auditLog.createdAll(entityType, List.of(new AuditLog.Creation(id, AuditChanges.of()
                    .field("name", null, backslashes).field("note", null, html))));
            auditLog.exported(entityType, lines + quoted);
        });

        assertThat(auditLog.history(entityType, List.of(id, "*")))
                .extracting(AuditRecord::action, AuditRecord::field, AuditRecord::oldValue, AuditRecord::newValue)
                .containsExactly(
                        tuple(AuditAction.UPDATED, "name \"quoted\"", quoted, backslashes),
                        tuple(AuditAction.UPDATED, "note", lines, html),
                        tuple(AuditAction.UPDATED, "comment", json, surrogates),
                        tuple(AuditAction.CREATED, "name", null, backslashes),
                        tuple(AuditAction.CREATED, "note", null, html),
                        tuple(AuditAction.EXPORTED, null, null, lines + quoted));
    }

    @Test
    void aCreationOfManyRecordsIsOneEntryPerRecord() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> auditLog.createdAll("Probe", List.of(
                new AuditLog.Creation(first, AuditChanges.of().field("name", null, "Первая").field("inn", null, "1")),
                new AuditLog.Creation(second, AuditChanges.of()),
                new AuditLog.Creation(third, AuditChanges.of().field("name", null, "Третья")))));

        assertThat(jdbc.sql("""
                        select entity_id, coalesce(jsonb_array_length(changes), 0) from audit_entry
                        where entity_type = 'Probe' and entity_id in (:ids) order by id""")
                .param("ids", List.of(first, second, third))
                .query((rs, row) -> rs.getString(1) + ":" + rs.getInt(2)).list())
                .containsExactly(first + ":2", second + ":0", third + ":1");
        assertThat(auditLog.history("Probe", List.of(first, second, third)))
                .extracting(AuditRecord::entityId, AuditRecord::action, AuditRecord::field, AuditRecord::newValue)
                .containsExactly(
                        tuple(first, AuditAction.CREATED, "name", "Первая"),
                        tuple(first, AuditAction.CREATED, "inn", "1"),
                        tuple(second, AuditAction.CREATED, null, null),
                        tuple(third, AuditAction.CREATED, "name", "Третья"));
    }

    @Test
    void aRowWrittenOneFieldARowBeforeTheChangeStaysReadableBesideNewOnes() {
        String id = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                            insert into audit_entry (actor, entity_type, entity_id, action, field, old_value, new_value)
                            values ('manager1', 'Probe', :id, 'CREATED', 'name', null, 'Ромашка'),
                                   ('manager1', 'Probe', :id, 'CREATED', 'inn', null, '7707083893'),
                                   ('head', 'Probe', :id, 'DELETED', null, null, null)""")
                    .param("id", id).update();
            auditLog.updated("Probe", id, AuditChanges.of().field("name", "Ромашка", "Ромашка плюс"));
        });

        assertThat(auditLog.history("Probe", id))
                .extracting(AuditRecord::actor, AuditRecord::action, AuditRecord::field, AuditRecord::oldValue,
                        AuditRecord::newValue)
                .containsExactly(
                        tuple("manager1", AuditAction.CREATED, "name", null, "Ромашка"),
                        tuple("manager1", AuditAction.CREATED, "inn", null, "7707083893"),
                        tuple("head", AuditAction.DELETED, null, null, null),
                        tuple("system", AuditAction.UPDATED, "name", "Ромашка", "Ромашка плюс"));
    }

    @Test
    void isAppendOnly() {
        String id = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> auditLog.updated("Probe", id,
                AuditChanges.of().field("name", "a", "b")));
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'someone else' where entity_id = :id")
                .param("id", id).update()).hasMessageContaining("audit_entry is append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where entity_id = :id").param("id", id).update())
                .hasMessageContaining("audit_entry is append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.sql("update audit_log set new_value = 'c' where entity_id = :id")
                .param("id", id).update()).hasMessageContaining("cannot update view \"audit_log\"");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where entity_id = :id").param("id", id).update())
                .hasMessageContaining("cannot delete from view \"audit_log\"");
        assertThat(auditLog.history("Probe", id)).singleElement()
                .extracting(AuditRecord::actor, AuditRecord::newValue).containsExactly("system", "b");
    }
}
