package org.clientela.receivables.collection;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.platform.IdempotentRequests;
import org.clientela.shared.Money;
import org.clientela.shared.PageResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A company's promises to pay through the API. */
@RestController
@Tag(name = "Receivables", description = "Invoices, payments, balances, collection and reconciliation")
class PromiseController {

    static final String PATH = "/api/v1/companies/{id}/promises";

    private final PaymentPromises promises;
    private final IdempotentRequests idempotent;

    PromiseController(PaymentPromises promises, IdempotentRequests idempotent) {
        this.promises = promises;
        this.idempotent = idempotent;
    }

    /**
     * @param amount    roubles, as a JSON number or as text («12 500,50»)
     * @param invoiceId the invoice promised; absent for the company's debt as a whole
     * @param madeBy    who at the client promised
     */
    record PromiseRequest(String promisedDate, String amount, String invoiceId, String madeBy, String note) {
    }

    /**
     * @param status    OPEN, KEPT or BROKEN
     * @param paidSoFar the company's payments dated from the recording to the promised date
     */
    record PromiseResponse(UUID id, UUID companyId, UUID invoiceId, String invoiceNumber, LocalDate promisedDate,
            BigDecimal amount, String madeBy, String note, LocalDate recordedOn, Instant recordedAt,
            UUID recordedBy, String recordedByName, String status, Instant checkedAt, BigDecimal paidSoFar,
            String currency) {

        static PromiseResponse of(PromiseView promise) {
            return new PromiseResponse(promise.id(), promise.companyId(), promise.invoiceId(),
                    promise.invoiceNumber(), promise.promisedDate(), promise.amount(), promise.madeBy(),
                    promise.note(), promise.recordedOn(), promise.recordedAt(), promise.recordedBy(),
                    promise.recordedByName(), promise.status().name(), promise.checkedAt(), promise.paidSoFar(),
                    Money.RUB.getCurrencyCode());
        }
    }

    @PostMapping(PATH)
    @Operation(summary = "Record the client's promise to pay",
            description = "promisedDate: today or later (YYYY-MM-DD); amount: more than zero and not more than "
                    + "the company owes (nor, with invoiceId, than is left of that invoice). While the promise is "
                    + "open and its date has not passed, no collection step is created for what it covers; once "
                    + "it is broken, the next step comes at once. Idempotency-Key supported.")
    ResponseEntity<PromiseResponse> record(@PathVariable UUID id, @RequestBody PromiseRequest request,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
        return idempotent.once(key, "collection.promises.create", request, PromiseResponse.class, () -> {
            PromiseView promise = promises.record(new CompanyId(id), new PromiseInput(request.promisedDate(),
                    request.amount(), request.invoiceId(), request.madeBy(), request.note()));
            return ResponseEntity.created(URI.create("/api/v1/companies/" + id + "/promises/" + promise.id()))
                    .body(PromiseResponse.of(promise));
        });
    }

    @GetMapping(PATH)
    @Operation(summary = "A page of the company's promises to pay, the latest first",
            description = "Sortable by recordedAt, promisedDate.")
    PageResponse<PromiseResponse> list(@PathVariable UUID id, @ParameterObject Pageable pageable) {
        return promises.page(new CompanyId(id), pageable).map(PromiseResponse::of);
    }

    @GetMapping(PATH + "/{promiseId}")
    @Operation(summary = "One promise to pay")
    PromiseResponse promise(@PathVariable UUID id, @PathVariable UUID promiseId) {
        return PromiseResponse.of(promises.promise(new CompanyId(id), promiseId));
    }
}
