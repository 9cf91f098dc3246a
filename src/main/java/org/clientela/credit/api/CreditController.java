package org.clientela.credit.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.clients.VisibleCompanies;
import org.clientela.credit.CreditTerms;
import org.clientela.credit.PaymentHistory;
import org.clientela.credit.internal.CreditAccounts;
import org.clientela.credit.internal.CreditList;
import org.clientela.credit.internal.CreditScore;
import org.clientela.credit.internal.CreditScores;
import org.clientela.credit.internal.LimitChange;
import org.clientela.platform.Versions;
import org.clientela.shared.Money;
import org.clientela.shared.PageResponse;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A company's credit: its limit, terms and exposure, the history of their changes, its score; the credit list. */
@RestController
@Tag(name = "Credit", description = "Credit limits, payment terms, exposure and creditworthiness")
class CreditController {

    private static final String CURRENCY = Money.RUB.getCurrencyCode();

    private final CreditAccounts accounts;
    private final CreditScores scores;
    private final CreditList list;
    private final VisibleCompanies companies;

    CreditController(CreditAccounts accounts, CreditScores scores, CreditList list, VisibleCompanies companies) {
        this.accounts = accounts;
        this.scores = scores;
        this.list = list;
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

    /** {@code oldLimit} and {@code oldPaymentTermsDays} null: there was no limit before. */
    record LimitChangeResponse(UUID id, Instant changedAt, UserRef changedBy, BigDecimal oldLimit, BigDecimal newLimit,
            Integer oldPaymentTermsDays, int newPaymentTermsDays, String reason, CompanyRef mergedFrom,
            String currency) {

        static LimitChangeResponse of(LimitChange change) {
            return new LimitChangeResponse(change.id(), change.changedAt(),
                    new UserRef(change.changedBy(), change.changedByName()), change.oldLimit(), change.newLimit(),
                    change.oldPaymentTermsDays(), change.newPaymentTermsDays(), change.reason(),
                    change.mergedFrom() == null ? null : new CompanyRef(change.mergedFrom(), change.mergedFromName()),
                    CURRENCY);
        }
    }

    record UserRef(UUID id, String fullName) {
    }

    record CompanyRef(UUID id, String name) {
    }

    /** {@code score}, {@code grade} and {@code proposedLimit} null: the company was never invoiced. */
    record ScoreResponse(UUID companyId, Integer score, String grade, BigDecimal proposedLimit, String currency,
            List<PointsResponse> points, FactsResponse facts) {
    }

    /** {@code fact}: what the points were computed from (a share in %, days, months, invoices); null when unknown. */
    record PointsResponse(String component, int points, int max, Number fact) {
    }

    record FactsResponse(LocalDate asOf, int invoiceCount, BigDecimal invoicedAmount, int dueCount,
            BigDecimal onTimeShareByCount, BigDecimal onTimeShareByAmount, int paidCount, BigDecimal averageDaysLate,
            int maxDaysLate, int overdueCount, BigDecimal overdueAmount, int maxDaysOverdue, LocalDate firstInvoiceDate,
            BigDecimal monthlyAverageInvoiced) {

        static FactsResponse of(PaymentHistory facts) {
            return new FactsResponse(facts.asOf(), facts.invoiceCount(), facts.invoicedAmount().amount(),
                    facts.dueCount(), facts.onTimeShareByCount(), facts.onTimeShareByAmount(), facts.paidCount(),
                    facts.averageDaysLate(), facts.maxDaysLate(), facts.overdueCount(), facts.overdueAmount().amount(),
                    facts.maxDaysOverdue(), facts.firstInvoiceDate(), facts.monthlyAverageInvoiced().amount());
        }
    }

    /** {@code utilisation}: exposure in % of the limit; null without a limit or with a limit of 0. */
    record ListRowResponse(UUID companyId, String name, BigDecimal limit, Integer paymentTermsDays,
            BigDecimal exposure, BigDecimal utilisation, BigDecimal overLimit, boolean overdue, Integer score,
            String grade, String currency) {
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
        companies.company(company);
        CreditAccounts.requireMaySetLimits();
        long expected = Versions.expected(ifMatch, request.version());
        return respond(company, accounts.change(company, request.amount(), request.paymentTermsDays(),
                request.reason(), expected));
    }

    @GetMapping("/api/v1/companies/{id}/credit/history")
    @Operation(summary = "The changes of the company's limit and terms, newest first, with who made them and why",
            description = "Changes made on duplicates merged into the company are among them, with mergedFrom.")
    PageResponse<LimitChangeResponse> history(@PathVariable UUID id, @ParameterObject Pageable pageable) {
        return accounts.history(new CompanyId(id), pageable).map(LimitChangeResponse::of);
    }

    @GetMapping("/api/v1/companies/{id}/credit-score")
    @Operation(summary = "The company's creditworthiness: a score of 0-100, a grade A-D, each component's points "
            + "and a proposed limit, from its invoices and payments of the last 24 months")
    ScoreResponse score(@PathVariable UUID id) {
        CreditScore score = scores.score(new CompanyId(id));
        return new ScoreResponse(id, score.score(), score.grade() == null ? null : score.grade().name(),
                score.proposedLimit() == null ? null : score.proposedLimit().amount(), CURRENCY,
                score.points().stream().map(points -> new PointsResponse(points.component().name(), points.points(),
                        points.max(), points.fact())).toList(), FactsResponse.of(score.facts()));
    }

    @GetMapping("/api/v1/credit/companies")
    @Operation(summary = "The companies one may see with limit, exposure, utilisation, overdue flag and score",
            description = "filter: ALL, OVER_LIMIT, NEAR_LIMIT (at least 90 % of the limit used, those over it "
                    + "among them), NO_LIMIT; sort: name, limit, exposure, utilisation, overLimit")
    PageResponse<ListRowResponse> list(@RequestParam(defaultValue = "ALL") CreditList.Filter filter,
            @ParameterObject Pageable pageable) {
        return list.list(filter, pageable).map(row -> new ListRowResponse(row.companyId(), row.name(), row.limit(),
                row.paymentTermsDays(), row.exposure(), row.utilisation().percent(), row.utilisation().overLimit(),
                row.overdue(),
                row.score().score(), row.score().grade() == null ? null : row.score().grade().name(), CURRENCY));
    }

    private ResponseEntity<CreditResponse> respond(CompanyId company, CreditTerms terms) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(terms.version()))
                .body(new CreditResponse(company.value(), terms.hasLimit() ? terms.limit().amount() : null,
                        terms.paymentTermsDays(), accounts.exposure(company).amount(), CURRENCY, terms.version()));
    }
}
