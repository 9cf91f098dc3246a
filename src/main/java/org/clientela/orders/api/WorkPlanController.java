package org.clientela.orders.api;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.orders.internal.WorkPlanService;
import org.clientela.orders.internal.WorkPlanView;
import org.clientela.orders.internal.WorkPlanView.StepInput;
import org.clientela.platform.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An order's work plan (A5): its steps with due dates, each done or with a problem the client is told of. */
@RestController
@RequestMapping("/api/v1/orders/{id}/work-plan")
@Tag(name = "Order work plans", description = "The steps of a confirmed order with due dates (A5); "
        + "the client's contact is e-mailed of steps done and of problems")
class WorkPlanController {

    private final WorkPlanService plans;

    WorkPlanController(WorkPlanService plans) {
        this.plans = plans;
    }

    record PlanRequest(Long version, List<StepInput> steps) {
    }

    record DoneRequest(String date, Long version) {
    }

    record ProblemRequest(String text, Boolean notifyClient, Long version) {
    }

    /** A step's change: the plan after it, and whether the client was written to ({@code clientNotice}). */
    record StepChangeResponse(UUID stepId, WorkPlanView.ClientNotice clientNotice, WorkPlanView plan) {

        static StepChangeResponse of(WorkPlanView.StepChange change) {
            return new StepChangeResponse(change.stepId(), change.notice(), change.plan());
        }
    }

    @GetMapping
    @Operation(summary = "The order's work plan, or the proposed one while none is saved (saved: false, version 0)",
            description = "Only for confirmed orders and later (a draft or a held order: 409). status of a step: "
                    + "PLANNED, DONE, PROBLEM, or LATE for a step not done past its due date; overdue also for a "
                    + "step with a problem. The plan's version is the ETag.")
    ResponseEntity<WorkPlanView> plan(@PathVariable UUID id) {
        return withTag(plans.plan(id));
    }

    @PutMapping
    @Operation(summary = "Replace the plan's steps, in their order",
            description = "steps: id (a step kept, with its state; none for a new one), title, dueDate YYYY-MM-DD "
                    + "(not before the order's date), informClient (the client is e-mailed when the step is done). "
                    + "Steps not named are removed. Needs If-Match or version: 0 for the first save.")
    ResponseEntity<WorkPlanView> replace(@PathVariable UUID id,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody PlanRequest request) {
        return withTag(plans.replace(id, Versions.expected(ifMatch, request.version()), request.steps()));
    }

    @PostMapping("/steps/{stepId}/done")
    @Operation(summary = "Mark a step done",
            description = "date: the day it was done, YYYY-MM-DD, today by default; not before the order's date nor "
                    + "after today. A step the client is told of e-mails the order's contact (clientNotice). "
                    + "An optional If-Match or version is checked.")
    ResponseEntity<StepChangeResponse> done(@PathVariable UUID id, @PathVariable UUID stepId,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) DoneRequest request) {
        Long version = optionalVersion(ifMatch, request == null ? null : request.version());
        return withTag(StepChangeResponse.of(plans.done(id, stepId, version, request == null ? null : request.date())));
    }

    @PostMapping("/steps/{stepId}/problem")
    @Operation(summary = "Report a problem on a step not done",
            description = "text required; notifyClient (true by default) e-mails the order's contact; clientNotice "
                    + "says whether it went: SENT, NOT_REQUESTED, ORDER_NOT_INFORMING, NO_ADDRESS. "
                    + "An optional If-Match or version is checked.")
    ResponseEntity<StepChangeResponse> problem(@PathVariable UUID id, @PathVariable UUID stepId,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody ProblemRequest request) {
        Long version = optionalVersion(ifMatch, request.version());
        return withTag(StepChangeResponse.of(plans.problem(id, stepId, version, request.text(),
                request.notifyClient() == null || request.notifyClient())));
    }

    private static Long optionalVersion(String ifMatch, Long bodyVersion) {
        return ifMatch == null && bodyVersion == null ? null : Versions.expected(ifMatch, bodyVersion);
    }

    private static ResponseEntity<WorkPlanView> withTag(WorkPlanView plan) {
        return ResponseEntity.ok().eTag(Versions.etag(plan.version())).body(plan);
    }

    private static ResponseEntity<StepChangeResponse> withTag(StepChangeResponse change) {
        return ResponseEntity.ok().eTag(Versions.etag(change.plan().version())).body(change);
    }
}
