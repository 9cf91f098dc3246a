package org.clientela.audit.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.audit.AuditLog;
import org.clientela.audit.AuditedRecords;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The history of one record. The module that owns the entity type decides, through its
 * {@link AuditedRecords}, whether the caller may see the record; an entity type nobody vouches
 * for, like a record the caller may not see, answers 404.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit log", description = "Who changed what and when")
class AuditController {

    private final AuditLog auditLog;
    private final Map<String, AuditedRecords> recordsByType;

    AuditController(AuditLog auditLog, List<AuditedRecords> auditedRecords) {
        this.auditLog = auditLog;
        this.recordsByType = auditedRecords.stream()
                .collect(Collectors.toUnmodifiableMap(AuditedRecords::entityType, Function.identity()));
    }

    @GetMapping("/{entityType}/{entityId}")
    @Operation(summary = "The history of a record the caller may see, oldest first",
            description = "entityType as written to the log, e.g. User, Team. A record that other records were "
                    + "merged into (e.g. a company that took over its duplicate) has their history too: "
                    + "each line's entityId says whose line it is. Each changed field is a line of its own; the "
                    + "lines of one change share its id and follow each other in the order of its fields.")
    List<AuditEntryResponse> history(@PathVariable String entityType, @PathVariable String entityId) {
        AuditedRecords records = recordsByType.get(entityType);
        if (records == null || !records.maySee(entityId)) {
            throw new RecordNotFoundException(entityType, entityId);
        }
        List<String> ids = new ArrayList<>();
        ids.add(entityId);
        ids.addAll(records.mergedInto(entityId));
        return auditLog.history(entityType, ids).stream().map(AuditEntryResponse::of).toList();
    }
}
