package org.clientela.keyaccounts.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.clientela.keyaccounts.WarningKind;
import org.clientela.keyaccounts.internal.EarlyWarningRun;
import org.clientela.keyaccounts.internal.EarlyWarningService;
import org.clientela.keyaccounts.internal.Warning;
import org.clientela.keyaccounts.internal.WarningStatus;
import org.clientela.shared.ConflictException;
import org.clientela.shared.PageResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Early warnings (K4): the list within one's access, one warning with its evidence, the dismissal, the run on demand. */
@RestController
@Tag(name = "Early warnings", description = "Falling volume or frequency, shrinking assortment, growing debt, no recent order")
class EarlyWarningController {

    private final EarlyWarningService warnings;
    private final EarlyWarningRun run;
    private final Clock clock;
    private final ZoneId zone;

    EarlyWarningController(EarlyWarningService warnings, EarlyWarningRun run, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.warnings = warnings;
        this.run = run;
        this.clock = clock;
        this.zone = zone;
    }

    record CompanyRef(UUID id, String name) {
    }

    /**
     * {@code evidence}: the figures compared (amounts in roubles as numbers, percentages whole,
     * months {@code yyyy-MM}, dates {@code yyyy-MM-dd}); {@code dismissal} null unless dismissed.
     */
    record WarningResponse(UUID id, CompanyRef company, WarningKind kind, WarningStatus status, LocalDate detectedOn,
            LocalDate refreshedOn, Map<String, Object> evidence, Dismissal dismissal, LocalDate closedOn,
            long version) {

        static WarningResponse of(Warning warning) {
            return new WarningResponse(warning.id(), new CompanyRef(warning.companyId(), warning.companyName()),
                    warning.kind(), warning.status(), warning.detectedOn(), warning.refreshedOn(), warning.evidence(),
                    warning.dismissedAt() == null ? null
                            : new Dismissal(warning.dismissedBy(), warning.dismissedByName(), warning.dismissedAt(),
                                    warning.dismissalReason()),
                    warning.closedOn(), warning.version());
        }
    }

    record Dismissal(UUID byId, String byName, Instant at, String reason) {
    }

    /** {@code reason} required; {@code version} optional (the warning's, to refuse a stale dismissal). */
    record DismissalRequest(String reason, Long version) {
    }

    record RunResponse(LocalDate day, int opened, int refreshed, int closed) {
    }

    @GetMapping("/api/v1/early-warnings")
    @Operation(summary = "The early warnings of the companies one may see", description = "Filters: status (open, "
            + "dismissed, closed), companyId, kind; sort: detectedOn (default, latest first), company, kind")
    PageResponse<WarningResponse> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) UUID companyId, @RequestParam(required = false) String kind,
            @ParameterObject Pageable pageable) {
        return warnings.list(new EarlyWarningService.Filter(WarningStatus.of(status), companyId,
                EarlyWarningService.kind(kind)), pageable).map(WarningResponse::of);
    }

    @GetMapping("/api/v1/early-warnings/{id}")
    @Operation(summary = "One early warning with its evidence (404 for a company one may not see)")
    WarningResponse get(@PathVariable UUID id) {
        return WarningResponse.of(warnings.get(id));
    }

    @PostMapping("/api/v1/early-warnings/{id}/dismissal")
    @Operation(summary = "Dismiss an open warning with a reason", description = "It stays dismissed while its "
            + "condition holds; once the condition clears and comes back, a new warning opens. 409 when it is not open.")
    WarningResponse dismiss(@PathVariable UUID id, @RequestBody DismissalRequest request) {
        return WarningResponse.of(warnings.dismiss(id, request.reason(), request.version()));
    }

    @PostMapping("/api/v1/early-warnings/run")
    @PreAuthorize("hasAnyRole('HEAD', 'DIRECTOR', 'ADMIN')")
    @Operation(summary = "Run the early-warning rules now (HEAD, DIRECTOR, ADMIN)", description = "Counts are of the "
            + "whole department. 409 while a run is in progress.")
    RunResponse run() {
        EarlyWarningRun.Outcome outcome = run.run(LocalDate.now(clock.withZone(zone)))
                .orElseThrow(() -> new ConflictException("keyaccounts.warning.running"));
        return new RunResponse(outcome.day(), outcome.opened(), outcome.refreshed(), outcome.closed());
    }
}
