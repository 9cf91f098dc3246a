package org.clientela.plans.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.plans.PlanStatus;
import org.clientela.plans.TargetScope;
import org.clientela.plans.internal.PlanImportReport;
import org.clientela.plans.internal.PlanProgress;
import org.clientela.plans.internal.PlanProgresses;
import org.clientela.plans.internal.PlanRow;
import org.clientela.plans.internal.PlanView;
import org.clientela.plans.internal.PlanWorkbook;
import org.clientela.plans.internal.SalesPlans;
import org.clientela.plans.internal.TargetInput;
import org.clientela.platform.ApiProblems;
import org.clientela.platform.Versions;
import org.clientela.platform.XlsxSheets;
import org.clientela.shared.Money;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Sales plans and their targets (T1), plan vs actual (T2). */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Sales plans", description = "Plans per month or quarter, targets, approval, plan vs actual and forecast")
class PlanController {

    private static final String RUB = Money.RUB.getCurrencyCode();

    private final SalesPlans plans;
    private final PlanProgresses progresses;
    private final PlanWorkbook workbook;
    private final ApiProblems problems;

    PlanController(SalesPlans plans, PlanProgresses progresses, PlanWorkbook workbook, ApiProblems problems) {
        this.plans = plans;
        this.progresses = progresses;
        this.workbook = workbook;
        this.problems = problems;
    }

    record PlanSummaryResponse(UUID id, String period, PlanStatus status, long version) {
    }

    /** Amounts in roubles without VAT; a measure without a target is absent (null). */
    record TargetResponse(TargetScope scope, UUID scopeId, String name, BigDecimal revenue, BigDecimal margin,
            Integer activeClients, Integer newClients) {

        static TargetResponse of(PlanRow row) {
            return new TargetResponse(row.scope(), row.scopeId(), row.name(), row.target().revenue(),
                    row.target().margin(), row.target().activeClients(), row.target().newClients());
        }
    }

    record PlanResponse(UUID id, String period, LocalDate firstDay, LocalDate lastDay, PlanStatus status,
            String approvedBy, Instant approvedAt, long version, String currency, List<TargetResponse> targets) {

        static PlanResponse of(PlanView plan) {
            return new PlanResponse(plan.id(), plan.period().code(), plan.period().firstDay(), plan.period().lastDay(),
                    plan.status(), plan.approvedBy(), plan.approvedAt(), plan.version(), RUB,
                    plan.rows().stream().map(TargetResponse::of).toList());
        }
    }

    record NewPlanRequest(String period) {
    }

    record TargetsRequest(Long version, List<TargetInput> targets) {
    }

    record VersionRequest(Long version) {
    }

    record ReopenRequest(Long version, String reason) {
    }

    record ForecastResponse(BigDecimal runRate, BigDecimal openOrders, BigDecimal total, BigDecimal percent) {

        static ForecastResponse of(PlanProgress.Forecast forecast) {
            return forecast == null ? null : new ForecastResponse(forecast.runRate(), forecast.openOrders(),
                    forecast.total(), forecast.percent());
        }
    }

    record RowProgressResponse(TargetResponse target, BigDecimal revenue, BigDecimal margin, int activeClients,
            int newClients, BigDecimal revenuePercent, BigDecimal marginPercent, BigDecimal activeClientsPercent,
            BigDecimal newClientsPercent, ForecastResponse revenueForecast, ForecastResponse marginForecast) {

        static RowProgressResponse of(PlanProgress.RowProgress row) {
            return new RowProgressResponse(TargetResponse.of(row.row()), row.revenue(), row.margin(),
                    row.activeClients(), row.newClients(), row.revenuePercent(), row.marginPercent(),
                    row.activeClientsPercent(), row.newClientsPercent(), ForecastResponse.of(row.revenueForecast()),
                    ForecastResponse.of(row.marginForecast()));
        }
    }

    record RankedManagerResponse(int position, UUID managerId, String name, BigDecimal target, BigDecimal revenue,
            BigDecimal percent) {
    }

    record ProgressResponse(UUID planId, String period, PlanStatus status, LocalDate asOf, int daysElapsed, int days,
            String currency, List<RowProgressResponse> rows, List<RankedManagerResponse> ranking,
            int rankedManagers) {

        static ProgressResponse of(PlanProgress progress) {
            return new ProgressResponse(progress.plan().id(), progress.plan().period().code(),
                    progress.plan().status(), progress.asOf(), progress.daysElapsed(), progress.days(), RUB,
                    progress.rows().stream().map(RowProgressResponse::of).toList(),
                    progress.ranking().stream().map(ranked -> new RankedManagerResponse(ranked.position(),
                            ranked.managerId(), ranked.name(), ranked.target(), ranked.revenue(), ranked.percent()))
                            .toList(), progress.rankedManagers());
        }
    }

    @GetMapping
    @Operation(summary = "Every plan, the latest period first")
    List<PlanSummaryResponse> list() {
        return plans.list().stream().map(plan -> new PlanSummaryResponse(plan.id(), plan.period().code(),
                plan.status(), plan.version())).toList();
    }

    @PostMapping
    @Operation(summary = "A new draft plan for a period: 2026-11 (a month) or 2026-Q4 (a quarter)",
            description = "Head, director, administrator. One plan per period: a second is refused (409) naming the first.")
    @ApiResponse(responseCode = "201", description = "The plan, its version as the ETag")
    @ApiResponse(responseCode = "409", description = "The period has a plan already",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<PlanResponse> create(@RequestBody NewPlanRequest request) {
        PlanView plan = plans.create(request == null ? null : request.period());
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.id())).eTag(Versions.etag(plan.version()))
                .body(PlanResponse.of(plan));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A plan with the targets one may see",
            description = """
                    The rows: the department, the managers (every active manager and key account manager), the \
                    assortment groups, the key accounts added to the plan. A manager sees the department's row, \
                    their own, the groups' and those of their own key accounts; margins only for the head, the \
                    director and the administrator.""")
    ResponseEntity<PlanResponse> plan(@PathVariable UUID id) {
        return withTag(plans.view(id));
    }

    @PutMapping("/{id}/targets")
    @Operation(summary = "Set the targets of the rows given; the rows not named keep theirs",
            description = """
                    Each row: scope (DEPARTMENT, MANAGER, COMPANY, GROUP), scopeId (none for DEPARTMENT), revenue \
                    and margin in roubles (≥ 0, kopecks at most), activeClients and newClients (whole, ≥ 0); a \
                    measure left out clears its target. A COMPANY row adds the key account to the plan. All rows \
                    or none: 400 with each problem at its field (targets[2].revenue). 409 for an approved plan \
                    (reopen it first) or a version other than the current one.""")
    @ApiResponse(responseCode = "409", description = "Approved, or changed by someone else",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<PlanResponse> targets(@PathVariable UUID id,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody TargetsRequest request) {
        return withTag(plans.saveTargets(id, Versions.expected(ifMatch, request.version()), request.targets()));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve the plan (head or director): its targets are fixed until it is reopened")
    ResponseEntity<PlanResponse> approve(@PathVariable UUID id,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) VersionRequest request) {
        return withTag(plans.approve(id, Versions.expected(ifMatch, request == null ? null : request.version())));
    }

    @PostMapping("/{id}/reopen")
    @Operation(summary = "Put an approved plan back to a draft (head or director), with the reason")
    ResponseEntity<PlanResponse> reopen(@PathVariable UUID id,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestBody ReopenRequest request) {
        return withTag(plans.reopen(id, Versions.expected(ifMatch, request.version()), request.reason()));
    }

    @GetMapping("/{id}/export.xlsx")
    @Operation(summary = "The plan's grid as XLSX, to fill in and import",
            description = """
                    One row per target the user sees: type (DEPARTMENT, MANAGER, COMPANY, GROUP), id (none for the \
                    department), name, then revenue and margin in roubles without VAT, active and new clients. The \
                    margin column only for the head, the director and the administrator. Audited as an export.""")
    void export(@PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
        PlanView plan = plans.view(id);
        response.setContentType(XlsxSheets.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, workbook.contentDisposition(plan));
        workbook.write(plan, locale, response.getOutputStream());
    }

    @PostMapping(path = "/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Set the targets from an XLSX table (the export's columns), all rows or none",
            description = """
                    The file in the part `file`: the first sheet of an XLSX (or a CSV), the first row naming the \
                    columns as the export does (in Russian or English, or by field: type, id, name, revenue, \
                    margin, activeClients, newClients; name is not read). Each row is checked as the grid checks \
                    it (a known manager, group or key account; numbers ≥ 0, kopecks at most, whole clients); an \
                    empty cell clears its target, rows not in the file keep theirs. The plan's version in \
                    If-Match or `version`. Head, director, administrator.

                    Answers: `dryRun=true` → 200 with the report, nothing written. Otherwise, when every row is \
                    right → 200 with the report (`committed: true`, the new version also as the ETag); else 422 \
                    `application/problem+json` with the report as `report`, each problem at its cell, nothing \
                    written. A file that is no table, lacks a column or has no rows → 400 at the field `file`; an \
                    approved plan or another version → 409.""")
    @ApiResponse(responseCode = "200", description = "The report; committed when written")
    @ApiResponse(responseCode = "422", description = "Problems in rows: nothing written; the report in `report`",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Approved, or changed by someone else",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> importTargets(@PathVariable UUID id,
            @RequestHeader(name = Versions.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) Long version, @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestPart("file") MultipartFile file, Locale locale) throws IOException {
        long expected = Versions.expected(ifMatch, version);
        PlanImportReport report = workbook.importFile(id, expected, file.getInputStream(), dryRun, locale);
        if (report.valid()) {
            return ResponseEntity.ok().eTag(Versions.etag(report.version())).body(report);
        }
        if (dryRun) {
            return ResponseEntity.ok(report);
        }
        ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "plans.import.notWritten",
                report.problemCount());
        problem.setProperty("report", report);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(ApiProblems.PROBLEM_JSON)
                .body(problem);
    }

    @GetMapping("/{id}/progress")
    @Operation(summary = "Plan vs actual today, the forecast to the period's end and the ranking of the managers",
            description = """
                    Actuals from the sales facts: revenue without VAT and margin (returns subtract in their \
                    month); a manager's actual is the sales of the companies they own now. Active clients: \
                    companies with revenue > 0 in the period; new clients: those whose first month with revenue \
                    ever falls in the period. Forecast: run rate = actual ÷ days elapsed (today counted) × days \
                    in the period, plus the open orders (drafts and credit holds dated in the period). Percents \
                    with two decimals, null without a target. Ranking: managers by revenue % of plan, equal \
                    ones by name; a manager sees only their own place. Margins only for the head, the director \
                    and the administrator.""")
    ProgressResponse progress(@PathVariable UUID id) {
        return ProgressResponse.of(progresses.progress(id));
    }

    private static ResponseEntity<PlanResponse> withTag(PlanView plan) {
        return ResponseEntity.ok().eTag(Versions.etag(plan.version())).body(PlanResponse.of(plan));
    }
}
