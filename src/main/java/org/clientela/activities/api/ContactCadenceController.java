package org.clientela.activities.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.clientela.activities.OverdueContact;
import org.clientela.activities.internal.ActivityService;
import org.clientela.activities.internal.CompanyCadence;
import org.clientela.activities.internal.ContactCadenceService;
import org.clientela.clients.CompanyId;
import org.clientela.platform.Versions;
import org.clientela.shared.PageResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Contact cadences (A2) and the companies overdue for a contact, each as its company is visible. */
@RestController
@Tag(name = "Contact cadences", description = "How often each company must be contacted, and who is overdue")
class ContactCadenceController {

    private final ContactCadenceService cadences;
    private final ActivityService activities;

    ContactCadenceController(ContactCadenceService cadences, ActivityService activities) {
        this.cadences = cadences;
        this.activities = activities;
    }

    /**
     * @param days     the individual cadence (1–365), or {@code null} to go back to the default
     * @param reason   why, required either way
     */
    record CadenceRequest(Integer days, String reason, Long version) {
    }

    /**
     * @param days         the cadence in days; {@code null} for an archived, merged or lost company
     * @param basis        INDIVIDUAL, or the standing the default follows: KEY, A, B, C, NONE
     * @param standing     the company's standing even when the cadence is individual
     * @param defaultDays  the standing's default
     * @param daysOverdue  days beyond the cadence since the last contact; 0 when not overdue
     */
    record CadenceResponse(UUID companyId, Integer days, String basis, String standing, Integer defaultDays,
            String reason, UUID changedBy, Instant changedAt, LocalDate lastContact, boolean neverContacted,
            int daysOverdue, long version) {

        static CadenceResponse of(CompanyCadence cadence) {
            boolean has = cadence.cadence() != null;
            return new CadenceResponse(cadence.companyId(), has ? cadence.cadence().days() : null,
                    has ? cadence.cadence().basis() : null, has ? cadence.cadence().standing().name() : null,
                    cadence.defaultDays(), cadence.reason(), cadence.changedBy(), cadence.changedAt(),
                    cadence.lastContact(), cadence.neverContacted(), cadence.daysOverdue(), cadence.version());
        }
    }

    record NextActivityResponse(UUID id, String type, String subject, OffsetDateTime plannedStart) {
    }

    record OverdueContactResponse(UUID companyId, String companyName, UUID ownerId, LocalDate lastContact,
            boolean neverContacted, int cadenceDays, String basis, int daysOverdue, NextActivityResponse nextPlanned) {
    }

    @GetMapping("/api/v1/activities/overdue-contacts")
    @Operation(summary = "A page of the companies overdue for a contact that the caller may see",
            description = "Overdue: the last contact (actual start of the latest done activity, else the day the "
                    + "company was created) lies more days back than its cadence. The most overdue first; sortable "
                    + "by daysOverdue, companyName, lastContact. ownerId narrows to one owner's companies.")
    PageResponse<OverdueContactResponse> overdue(@RequestParam(required = false) UUID ownerId,
            @ParameterObject Pageable pageable) {
        return cadences.overdue(ownerId, pageable).map(this::response);
    }

    @GetMapping("/api/v1/companies/{id}/contact-cadence")
    @Operation(summary = "A company's contact cadence, its basis, the last contact; the version as ETag")
    ResponseEntity<CadenceResponse> cadence(@PathVariable UUID id) {
        CompanyCadence cadence = cadences.cadence(new CompanyId(id));
        return ResponseEntity.ok().eTag(Versions.etag(cadence.version())).body(CadenceResponse.of(cadence));
    }

    @PutMapping("/api/v1/companies/{id}/contact-cadence")
    @Operation(summary = "Set an individual cadence in days (1–365), or null for the default; with a reason",
            description = "Needs If-Match or version (0 before anyone set it). The company's owner, a head, the "
                    + "director or an admin; others 403.")
    ResponseEntity<CadenceResponse> change(@PathVariable UUID id,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody CadenceRequest request) {
        CompanyCadence cadence = cadences.change(new CompanyId(id), request.days(), request.reason(),
                Versions.expected(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(Versions.etag(cadence.version())).body(CadenceResponse.of(cadence));
    }

    private OverdueContactResponse response(OverdueContact overdue) {
        OverdueContact.NextActivity next = overdue.nextPlanned();
        return new OverdueContactResponse(overdue.companyId(), overdue.companyName(), overdue.ownerId(),
                overdue.lastContact(), overdue.neverContacted(), overdue.cadence().days(), overdue.cadence().basis(),
                overdue.daysOverdue(), next == null ? null : new NextActivityResponse(next.id(), next.type().name(),
                        next.subject(), next.plannedStart().atZone(activities.zone()).toOffsetDateTime()));
    }
}
