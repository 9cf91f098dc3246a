package org.clientela.receivables.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.shared.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The reconciliation statement of a company through the API, as JSON or as the signed form's PDF. */
@RestController
@Tag(name = "Receivables", description = "Invoices, payments, balances, collection and reconciliation")
class ReconciliationController {

    private final ReconciliationStatements statements;
    private final StatementPdf pdf;

    ReconciliationController(ReconciliationStatements statements, StatementPdf pdf) {
        this.statements = statements;
        this.pdf = pdf;
    }

    record PartyResponse(String name, String inn, String kpp, String address) {
        static PartyResponse of(Party party) {
            return new PartyResponse(party.name(), party.inn(), party.kpp(), party.address());
        }
    }

    /** {@code debit} for an invoice, {@code credit} for a payment; {@code balance} after the line. */
    record LineResponse(LocalDate date, String kind, UUID documentId, String documentNumber, String description,
            BigDecimal debit, BigDecimal credit, BigDecimal balance) {
    }

    /**
     * Balances are what the buyer owes: negative when the buyer paid more than invoiced.
     *
     * @param inFavourOf {@code SELLER}, {@code BUYER} or {@code NONE}: whom the closing balance is owed to
     */
    record StatementResponse(UUID companyId, LocalDate from, LocalDate to, PartyResponse seller,
            PartyResponse buyer, BigDecimal openingBalance, List<LineResponse> lines, BigDecimal debitTurnover,
            BigDecimal creditTurnover, BigDecimal closingBalance, String inFavourOf, String closingStatement,
            String currency) {
    }

    @GetMapping(path = "/api/v1/companies/{id}/reconciliation",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PDF_VALUE})
    @Operation(summary = "The reconciliation statement (акт сверки) of a company for a period, both days "
            + "inclusive; JSON, or the signed form as a PDF with Accept: application/pdf. The period may not "
            + "end after today.")
    ResponseEntity<?> statement(@PathVariable UUID id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        ReconciliationStatement statement = statements.statement(new CompanyId(id), from, to);
        if (accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.equalsTypeAndSubtype(MediaType.APPLICATION_PDF))) {
            return ReconciliationPageController.pdfResponse(statement,
                    pdf.render(statement, LocaleContextHolder.getLocale()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(response(id, statement));
    }

    private static StatementResponse response(UUID companyId, ReconciliationStatement statement) {
        return new StatementResponse(companyId, statement.from(), statement.to(),
                PartyResponse.of(statement.seller()), PartyResponse.of(statement.buyer()),
                statement.openingBalance(),
                statement.lines().stream().map(line -> new LineResponse(line.date(), line.kind().name(),
                        line.documentId(), line.documentNumber(), line.description(), line.debit(), line.credit(),
                        line.balance())).toList(),
                statement.debitTurnover(), statement.creditTurnover(), statement.closingBalance(),
                statement.inFavourOf().name(), statement.closingStatement(), Money.RUB.getCurrencyCode());
    }
}
