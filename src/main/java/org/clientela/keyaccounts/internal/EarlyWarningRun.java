package org.clientela.keyaccounts.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import tools.jackson.databind.json.JsonMapper;

/**
 * The early warnings' run (K4): every rule over the whole department on a day. A warning that
 * holds is opened, or its evidence refreshed when it is open or dismissed already (one current
 * warning per company and kind); a current warning whose condition no longer holds, or whose
 * company was archived or merged, is closed. The run changes everything or nothing (one
 * transaction); a second run on the same day and data changes nothing but the refresh day.
 */
@Component
@EnableConfigurationProperties(WarningSettings.class)
public class EarlyWarningRun {

    static final String LOCK = "early-warnings";
    static final String EARLY_WARNING = "EarlyWarning";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final List<WarningRule> rules;
    private final AuditLog auditLog;
    private final JsonMapper json;

    EarlyWarningRun(JdbcClient jdbc, TransactionTemplate transactions, List<WarningRule> rules, AuditLog auditLog,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.rules = rules;
        this.auditLog = auditLog;
        this.json = json;
    }

    /** What a run did, over the whole department. */
    public record Outcome(LocalDate day, int opened, int refreshed, int closed) {
    }

    /** Empty when another node (or request) is running it right now. */
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
    public Optional<Outcome> run(LocalDate day) {
        return Optional.of(transactions.execute(status -> work(day)));
    }

    private Outcome work(LocalDate day) {
        int opened = 0;
        int refreshed = 0;
        int closed = 0;
        for (WarningRule rule : rules) {
            Map<UUID, Map<String, Object>> detected = rule.detect(day);
            Set<UUID> live = Set.copyOf(jdbc.sql("""
                            select id from company_ref
                            where id = any(:ids) and archived_at is null and merged_into is null""")
                    .param("ids", detected.keySet().toArray(UUID[]::new)).query(UUID.class).list());
            Map<UUID, UUID> current = new HashMap<>();
            jdbc.sql("select id, company_id from early_warning where kind = :kind and status <> 'CLOSED' for update")
                    .param("kind", rule.kind().name())
                    .query(rs -> {
                        current.put(rs.getObject("company_id", UUID.class), rs.getObject("id", UUID.class));
                    });
            for (Map.Entry<UUID, Map<String, Object>> found : detected.entrySet()) {
                if (!live.contains(found.getKey())) {
                    continue;
                }
                String evidence = json.writeValueAsString(found.getValue());
                UUID existing = current.get(found.getKey());
                if (existing == null) {
                    UUID id = UUID.randomUUID();
                    jdbc.sql("""
                                    insert into early_warning (id, company_id, kind, status, detected_on, refreshed_on, evidence)
                                    values (:id, :company, :kind, 'OPEN', :day, :day, cast(:evidence as jsonb))""")
                            .param("id", id).param("company", found.getKey()).param("kind", rule.kind().name())
                            .param("day", day).param("evidence", evidence).update();
                    auditLog.created(EARLY_WARNING, id, AuditChanges.of().field("companyId", null, found.getKey())
                            .field("kind", null, rule.kind()).field("status", null, WarningStatus.OPEN)
                            .field("evidence", null, evidence));
                    opened++;
                } else {
                    // the figures of the day; the warning stays what it was (open or dismissed)
                    jdbc.sql("update early_warning set evidence = cast(:evidence as jsonb), refreshed_on = :day where id = :id")
                            .param("evidence", evidence).param("day", day).param("id", existing).update();
                    refreshed++;
                }
            }
            for (Map.Entry<UUID, UUID> warning : current.entrySet()) {
                if (live.contains(warning.getKey())) {
                    continue;
                }
                String before = jdbc.sql("""
                                update early_warning w set status = 'CLOSED', closed_on = :day, version = w.version + 1
                                from early_warning old where old.id = w.id and w.id = :id
                                returning old.status""")
                        .param("day", day).param("id", warning.getValue()).query(String.class).single();
                auditLog.updated(EARLY_WARNING, warning.getValue(),
                        AuditChanges.of().field("status", before, WarningStatus.CLOSED).field("closedOn", null, day));
                closed++;
            }
        }
        return new Outcome(day, opened, refreshed, closed);
    }
}
