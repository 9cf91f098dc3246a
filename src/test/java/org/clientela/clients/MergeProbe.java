package org.clientela.clients;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A module of the future that holds company references, as the tests need it: it listens to
 * {@link CompaniesMerged} the way {@link CompaniesMerged}'s Javadoc asks, and for the duplicates
 * a test armed it on, writes, fails or dawdles. It is found by the component scan of the one
 * shared test context (a configuration of its own would start a second application); every
 * other merge passes it untouched.
 */
@Component
class MergeProbe {

    /** The entity type of the probe's lines in the audit log. */
    static final String PROBE = "MergeProbe";

    enum Behaviour {
        /** Writes an audit line, which needs a running transaction (MANDATORY) and records its id. */
        WRITE,
        /** Refuses the merge, as a module whose references cannot move would. */
        FAIL,
        /** Holds the merge's transaction (and its row locks) open for a second. */
        PAUSE
    }

    private final Map<UUID, Behaviour> armed = new ConcurrentHashMap<>();
    private final AuditLog auditLog;

    MergeProbe(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    void arm(String duplicateId, Behaviour behaviour) {
        armed.put(UUID.fromString(duplicateId), behaviour);
    }

    @EventListener
    void on(CompaniesMerged merged) throws InterruptedException {
        Behaviour behaviour = armed.remove(merged.duplicate().value());
        if (behaviour == null) {
            return;
        }
        switch (behaviour) {
            case WRITE -> auditLog.updated(PROBE, merged.duplicate(),
                    AuditChanges.of().field("company", merged.duplicate(), merged.survivor()));
            case FAIL -> throw new IllegalStateException("The probe's references cannot move");
            case PAUSE -> Thread.sleep(1_000);
        }
    }
}
