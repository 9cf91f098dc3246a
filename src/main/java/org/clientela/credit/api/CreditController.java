package org.clientela.credit.api;

import java.math.BigDecimal;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.clients.VisibleCompanies;
import org.clientela.credit.CreditTerms;
import org.clientela.credit.internal.CreditAccounts;
import org.clientela.platform.Versions;
import org.clientela.shared.Money;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A company's credit: its limit, terms and exposure. */
@RestController
@Tag(name = "Credit", description = "Credit limits, payment terms and exposure")
class CreditController {

    private final CreditAccounts accounts;
    private final VisibleCompanies companies;

    CreditController(CreditAccounts accounts, VisibleCompanies companies) {
        this.accounts = accounts;
        this.companies = companies;
    }

    /**
     * @param amount the limit in roubles, as text or a JSON number
     * @param version the version of the terms last seen (0 when the company had none)
     */
    record LimitRequest(String amount, Integer paymentTermsDays, String reason, Long version) {
    }

    /** Amounts in roubles; {@code limit} null: no limit (prepayment). */
    record CreditResponse(UUID companyId, BigDecimal limit, int paymentTermsDays, BigDecimal exposure,
            String currency, long version) {
    }

    @GetMapping("/api/v1/companies/{id}/credit")
    @Operation(summary = "The company's credit limit, payment terms and exposure")
    ResponseEntity<CreditResponse> credit(@PathVariable UUID id) {
        CompanyId company = new CompanyId(id);
        companies.company(company);
        return respond(company, accounts.termsOf(company));
    }

    @PutMapping("/api/v1/companies/{id}/credit-limit")
    @Operation(summary = "Set the company's credit limit and payment terms with the reason "
            + "(CREDIT_CONTROLLER, HEAD, DIRECTOR); If-Match or version required, 0 for a company without terms")
    ResponseEntity<CreditResponse> change(@PathVariable UUID id, @RequestBody LimitRequest request,
            @RequestHeader(value = Versions.IF_MATCH, required = false) String ifMatch) {
        CompanyId company = new CompanyId(id);
        long expected = Versions.expected(ifMatch, request.version());
        return respond(company, accounts.change(company, request.amount(), request.paymentTermsDays(),
                request.reason(), expected));
    }

    private ResponseEntity<CreditResponse> respond(CompanyId company, CreditTerms terms) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(terms.version()))
                .body(new CreditResponse(company.value(), terms.hasLimit() ? terms.limit().amount() : null,
                        terms.paymentTermsDays(), accounts.exposure(company).amount(), Money.RUB.getCurrencyCode(),
                        terms.version()));
    }
}
