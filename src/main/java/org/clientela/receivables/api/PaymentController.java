package org.clientela.receivables.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.platform.IdempotentRequests;
import org.clientela.receivables.internal.PaymentInput;
import org.clientela.receivables.internal.PaymentService;
import org.clientela.receivables.internal.PaymentView;
import org.clientela.shared.Money;
import org.clientela.shared.PageResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payments of clients and the invoices each one paid. */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments", description = "Payments of clients, allocated to their invoices")
class PaymentController {

    private final PaymentService payments;
    private final IdempotentRequests idempotent;

    PaymentController(PaymentService payments, IdempotentRequests idempotent) {
        this.payments = payments;
        this.idempotent = idempotent;
    }

    /** A payment to record; amounts as JSON numbers or text («12 500,50»). */
    @Schema(name = "PaymentRequest")
    record PaymentRequest(
            @Schema(description = "The client's id") String companyId,
            @Schema(description = "The payment date, not in the future", example = "2025-03-31") String date,
            @Schema(description = "In roubles, more than 0, at most 2 decimals", example = "12500.50") String amount,
            @Schema(description = "RUB only (the default)", example = "RUB") String currency,
            @Schema(description = "The payment order's number", example = "5731") String reference,
            @Schema(example = "Оплата по счёту СЧ-000123 от 03.03.2025, в т. ч. НДС") String purpose,
            @Schema(description = "The invoice paid; else one the purpose names, else the oldest ones")
            String invoiceNumber,
            @Schema(description = "A prepayment: what exceeds the client's debt stays as its credit") Boolean advance) {

        PaymentInput toInput() {
            return new PaymentInput(companyId, date, amount, currency,
                    reference, purpose, invoiceNumber, advance);
        }
    }

    record AllocationResponse(UUID invoiceId, String invoiceNumber, BigDecimal amount) {
    }

    /**
     * @param unallocated what the payment did not pay of invoices: the client's credit
     * @param allocations the invoices it paid (left out of lists)
     */
    record PaymentResponse(UUID id, UUID companyId, LocalDate date, BigDecimal amount, BigDecimal unallocated,
            String currency, String reference, String purpose, String source, Instant createdAt,
            List<AllocationResponse> allocations) {

        static PaymentResponse of(PaymentView payment) {
            return new PaymentResponse(payment.id(), payment.companyId(), payment.date(), payment.amount(),
                    payment.unallocated(), Money.RUB.getCurrencyCode(), payment.reference(), payment.purpose(),
                    payment.source(), payment.createdAt(), payment.allocations() == null ? null
                            : payment.allocations().stream().map(allocation -> new AllocationResponse(
                                    allocation.invoiceId(), allocation.invoiceNumber(), allocation.amount())).toList());
        }
    }

    @PostMapping
    @Operation(summary = "Record a client's payment and allocate it to the client's invoices",
            description = """
                    Allocated in the same transaction: to the invoice named by `invoiceNumber` (or whose number the \
                    purpose mentions), then to the others oldest first (by due date, issue date, number); what is \
                    left stays unallocated, the client's credit, which pays the client's next invoices. A payment \
                    larger than all the client's debts is refused at `amount` unless `advance` is true. For the \
                    credit controller, head, director, administrator and the client's manager; a company one may \
                    not see answers 404. Send an `Idempotency-Key` to retry safely: the same key answers the \
                    first answer and records nothing twice.""")
    ResponseEntity<PaymentResponse> record(@RequestBody PaymentRequest request,
            @Parameter(description = "A key of your own for this payment, e.g. a UUID")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        return idempotent.once(key, "payments.create", request, PaymentResponse.class, () -> {
            PaymentView payment = payments.record(request.toInput(), PaymentService.Source.API);
            return ResponseEntity.created(URI.create("/api/v1/payments/" + payment.id()))
                    .body(PaymentResponse.of(payment));
        });
    }

    @GetMapping
    @Operation(summary = "A page of the payments of the clients one may see, the latest first",
            description = "companyId: one client's; from, to: payment dates (inclusive). Sortable by date, amount, "
                    + "createdAt.")
    PageResponse<PaymentResponse> list(@RequestParam(required = false) UUID companyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @ParameterObject Pageable pageable) {
        return payments.list(companyId, from, to, pageable).map(PaymentResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A payment with the invoices it paid")
    PaymentResponse payment(@PathVariable UUID id) {
        return PaymentResponse.of(payments.payment(id));
    }
}
