package org.clientela.clients.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.clients.TimelineEvent;
import org.clientela.clients.internal.CompanyTimeline;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A company's timeline through the API. */
@RestController
@Tag(name = "Companies", description = "The client base: companies within the caller's access")
class TimelineController {

    private final CompanyTimeline timeline;

    TimelineController(CompanyTimeline timeline) {
        this.timeline = timeline;
    }

    /** @param events the newest first */
    record TimelineResponse(UUID companyId, LocalDate from, LocalDate to, List<TimelineEvent> events) {
    }

    @GetMapping("/api/v1/companies/{id}/timeline")
    @Operation(summary = "What happened with the company (and what is planned), the newest first",
            description = "Activities, order status changes, invoices, payments and changes of the company. "
                    + "from/to: days (YYYY-MM-DD, the department's zone), both inclusive; by default the last "
                    + "year and the month ahead; at most three years.")
    TimelineResponse timeline(@PathVariable UUID id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        CompanyTimeline.Window window = timeline.window(from, to);
        return new TimelineResponse(id, window.from(), window.to(), timeline.events(new CompanyId(id), window));
    }
}
