package org.clientela.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                .field("tags", java.util.List.of("b", "a"), java.util.Set.of("a", "b", "c"))));

        assertThat(auditLog.history("Probe", id))
                .extracting(AuditRecord::field, AuditRecord::oldValue, AuditRecord::newValue, AuditRecord::actor,
                        AuditRecord::action)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("name", "Ромашка", "Ромашка плюс", "system", AuditAction.UPDATED),
                        org.assertj.core.groups.Tuple.tuple("tags", "a, b", "a, b, c", "system", AuditAction.UPDATED));
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
    void refusesToRecordAChangeOutsideATransaction() {
        assertThatThrownBy(() -> auditLog.updated("Probe", "1", AuditChanges.of().field("name", "a", "b")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void isAppendOnly() {
        String id = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> auditLog.deleted("Probe", id));
        assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'someone else' where entity_id = :id")
                .param("id", id).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where entity_id = :id").param("id", id).update())
                .hasMessageContaining("append-only");
        assertThat(auditLog.history("Probe", id)).singleElement()
                .extracting(AuditRecord::action).isEqualTo(AuditAction.DELETED);
    }
}
