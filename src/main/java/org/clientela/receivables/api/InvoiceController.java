package org.clientela.receivables.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.platform.IdempotentRequests;
import org.clientela.receivables.InvoiceView;
import org.clientela.receivables.internal.InvoiceDetail;
import org.clientela.receivables.internal.InvoiceInput;
import org.clientela.receivables.internal.InvoiceService;
import org.clientela.receivables.internal.InvoiceStatus;
import org.clientela.receivables.internal.Today;
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

/** Invoices of clients: issued for orders, entered by hand or from the accounting system. */
@RestController
@RequestMapping("/api/v1/invoices")
@Tag(name = "Invoices", description = "Invoices of clients and what is paid of them")
class InvoiceController {

    private final InvoiceService invoices;
    private final IdempotentRequests idempotent;
    private final Today today;

    InvoiceController(InvoiceService invoices, IdempotentRequests idempotent, Today today) {
        this.invoices = invoices;
        this.idempotent = idempotent;
        this.today = today;
    }

    /** An invoice to enter; amounts as JSON numbers or text. */
    @Schema(name = "InvoiceRequest")
    record InvoiceRequest(
            @Schema(description = "The client's id") String companyId,
            @Schema(description = "Blank: the next number of our series, e.g. СЧ-000124") String number,
            @Schema(description = "Not in the future", example = "2025-03-03") String issueDate,
            @Schema(description = "Blank: the issue date plus the client's payment terms") String dueDate,
            @Schema(description = "With VAT, in roubles", example = "120000.00") String amount,
            @Schema(description = "The VAT in the amount", example = "20000.00") String vatAmount) {

        InvoiceInput toInput() {
            return new InvoiceInput(companyId, number, issueDate, dueDate, amount, vatAmount);
        }
    }

    record PaymentShareResponse(UUID paymentId, LocalDate date, String reference, BigDecimal amount) {
    }

    /**
     * @param status      OPEN, OVERDUE (open and past its due date today) or PAID
     * @param daysOverdue today, 0 when not overdue
     * @param payments    the payments that paid it (left out of lists)
     */
    record InvoiceResponse(UUID id, String number, UUID companyId, String companyName, UUID orderId,
            LocalDate issueDate, LocalDate dueDate, BigDecimal amount, BigDecimal vatAmount, BigDecimal paidAmount,
            BigDecimal outstanding, LocalDate settledOn, String status, long daysOverdue, String source,
            String currency, List<PaymentShareResponse> payments) {

        static InvoiceResponse of(InvoiceDetail detail, LocalDate today) {
            InvoiceView invoice = detail.invoice();
            long daysOverdue = detail.daysOverdue(today);
            String status = invoice.settledOn() != null ? "PAID" : daysOverdue > 0 ? "OVERDUE" : "OPEN";
            return new InvoiceResponse(invoice.id(), invoice.number(), invoice.companyId(), detail.companyName(),
                    invoice.orderId(), invoice.issueDate(), invoice.dueDate(), invoice.amount(), invoice.vatAmount(),
                    invoice.paidAmount(), invoice.outstanding(), invoice.settledOn(), status, daysOverdue,
                    invoice.source(), Money.RUB.getCurrencyCode(), detail.payments() == null ? null
                            : detail.payments().stream().map(payment -> new PaymentShareResponse(payment.paymentId(),
                                    payment.date(), payment.reference(), payment.amount())).toList());
        }
    }

    @GetMapping
    @Operation(summary = "A page of the invoices of the clients one may see, the latest first",
            description = "companyId: one client's; status: open, overdue or paid; from, to: issue dates "
                    + "(inclusive). Sortable by issueDate, dueDate, number, amount.")
    PageResponse<InvoiceResponse> list(@RequestParam(required = false) UUID companyId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @ParameterObject Pageable pageable) {
        LocalDate day = today.date();
        return invoices.list(companyId, InvoiceStatus.of(status), from, to, pageable)
                .map(invoice -> InvoiceResponse.of(invoice, day));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An invoice with the payments that paid it")
    InvoiceResponse invoice(@PathVariable UUID id) {
        return InvoiceResponse.of(invoices.detail(id), today.date());
    }

    @PostMapping
    @Operation(summary = "Enter an invoice by hand or from the accounting system "
            + "(CREDIT_CONTROLLER, HEAD, DIRECTOR, ADMIN)",
            description = "A number already taken answers 409. A client with credit (unallocated payments) has "
                    + "the invoice paid from it at once, oldest payments first. An Idempotency-Key makes a retry "
                    + "safe.")
    ResponseEntity<InvoiceResponse> enter(@RequestBody InvoiceRequest request,
            @Parameter(description = "A key of your own for this invoice, e.g. a UUID")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        return idempotent.once(key, "invoices.create", request, InvoiceResponse.class, () -> {
            InvoiceView invoice = invoices.enter(request.toInput());
            return ResponseEntity.created(URI.create("/api/v1/invoices/" + invoice.id()))
                    .body(InvoiceResponse.of(invoices.detail(invoice.id()), today.date()));
        });
    }
}
