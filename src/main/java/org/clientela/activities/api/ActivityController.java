package org.clientela.activities.api;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.clientela.activities.ActivityView;
import org.clientela.activities.internal.ActivityChanges;
import org.clientela.activities.internal.ActivityQuery;
import org.clientela.activities.internal.ActivityService;
import org.clientela.activities.internal.NewActivity;
import org.clientela.activities.internal.OutcomeInput;
import org.clientela.platform.Versions;
import org.clientela.shared.PageResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Activities (A1) through the API: visible exactly when their company is. */
@RestController
@RequestMapping(ActivityController.PATH)
@Tag(name = "Activities", description = "Calls, meetings, visits, letters with the clients: planned, done, cancelled")
class ActivityController {

    static final String PATH = "/api/v1/activities";

    private final ActivityService activities;

    ActivityController(ActivityService activities) {
        this.activities = activities;
    }

    /**
     * @param type         CALL, MEETING, VISIT, EMAIL, LETTER, PRESENTATION, NEGOTIATION or EVENT
     * @param plannedStart ISO-8601 with offset, e.g. 2026-12-01T10:00:00+03:00
     * @param timeZone     IANA id; absent for the department's zone
     * @param ownerId      absent for the caller
     */
    record PlanRequest(String companyId, String type, String subject, String plannedStart, String plannedEnd,
            String timeZone, List<String> contactIds, String location, String ownerId) {
    }

    record ChangeRequest(String type, String subject, String plannedStart, String plannedEnd, String timeZone,
            List<String> contactIds, String location, Long version) {
    }

    record NextStepRequest(String subject, String type, String plannedStart, String plannedEnd) {
    }

    record OutcomeRequest(String actualStart, String outcome, NextStepRequest nextStep, Long version) {
    }

    record CancellationRequest(String reason, Long version) {
    }

    /**
     * Times as ISO-8601 with the offset of the activity's zone at that moment.
     *
     * @param lateMinutes once done, how many minutes after the planned start it began
     * @param nextId      the activity planned as the next step
     */
    record ActivityResponse(UUID id, UUID companyId, String companyName, UUID ownerId, String ownerName, String type,
            String subject, OffsetDateTime plannedStart, OffsetDateTime plannedEnd, String timeZone,
            String location, String status, OffsetDateTime actualStart, Integer lateMinutes, String outcome,
            String nextStep, String cancelReason, UUID previousId, UUID nextId,
            List<ActivityView.Participant> contacts, long version) {

        static ActivityResponse of(ActivityView activity) {
            ZoneId zone = activity.timeZone();
            return new ActivityResponse(activity.id(), activity.companyId(), activity.companyName(),
                    activity.ownerId(), activity.ownerName(), activity.type().name(), activity.subject(),
                    at(activity.plannedStart(), zone), at(activity.plannedEnd(), zone), zone.getId(),
                    activity.location(), activity.status().name(), at(activity.actualStart(), zone),
                    activity.lateMinutes(), activity.outcome(), activity.nextStep(), activity.cancelReason(),
                    activity.previousId(), activity.nextId(), activity.contacts(), activity.version());
        }

        private static OffsetDateTime at(Instant instant, ZoneId zone) {
            return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
        }
    }

    @PostMapping
    @Operation(summary = "Plan an activity with a company and its people",
            description = "plannedStart must lie ahead and plannedEnd not before it; contactIds: people of that "
                    + "company only; a company the caller may not see answers 404.")
    ResponseEntity<ActivityResponse> plan(@RequestBody PlanRequest request) {
        ActivityView activity = activities.plan(new NewActivity(request.companyId(), request.type(),
                request.subject(), request.plannedStart(), request.plannedEnd(), request.timeZone(),
                request.contactIds(), request.location(), request.ownerId()));
        return ResponseEntity.created(URI.create(PATH + "/" + activity.id())).eTag(Versions.etag(activity.version()))
                .body(ActivityResponse.of(activity));
    }

    @GetMapping
    @Operation(summary = "A page of the activities the caller may see",
            description = "from/to: days (YYYY-MM-DD, the department's zone) of the planned start, both inclusive. "
                    + "Sortable by plannedStart, type, status; the earliest first unless sorted.")
    PageResponse<ActivityResponse> list(@RequestParam(required = false) String companyId,
            @RequestParam(required = false) String ownerId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String type,
            @RequestParam(required = false) String status, @ParameterObject Pageable pageable) {
        return activities.page(new ActivityQuery(companyId, ownerId, from, to, type, status), pageable)
                .map(ActivityResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One activity, its version as ETag")
    ResponseEntity<ActivityResponse> activity(@PathVariable UUID id) {
        ActivityView activity = activities.activity(id);
        return ResponseEntity.ok().eTag(Versions.etag(activity.version())).body(ActivityResponse.of(activity));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change the given fields of a planned activity; needs If-Match or version")
    ResponseEntity<ActivityResponse> change(@PathVariable UUID id,
            @Parameter(description = "The ETag of the version last seen, e.g. \"3\"")
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody ChangeRequest request) {
        ActivityView activity = activities.change(id, Versions.expected(ifMatch, request.version()),
                new ActivityChanges(request.type(), request.subject(), request.plannedStart(), request.plannedEnd(),
                        request.timeZone(), request.contactIds(), request.location()));
        return ResponseEntity.ok().eTag(Versions.etag(activity.version())).body(ActivityResponse.of(activity));
    }

    @PostMapping("/{id}/outcome")
    @Operation(summary = "Record the outcome of a planned activity; needs If-Match or version",
            description = "actualStart: when it began (not in the future); lateMinutes follows from it. A nextStep "
                    + "with plannedStart plans the next activity (its type and duration those of this one unless "
                    + "given), answered as nextId.")
    ResponseEntity<ActivityResponse> outcome(@PathVariable UUID id,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody OutcomeRequest request) {
        NextStepRequest next = request.nextStep();
        ActivityView activity = activities.recordOutcome(id, Versions.expected(ifMatch, request.version()),
                new OutcomeInput(request.actualStart(), request.outcome(), next == null ? null
                        : new OutcomeInput.NextStep(next.subject(), next.type(), next.plannedStart(),
                                next.plannedEnd())));
        return ResponseEntity.ok().eTag(Versions.etag(activity.version())).body(ActivityResponse.of(activity));
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "Cancel a planned activity, with the reason; needs If-Match or version")
    ResponseEntity<ActivityResponse> cancel(@PathVariable UUID id,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody CancellationRequest request) {
        ActivityView activity = activities.cancel(id, Versions.expected(ifMatch, request.version()),
                request.reason());
        return ResponseEntity.ok().eTag(Versions.etag(activity.version())).body(ActivityResponse.of(activity));
    }
}
