package org.clientela.keyaccounts.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.clientela.keyaccounts.internal.AccountPlan;
import org.clientela.keyaccounts.internal.AccountPlan.Action;
import org.clientela.keyaccounts.internal.AccountPlan.ActionStatus;
import org.clientela.keyaccounts.internal.AccountPlan.Goals;
import org.clientela.keyaccounts.internal.AccountPlan.GroupRef;
import org.clientela.keyaccounts.internal.AccountPlan.Review;
import org.clientela.keyaccounts.internal.AccountPlan.Status;
import org.clientela.keyaccounts.internal.AccountPlans;
import org.clientela.keyaccounts.internal.AccountPlans.ActionInput;
import org.clientela.platform.Versions;
import org.clientela.shared.InputErrors;
import org.clientela.shared.PageResponse;
import org.clientela.shared.TypedNumber;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** The cooperation plans of the key accounts (K3): goals, execution, actions, quarterly reviews. */
@RestController
@RequestMapping(AccountPlanController.PATH)
@Tag(name = "Account plans", description = "A key account's cooperation plan for a year: goals, execution from the "
        + "sales facts, actions with owners and deadlines, approval by the head, quarterly reviews")
class AccountPlanController {

    static final String PATH = "/api/v1/account-plans";
    private static final String RUB = "RUB";

    private final AccountPlans plans;

    AccountPlanController(AccountPlans plans) {
        this.plans = plans;
    }

    /** Amounts in roubles, shares in percent; every goal optional in a draft. */
    record CreateRequest(UUID companyId, Integer year, BigDecimal revenueGoal, BigDecimal marginGoal,
            String assortmentGoal, List<UUID> assortmentGroupIds, BigDecimal shareOfWalletGoal,
            BigDecimal shareOfWalletNow) {
    }

    record VersionRequest(Long version) {
    }

    record ReopenRequest(Long version, String reason) {
    }

    record ActionRequest(String title, UUID ownerId, LocalDate deadline, String note) {
    }

    record ReviewRequest(String comment, Long version) {
    }

    record UserRef(UUID id, String fullName) {

        static UserRef of(UUID id, String fullName) {
            return id == null ? null : new UserRef(id, fullName);
        }
    }

    record CompanyRef(UUID id, String name) {
    }

    /** {@code margin} and {@code marginPercent} only for those who may see margins; percents to one decimal. */
    record ExecutionResponse(LocalDate asOf, BigDecimal elapsedPercent, BigDecimal revenue, BigDecimal revenuePercent,
            Boolean revenueOnTrack, BigDecimal margin, BigDecimal marginPercent, String currency) {
    }

    /** {@code overdue}: the deadline passed and it is neither done nor dropped. */
    record ActionResponse(UUID id, String title, UserRef owner, LocalDate deadline, ActionStatus status,
            LocalDate doneOn, String note, boolean overdue, long version) {

        static ActionResponse of(Action action) {
            return new ActionResponse(action.id(), action.title(), UserRef.of(action.ownerId(), action.ownerName()),
                    action.deadline(), action.status(), action.doneOn(), action.note(), action.overdue(),
                    action.version());
        }
    }

    record ReviewResponse(int quarter, String comment, String writtenBy, Instant writtenAt, long version) {

        static ReviewResponse of(Review review) {
            return new ReviewResponse(review.quarter(), review.comment(), review.writtenBy(), review.writtenAt(),
                    review.version());
        }
    }

    /** {@code marginGoal} only for those who may see margins. */
    record PlanResponse(UUID id, CompanyRef company, UserRef kam, int year, Status status, BigDecimal revenueGoal,
            BigDecimal marginGoal, String assortmentGoal, List<GroupRef> assortmentGroups,
            BigDecimal shareOfWalletGoal, BigDecimal shareOfWalletNow, String currency, String approvedBy,
            Instant approvedAt, ExecutionResponse execution, long overdueActions, List<ActionResponse> actions,
            List<ReviewResponse> reviews, long version) {

        static PlanResponse of(AccountPlan plan) {
            Goals goals = plan.goals();
            AccountPlan.Execution execution = plan.execution();
            return new PlanResponse(plan.id(), new CompanyRef(plan.companyId(), plan.companyName()),
                    UserRef.of(plan.kamId(), plan.kamName()), plan.year(), plan.status(), goals.revenue(),
                    goals.margin(), goals.assortment(), plan.assortmentGroups(), goals.shareOfWallet(),
                    goals.shareOfWalletNow(), RUB, plan.approvedBy(), plan.approvedAt(),
                    new ExecutionResponse(execution.asOf(), execution.elapsedPercent(), execution.revenue(),
                            execution.revenuePercent(), execution.revenueOnTrack().orElse(null), execution.margin(),
                            execution.marginPercent(), RUB),
                    plan.overdueActions(), plan.actions().stream().map(ActionResponse::of).toList(),
                    plan.reviews().stream().map(ReviewResponse::of).toList(), plan.version());
        }
    }

    record ListRowResponse(UUID id, CompanyRef company, int year, Status status, UserRef kam, BigDecimal revenueGoal,
            BigDecimal revenue, BigDecimal revenuePercent, BigDecimal elapsedPercent, int overdueActions,
            String currency, long version) {

        static ListRowResponse of(AccountPlans.Row row) {
            return new ListRowResponse(row.id(), new CompanyRef(row.companyId(), row.companyName()), row.year(),
                    row.status(), UserRef.of(row.kamId(), row.kamName()), row.revenueGoal(), row.revenue(),
                    row.revenuePercent(), row.elapsedPercent(), row.overdueActions(), RUB, row.version());
        }
    }

    @GetMapping
    @Operation(summary = "The account plans one may see, with revenue execution and overdue actions",
            description = "Filters: year, status (DRAFT, APPROVED), kamId; sort: year, name (default year desc, name).")
    PageResponse<ListRowResponse> list(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) Status status, @RequestParam(required = false) UUID kamId,
            @ParameterObject Pageable pageable) {
        return plans.list(new AccountPlans.Filter(year, status, kamId), pageable).map(ListRowResponse::of);
    }

    @PostMapping
    @Operation(summary = "A new draft plan of a key account for a year (KAM, owner, head, director)",
            description = "404 for a company one may not see; 409 for a company that is not a key account now, or "
                    + "a year that already has a plan; the margin goal only by those who may see margins (else 403).")
    ResponseEntity<PlanResponse> create(@RequestBody CreateRequest request) {
        AccountPlan plan = plans.create(request.companyId(), request.year(), new Goals(request.revenueGoal(),
                request.marginGoal(), request.assortmentGoal(), request.assortmentGroupIds(),
                request.shareOfWalletGoal(), request.shareOfWalletNow()));
        return ResponseEntity.created(URI.create(PATH + "/" + plan.id())).eTag(Versions.etag(plan.version()))
                .body(PlanResponse.of(plan));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One plan with its execution, actions and reviews; its version is the ETag")
    ResponseEntity<PlanResponse> get(@PathVariable UUID id) {
        return respond(plans.plan(id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change the goals of a draft (KAM, owner, head, director); If-Match or version",
            description = "Fields given replace the stored ones (null clears a goal), fields left out stay: "
                    + "revenueGoal, marginGoal, assortmentGoal, assortmentGroupIds, shareOfWalletGoal, "
                    + "shareOfWalletNow. 409 for an approved plan or another version.")
    ResponseEntity<PlanResponse> update(@PathVariable UUID id,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch, @RequestBody JsonNode body) {
        long expected = Versions.expected(ifMatch, version(body));
        Goals current = plans.plan(id).goals();
        InputErrors errors = new InputErrors();
        Goals goals = new Goals(decimal(errors, body, "revenueGoal", current.revenue()),
                decimal(errors, body, "marginGoal", current.margin()),
                field(errors, body, "assortmentGoal", current.assortment(), JsonNode::asString),
                field(errors, body, "assortmentGroupIds", current.assortmentGroupIds(), AccountPlanController::ids),
                decimal(errors, body, "shareOfWalletGoal", current.shareOfWallet()),
                decimal(errors, body, "shareOfWalletNow", current.shareOfWalletNow()));
        errors.throwIfAny();
        return respond(plans.update(id, expected, goals));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve the plan (head or director); it needs a revenue goal")
    ResponseEntity<PlanResponse> approve(@PathVariable UUID id,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) VersionRequest request) {
        return respond(plans.approve(id, Versions.expected(ifMatch, request == null ? null : request.version())));
    }

    @PostMapping("/{id}/reopen")
    @Operation(summary = "Put an approved plan back to a draft (head or director), with the reason")
    ResponseEntity<PlanResponse> reopen(@PathVariable UUID id,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody ReopenRequest request) {
        return respond(plans.reopen(id, Versions.expected(ifMatch, request.version()), request.reason()));
    }

    @PostMapping("/{id}/actions")
    @Operation(summary = "A new open action of a draft plan (KAM, owner, head, director)",
            description = "Title, owner (a user of the department) and deadline required. The plan's version moves on.")
    ResponseEntity<ActionResponse> addAction(@PathVariable UUID id, @RequestBody ActionRequest request) {
        Action action = plans.addAction(id, new ActionInput(request.title(), request.ownerId(), request.deadline(),
                null, request.note()));
        return ResponseEntity.created(URI.create(PATH + "/" + id + "/actions/" + action.id()))
                .eTag(Versions.etag(action.version())).body(ActionResponse.of(action));
    }

    @PatchMapping("/{id}/actions/{actionId}")
    @Operation(summary = "Change an action: status (OPEN, IN_PROGRESS, DONE, DROPPED) and note in any plan; "
            + "title, ownerId, deadline only in a draft; If-Match or version of the action")
    ResponseEntity<ActionResponse> updateAction(@PathVariable UUID id, @PathVariable UUID actionId,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch, @RequestBody JsonNode body) {
        long expected = Versions.expected(ifMatch, version(body));
        Action current = plans.action(id, actionId);
        InputErrors errors = new InputErrors();
        ActionInput input = new ActionInput(field(errors, body, "title", current.title(), JsonNode::asString),
                field(errors, body, "ownerId", current.ownerId(), node -> UUID.fromString(node.asString())),
                field(errors, body, "deadline", current.deadline(), node -> LocalDate.parse(node.asString())),
                field(errors, body, "status", current.status(), node -> ActionStatus.valueOf(node.asString())),
                field(errors, body, "note", current.note(), JsonNode::asString));
        errors.throwIfAny();
        Action action = plans.updateAction(id, actionId, expected, input);
        return ResponseEntity.ok().eTag(Versions.etag(action.version())).body(ActionResponse.of(action));
    }

    @PutMapping("/{id}/reviews/{quarter}")
    @Operation(summary = "Write or rewrite the review of a quarter 1–4 (head, director, KAM)",
            description = "Version 0 for a quarter without a review yet, else the review's version (If-Match or body).")
    ResponseEntity<ReviewResponse> review(@PathVariable UUID id, @PathVariable int quarter,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody ReviewRequest request) {
        Review review = plans.review(id, quarter, Versions.expected(ifMatch, request.version()), request.comment());
        return ResponseEntity.ok().eTag(Versions.etag(review.version())).body(ReviewResponse.of(review));
    }

    private static ResponseEntity<PlanResponse> respond(AccountPlan plan) {
        return ResponseEntity.ok().eTag(Versions.etag(plan.version())).body(PlanResponse.of(plan));
    }

    private static Long version(JsonNode body) {
        JsonNode version = body.get("version");
        return version == null || !version.isIntegralNumber() ? null : version.asLong();
    }

    /** A money or percent field: a JSON number, or a number as a Russian types it («1 200 000,50»). */
    private static BigDecimal decimal(InputErrors errors, JsonNode body, String name, BigDecimal current) {
        return field(errors, body, name, current,
                node -> node.isNumber() ? node.decimalValue() : TypedNumber.parse(node.asString()));
    }

    /** The field's new value, {@code null} for a JSON null, {@code current} when left out; a bad one recorded. */
    private static <T> T field(InputErrors errors, JsonNode body, String name, T current, Function<JsonNode, T> read) {
        JsonNode node = body.get(name);
        if (node == null) {
            return current;
        }
        if (node.isNull()) {
            return null;
        }
        try {
            if (node.isObject()) {
                throw new IllegalArgumentException(name);
            }
            return read.apply(node);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(name, "keyaccounts.plan.error.value");
            return null;
        }
    }

    private static List<UUID> ids(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("not a list");
        }
        List<UUID> ids = new ArrayList<>();
        node.forEach(element -> ids.add(UUID.fromString(element.asString())));
        return ids;
    }
}
