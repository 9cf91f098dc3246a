package org.clientela.receivables.collection;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.clientela.shared.InputErrors;
import org.clientela.shared.RecordNotFoundException;
import org.clientela.shared.StaleVersionException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The schedule of collection steps, kept by the head, the credit controller and the
 * administrator. A step is one kind on one day: two e-mails on the same day would only annoy the
 * client. A changed step keeps its actions: the invoices that had it do not get it again.
 */
@Service
class CollectionSchedule {

    static final String STEP = "CollectionStep";
    static final String EDITORS = "hasAnyRole('HEAD', 'CREDIT_CONTROLLER', 'ADMIN')";
    static final int MAX_DAYS = 3650;

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    CollectionSchedule(JdbcClient jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** Whether the current user may keep the schedule, as {@link #EDITORS} says. */
    static boolean mayEdit() {
        return CurrentUser.find().map(user -> user.hasAny(Role.HEAD, Role.CREDIT_CONTROLLER, Role.ADMIN))
                .orElse(false);
    }

    /** The steps in the order they come: by day, and on one day by position. */
    @Transactional(readOnly = true)
    List<CollectionStep> steps() {
        return jdbc.sql("select * from collection_step order by days_after_due, position, id")
                .query((rs, row) -> new CollectionStep(rs.getObject("id", UUID.class), rs.getInt("position"),
                        StepKind.valueOf(rs.getString("kind")), rs.getInt("days_after_due"), rs.getLong("version")))
                .list();
    }

    @Transactional
    @PreAuthorize(EDITORS)
    CollectionStep add(String kind, String days) {
        lockSchedule();
        Checked step = check(null, kind, days);
        UUID id = UUID.randomUUID();
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from collection_step").query(Integer.class)
                .single();
        jdbc.sql("insert into collection_step (id, position, kind, days_after_due) values (:id, :position, :kind, :days)")
                .param("id", id).param("position", position).param("kind", step.kind().name())
                .param("days", step.days()).update();
        auditLog.created(STEP, id, AuditChanges.of().field("kind", null, step.kind())
                .field("daysAfterDue", null, step.days()));
        return new CollectionStep(id, position, step.kind(), step.days(), 0);
    }

    @Transactional
    @PreAuthorize(EDITORS)
    CollectionStep change(UUID id, long expectedVersion, String kind, String days) {
        lockSchedule();
        CollectionStep before = step(id);
        if (before.version() != expectedVersion) {
            throw new StaleVersionException(STEP, id, expectedVersion, before.version());
        }
        Checked step = check(id, kind, days);
        jdbc.sql("""
                        update collection_step set kind = :kind, days_after_due = :days, version = version + 1
                        where id = :id""")
                .param("kind", step.kind().name()).param("days", step.days()).param("id", id).update();
        auditLog.updated(STEP, id, AuditChanges.of().field("kind", before.kind(), step.kind())
                .field("daysAfterDue", before.daysAfterDue(), step.days()));
        return new CollectionStep(id, before.position(), step.kind(), step.days(), expectedVersion + 1);
    }

    /** The step's actions stay, without their step. */
    @Transactional
    @PreAuthorize(EDITORS)
    void remove(UUID id, long expectedVersion) {
        lockSchedule();
        CollectionStep before = step(id);
        if (before.version() != expectedVersion) {
            throw new StaleVersionException(STEP, id, expectedVersion, before.version());
        }
        jdbc.sql("delete from collection_step where id = :id").param("id", id).update();
        auditLog.deleted(STEP, id);
    }

    private CollectionStep step(UUID id) {
        return steps().stream().filter(step -> step.id().equals(id)).findFirst()
                .orElseThrow(() -> new RecordNotFoundException(STEP, id));
    }

    /**
     * Editors wait for each other, so that the check for a taken kind and day sees the other's
     * step; the unique index stays the last guard.
     */
    private void lockSchedule() {
        jdbc.sql("lock table collection_step in share row exclusive mode").update();
    }

    private record Checked(StepKind kind, int days) {
    }

    private Checked check(UUID id, String kindText, String daysText) {
        InputErrors errors = new InputErrors();
        StepKind kind = null;
        if (kindText == null || kindText.isBlank()) {
            errors.add("kind", "collection.step.kind.required");
        } else {
            try {
                kind = StepKind.valueOf(kindText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("kind", "collection.step.kind.unknown", kindText.strip());
            }
        }
        Integer days = null;
        if (daysText == null || daysText.isBlank()) {
            errors.add("days", "collection.step.days.required");
        } else {
            try {
                days = Integer.valueOf(daysText.strip());
                if (days < 0 || days > MAX_DAYS) {
                    errors.add("days", "collection.step.days.range", MAX_DAYS);
                    days = null;
                }
            } catch (NumberFormatException e) {
                errors.add("days", "collection.step.days.invalid", daysText.strip());
            }
        }
        if (kind != null && days != null) {
            boolean taken = jdbc.sql("""
                            select exists (select 1 from collection_step
                                           where kind = :kind and days_after_due = :days and id is distinct from :id)""")
                    .param("kind", kind.name()).param("days", days).param("id", id).query(Boolean.class).single();
            if (taken) {
                errors.add("days", "collection.step.taken",
                        new DefaultMessageSourceResolvable("collection.kind." + kind.name()), days);
            }
        }
        errors.throwIfAny();
        return new Checked(kind, days);
    }
}
