package org.clientela.orders.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.credit.CreditDecision;
import org.clientela.orders.OrderStatus;
import org.clientela.orders.internal.LineInput;
import org.clientela.orders.internal.NewOrder;
import org.clientela.orders.internal.OrderLineView;
import org.clientela.orders.internal.OrderQueries;
import org.clientela.orders.internal.OrderQueries.OrderFilter;
import org.clientela.orders.internal.OrderQueries.OrderSummary;
import org.clientela.orders.internal.OrderService;
import org.clientela.orders.internal.OrderView;
import org.clientela.platform.ApiProblems;
import org.clientela.platform.IdempotentRequests;
import org.clientela.platform.Versions;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.PageResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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

/** Orders: taking them, their lines while drafts, the credit check, invoicing, production and delivery. */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Orders (O2) with the credit check on confirmation (O3); "
        + "costTotal and margin only for HEAD, DIRECTOR, ADMIN")
class OrderController {

    /** The problem types of a confirmation the credit rule held, one per reason. */
    static final String PROBLEM_TYPES = "https://clientela.dev/problems/";

    private final OrderService orders;
    private final OrderQueries queries;
    private final IdempotentRequests idempotent;
    private final ApiProblems problems;

    OrderController(OrderService orders, OrderQueries queries, IdempotentRequests idempotent, ApiProblems problems) {
        this.orders = orders;
        this.queries = queries;
        this.idempotent = idempotent;
        this.problems = problems;
    }

    record LineRequest(String productId, BigDecimal quantity, BigDecimal width, BigDecimal height,
            BigDecimal discountPercent, Long version) {

        LineInput toInput() {
            return new LineInput(productId, quantity, width, height, discountPercent);
        }
    }

    record CreateOrderRequest(String companyId, String contactId, Boolean informClient, String orderDate,
            List<LineRequest> lines) {

        NewOrder toNewOrder() {
            return new NewOrder(companyId, contactId, informClient, date("orderDate", orderDate),
                    lines == null ? null : lines.stream().map(line -> line == null ? null : line.toInput()).toList());
        }
    }

    record ContactRequest(String contactId, Boolean informClient, Long version) {
    }

    record ReasonRequest(String reason) {
    }

    record StatusRequest(String status, String note) {
    }

    record NoteRequest(String note) {
    }

    record VersionRequest(Long version) {
    }

    @GetMapping
    @Operation(summary = "A page of the orders one may see",
            description = "companyId; status (DRAFT, CREDIT_HOLD, CONFIRMED, IN_PRODUCTION, READY, SHIPPED, DELIVERED, "
                    + "CLOSED, CANCELLED); from, to: order dates YYYY-MM-DD, inclusive. "
                    + "Sortable by orderDate, number, total, status, company.")
    PageResponse<OrderSummary> list(@RequestParam(required = false) UUID companyId,
            @RequestParam(required = false) OrderStatus status, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @ParameterObject Pageable pageable) {
        return queries.list(new OrderFilter(companyId, status, from, to), pageable);
    }

    @PostMapping
    @Operation(summary = "Take an order as a draft",
            description = "lines: productId, quantity, width and height in metres (glass units), discountPercent "
                    + "off the client's price; contactId: the client's person to inform; orderDate: today by "
                    + "default, an earlier day only for HEAD, DIRECTOR, ADMIN. Send an Idempotency-Key to retry "
                    + "safely: the same key answers the first answer and creates nothing more.")
    ResponseEntity<OrderView> create(
            @Parameter(description = "Any unique string per order, e.g. a UUID")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @RequestBody CreateOrderRequest request) {
        return idempotent.once(key, "orders.create", request, OrderView.class, () -> {
            OrderView created = orders.create(request.toNewOrder());
            return ResponseEntity.created(URI.create("/api/v1/orders/" + created.id()))
                    .eTag(Versions.etag(created.version())).body(created);
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "One order with its lines; its version is the ETag")
    ResponseEntity<OrderView> order(@PathVariable UUID id) {
        return withTag(queries.order(id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change whom of the client's people the order informs by mail, and whether",
            description = "contactId empty: nobody. Needs If-Match or version.")
    ResponseEntity<OrderView> changeContact(@PathVariable UUID id,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody ContactRequest request) {
        return withTag(orders.changeContact(id, Versions.expected(ifMatch, request.version()), request.contactId(),
                request.informClient() == null || request.informClient()));
    }

    @GetMapping("/{id}/lines")
    @Operation(summary = "The order's lines with the reasons for each price")
    ResponseEntity<List<OrderLineView>> lines(@PathVariable UUID id) {
        OrderView order = queries.order(id);
        return ResponseEntity.ok().eTag(Versions.etag(order.version())).body(order.lines());
    }

    @PostMapping("/{id}/lines")
    @Operation(summary = "Add a line to a draft; needs the order's If-Match or version; answers the order")
    ResponseEntity<OrderView> addLine(@PathVariable UUID id,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody LineRequest request) {
        OrderView order = orders.addLine(id, Versions.expected(ifMatch, request.version()), request.toInput());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + id + "/lines/"
                + order.lines().get(order.lines().size() - 1).id())).eTag(Versions.etag(order.version())).body(order);
    }

    @PutMapping("/{id}/lines/{lineId}")
    @Operation(summary = "Change a line of a draft, priced anew; needs the order's If-Match or version")
    ResponseEntity<OrderView> changeLine(@PathVariable UUID id, @PathVariable UUID lineId,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody LineRequest request) {
        return withTag(orders.changeLine(id, lineId, Versions.expected(ifMatch, request.version()),
                request.toInput()));
    }

    @DeleteMapping("/{id}/lines/{lineId}")
    @Operation(summary = "Remove a line of a draft; needs the order's If-Match (or ?version=)")
    ResponseEntity<OrderView> removeLine(@PathVariable UUID id, @PathVariable UUID lineId,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) Long version) {
        return withTag(orders.removeLine(id, lineId, Versions.expected(ifMatch, version)));
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "Confirm a draft under the credit rule",
            description = "Allowed: 200 with the confirmed order. Otherwise the order stays on CREDIT_HOLD and the "
                    + "answer is 409 whose type names the reason: " + PROBLEM_TYPES + "credit-no-limit, "
                    + "credit-limit-exceeded, credit-overdue; with creditLimit, exposure and orderTotal. "
                    + "An optional If-Match or version is checked.")
    ResponseEntity<?> confirm(@PathVariable UUID id,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) VersionRequest request) {
        Long version = ifMatch == null && (request == null || request.version() == null) ? null
                : Versions.expected(ifMatch, request == null ? null : request.version());
        OrderService.Confirmation confirmation = orders.confirm(id, version);
        if (confirmation.decision().allowed()) {
            return withTag(confirmation.order());
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(ApiProblems.PROBLEM_JSON)
                .eTag(Versions.etag(confirmation.order().version()))
                .body(creditHeld(confirmation.order(), confirmation.decision()));
    }

    @PostMapping("/{id}/approve-credit")
    @Operation(summary = "Confirm a held order all the same (CREDIT_CONTROLLER, HEAD, DIRECTOR); reason required")
    ResponseEntity<OrderView> approveCredit(@PathVariable UUID id, @RequestBody ReasonRequest request) {
        return withTag(orders.approveCredit(id, request.reason()));
    }

    @PostMapping("/{id}/reject-credit")
    @Operation(summary = "Send a held order back to a draft (CREDIT_CONTROLLER, HEAD, DIRECTOR); reason required")
    ResponseEntity<OrderView> rejectCredit(@PathVariable UUID id, @RequestBody ReasonRequest request) {
        return withTag(orders.rejectCredit(id, request.reason()));
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "The next step: IN_PRODUCTION, READY, SHIPPED, DELIVERED (also PRODUCTION), CLOSED",
            description = "Only the step after the current status; others answer 409. Shipping invoices an order "
                    + "not invoiced yet. The order's contact is e-mailed of each step but closing.")
    ResponseEntity<OrderView> changeStatus(@PathVariable UUID id, @RequestBody StatusRequest request) {
        return withTag(orders.changeStatus(id, request.status(), request.note()));
    }

    @PostMapping("/{id}/problem")
    @Operation(summary = "Tell the order's contact of a problem (a delay, a defect); note required")
    ResponseEntity<OrderView> reportProblem(@PathVariable UUID id, @RequestBody NoteRequest request) {
        orders.reportProblem(id, request.note());
        return withTag(queries.order(id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an order not yet shipped nor invoiced; reason required")
    ResponseEntity<OrderView> cancel(@PathVariable UUID id, @RequestBody ReasonRequest request) {
        return withTag(orders.cancel(id, request.reason()));
    }

    @PostMapping("/{id}/invoice")
    @Operation(summary = "Invoice a confirmed order, once: the invoice's amount is the order's total with VAT")
    ResponseEntity<OrderView> invoice(@PathVariable UUID id) {
        return withTag(orders.invoice(id));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The order's steps, credit decisions and problems reported, oldest first")
    List<OrderQueries.StatusChange> history(@PathVariable UUID id) {
        return queries.history(id);
    }

    @GetMapping("/{id}/suggestions")
    @Operation(summary = "Assortment groups the client bought in the year before the last three months, not since")
    List<OrderQueries.Suggestion> suggestions(@PathVariable UUID id) {
        return queries.suggestions(id);
    }

    private ProblemDetail creditHeld(OrderView order, CreditDecision decision) {
        String reason = decision.holdReason().name();
        BigDecimal limit = decision.limit() == null ? null : decision.limit().amount();
        ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, "orders.credit.held." + reason, order.number(),
                limit, decision.exposure().amount(), order.total());
        problem.setType(URI.create(PROBLEM_TYPES + "credit-" + reason.toLowerCase().replace('_', '-')));
        problem.setTitle(problems.message("orders.credit.held.title"));
        problem.setInstance(URI.create("/api/v1/orders/" + order.id() + "/confirm"));
        problem.setProperty("orderId", order.id());
        problem.setProperty("orderStatus", order.status());
        problem.setProperty("reason", reason);
        if (limit != null) {
            problem.setProperty("creditLimit", limit);
        }
        problem.setProperty("exposure", decision.exposure().amount());
        problem.setProperty("orderTotal", order.total());
        problem.setProperty("currency", order.currency());
        return problem;
    }

    private static ResponseEntity<OrderView> withTag(OrderView order) {
        return ResponseEntity.ok().eTag(Versions.etag(order.version())).body(order);
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "orders.date.invalid", text);
        }
    }
}
