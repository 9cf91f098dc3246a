package org.clientela.keyaccounts.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.keyaccounts.AbcClass;
import org.clientela.keyaccounts.AbcXyzAnalysis;
import org.clientela.keyaccounts.ClassifiedCompany;
import org.clientela.keyaccounts.MatrixCell;
import org.clientela.keyaccounts.Movement;
import org.clientela.keyaccounts.Thresholds;
import org.clientela.keyaccounts.XyzClass;
import org.clientela.keyaccounts.internal.AbcXyzAnalyses;
import org.clientela.shared.Money;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ABC/XYZ analysis (K1) of the clients one may see. */
@RestController
@Tag(name = "Analytics", description = "ABC/XYZ classification of the clients by revenue or margin")
class AbcXyzController {

    private final AbcXyzAnalyses analyses;

    AbcXyzController(AbcXyzAnalyses analyses) {
        this.analyses = analyses;
    }

    /** In percent. */
    record ThresholdsResponse(BigDecimal a, BigDecimal b, BigDecimal x, BigDecimal y) {

        static ThresholdsResponse of(Thresholds thresholds) {
            return new ThresholdsResponse(thresholds.a(), thresholds.b(), thresholds.x(), thresholds.y());
        }
    }

    /**
     * @param share        the cell's clients' part of the total, in percent
     * @param companyShare the cell's part of the classified clients, in percent
     */
    record CellResponse(AbcClass abc, XyzClass xyz, int count, BigDecimal value, BigDecimal share,
            BigDecimal companyShare) {

        static CellResponse of(MatrixCell cell) {
            return new CellResponse(cell.abc(), cell.xyz(), cell.count(), cell.value(), cell.share(),
                    cell.companyShare());
        }
    }

    /** Shares and cv in percent; cv, previousAbc and previousXyz absent where there are none. */
    record CompanyResponse(UUID companyId, String companyName, BigDecimal value, BigDecimal share,
            BigDecimal cumulativeShare, AbcClass abc, BigDecimal cv, XyzClass xyz, AbcClass previousAbc,
            XyzClass previousXyz, Movement movement) {

        static CompanyResponse of(ClassifiedCompany company) {
            return new CompanyResponse(company.companyId(), company.companyName(), company.value(), company.share(),
                    company.cumulativeShare(), company.abc(), company.cv(), company.xyz(), company.previousAbc(),
                    company.previousXyz(), company.movement());
        }
    }

    record AbcXyzResponse(String from, String to, String measure, ThresholdsResponse thresholds, BigDecimal total,
            String currency, List<CellResponse> matrix, List<CompanyResponse> companies) {

        static AbcXyzResponse of(AbcXyzAnalysis analysis) {
            return new AbcXyzResponse(analysis.from().toString(), analysis.to().toString(),
                    analysis.measure().code(), ThresholdsResponse.of(analysis.thresholds()), analysis.total(),
                    Money.RUB.getCurrencyCode(), analysis.matrix().stream().map(CellResponse::of).toList(),
                    analysis.companies().stream().map(CompanyResponse::of).toList());
        }
    }

    @GetMapping("/api/v1/analytics/abc-xyz")
    @Operation(summary = "ABC/XYZ classification of the clients one may see over a period of whole months",
            description = """
                    The clients with sales in the period (from, to: YYYY-MM, at most 36 months; by default the \
                    last 12 whole months) by revenue without VAT or by margin (revenue − cost; the head, the \
                    director and the administrator only, 403 for others). ABC: by value descending (equal \
                    values by company id); a client is A while the cumulative share of those before it is below \
                    thresholdA (80 %), B below thresholdB (95 %), C otherwise; a client whose value is ≤ 0 is C \
                    with share 0 and is left out of the total. XYZ: cv = population standard deviation / mean \
                    of the monthly values over every month of the period (a month without sales is 0): X up to \
                    thresholdX (10 %), Y up to thresholdY (25 %), Z above; a mean ≤ 0 is Z without cv. A \
                    manager's analysis is of their own clients, a head's of the team's. previousAbc/previousXyz: \
                    the class in the as long period just before. Shares and cv in percent, two decimals.""")
    @ApiResponse(responseCode = "200", description = "The analysis")
    @ApiResponse(responseCode = "403", description = "measure=margin for one who may not see margins",
            content = @Content(mediaType = "application/problem+json"))
    AbcXyzResponse abcXyz(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String measure, @RequestParam(required = false) String thresholdA,
            @RequestParam(required = false) String thresholdB, @RequestParam(required = false) String thresholdX,
            @RequestParam(required = false) String thresholdY) {
        return AbcXyzResponse.of(analyses.analyseForCurrentUser(
                analyses.query(from, to, measure, thresholdA, thresholdB, thresholdX, thresholdY)));
    }
}
