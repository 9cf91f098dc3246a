package org.clientela.activities.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.clientela.activities.internal.Punctuality;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Punctuality per person: how many activities began late, by how much. */
@RestController
@Tag(name = "Activities")
class PunctualityController {

    private final Punctuality punctuality;

    PunctualityController(Punctuality punctuality) {
        this.punctuality = punctuality;
    }

    record ReportResponse(LocalDate from, LocalDate to, List<OwnerResponse> owners) {
    }

    /**
     * @param lateShare          percent of the done ones that began late
     * @param averageLateMinutes over the late ones; absent when none was late
     */
    record OwnerResponse(UUID ownerId, String ownerName, int done, int late, BigDecimal lateShare,
            BigDecimal averageLateMinutes, Integer maxLateMinutes, List<LateResponse> lateStarts) {
    }

    /** Times as ISO-8601 with the offset of the activity's zone. */
    record LateResponse(UUID id, UUID companyId, String companyName, String type, String subject,
            OffsetDateTime plannedStart, OffsetDateTime actualStart, int lateMinutes) {
    }

    @GetMapping("/api/v1/activities/punctuality")
    @Operation(summary = "Punctuality per person over a period",
            description = "Activities done with their actual start in the period (days YYYY-MM-DD in the department's "
                    + "zone, both inclusive; the current month by default): how many, how many began after the "
                    + "planned start, the share late, the average and longest lateness in minutes, and the late "
                    + "ones. A manager sees their own, a head the team's, the director everyone's; ownerId of "
                    + "someone else answers 404.")
    ReportResponse report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String ownerId) {
        Punctuality.Report report = punctuality.report(from, to, ownerId);
        return new ReportResponse(report.from(), report.to(), report.owners().stream()
                .map(owner -> new OwnerResponse(owner.ownerId(), owner.ownerName(), owner.done(), owner.late(),
                        owner.lateShare(), owner.averageLateMinutes(), owner.maxLateMinutes(),
                        owner.lateStarts().stream().map(late -> new LateResponse(late.id(), late.companyId(),
                                late.companyName(), late.type().name(), late.subject(),
                                late.plannedStart().atZone(late.timeZone()).toOffsetDateTime(),
                                late.actualStart().atZone(late.timeZone()).toOffsetDateTime(), late.lateMinutes()))
                                .toList()))
                .toList());
    }
}
