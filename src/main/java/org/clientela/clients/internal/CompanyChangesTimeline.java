package org.clientela.clients.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.clientela.audit.AuditAction;
import org.clientela.audit.AuditLog;
import org.clientela.audit.AuditRecord;
import org.clientela.clients.CompanyId;
import org.clientela.clients.TimelineEvent;
import org.clientela.clients.TimelineSource;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The changes of the company itself on its timeline, from the audit log: one event per save (the
 * log's lines of one moment, actor and action), naming the fields it changed.
 */
@Component
class CompanyChangesTimeline implements TimelineSource {

    private final AuditLog auditLog;
    private final MessageSource messages;

    CompanyChangesTimeline(AuditLog auditLog, MessageSource messages) {
        this.auditLog = auditLog;
        this.messages = messages;
    }

    /** The caller, the timeline, has checked that the user may see the company. */
    @Override
    public List<TimelineEvent> events(CompanyId company, Instant from, Instant to) {
        record Save(Instant at, String actor, AuditAction action) {
        }
        Map<Save, List<AuditRecord>> saves = auditLog.history(CompanyService.COMPANY, company.value()).stream()
                .filter(line -> !line.occurredAt().isBefore(from) && line.occurredAt().isBefore(to))
                .collect(Collectors.groupingBy(line -> new Save(line.occurredAt(), line.actor(), line.action()),
                        LinkedHashMap::new, Collectors.toList()));
        Locale locale = LocaleContextHolder.getLocale();
        return saves.entrySet().stream().map(save -> {
            String fields = save.getValue().stream().map(AuditRecord::field).filter(field -> field != null)
                    .map(field -> messages.getMessage("clients.company.field." + field, null, field, locale))
                    .distinct().collect(Collectors.joining(", "));
            String title = messages.getMessage("clients.timeline.company." + save.getKey().action(),
                    new Object[] {save.getKey().actor()}, locale);
            return new TimelineEvent(save.getKey().at(), "COMPANY_" + save.getKey().action(), title,
                    fields.isEmpty() ? null : fields, null);
        }).toList();
    }
}
