package org.clientela.orders.api;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.orders.internal.OrderReturnService;
import org.clientela.orders.internal.OrderReturnService.NewReturn;
import org.clientela.orders.internal.OrderReturnService.ReturnLineInput;
import org.clientela.orders.internal.OrderReturnService.ReturnView;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Returns of shipped orders (O4). */
@RestController
@RequestMapping("/api/v1/orders/{id}/returns")
@Tag(name = "Order returns", description = "What a client sent back of a shipped, delivered or closed order (O4); "
        + "costAmount only for HEAD, DIRECTOR, ADMIN")
class OrderReturnController {

    private final OrderReturnService returns;

    OrderReturnController(OrderReturnService returns) {
        this.returns = returns;
    }

    record LineRequest(String lineId, BigDecimal quantity) {
    }

    record ReturnRequest(String date, String reason, String note, List<LineRequest> lines) {

        NewReturn toNewReturn() {
            return new NewReturn(date, reason, note, lines == null ? null : lines.stream()
                    .map(line -> line == null ? null : new ReturnLineInput(line.lineId(), line.quantity())).toList());
        }
    }

    @GetMapping
    @Operation(summary = "The order's returns, in the order they were registered")
    List<ReturnView> list(@PathVariable UUID id) {
        return returns.returns(id);
    }

    @GetMapping("/{returnId}")
    @Operation(summary = "One return of the order")
    ReturnView one(@PathVariable UUID id, @PathVariable UUID returnId) {
        return returns.returns(id).stream().filter(registered -> registered.id().equals(returnId)).findFirst()
                .orElseThrow(() -> new RecordNotFoundException("OrderReturn", returnId));
    }

    @PostMapping
    @Operation(summary = "Register a return",
            description = "date: YYYY-MM-DD, today by default, not in the future nor before the order's date; reason: "
                    + "DEFECT, WRONG_ITEM, DAMAGED_IN_TRANSIT, CLIENT_REFUSED or OTHER (then a note is required); "
                    + "lines: lineId of the order's line and quantity, more than 0 and at most what was ordered less "
                    + "what came back already. Amounts without VAT: the line's unit price × the quantity (× the "
                    + "billable m² of a glass unit), rounded half-up to kopecks. By the owner manager, head, director.")
    ResponseEntity<ReturnView> register(@PathVariable UUID id, @RequestBody ReturnRequest request) {
        ReturnView registered = returns.register(id, request.toNewReturn());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + id + "/returns/" + registered.id()))
                .body(registered);
    }
}
