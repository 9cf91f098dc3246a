package org.clientela.plans.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.plans.internal.SegmentOutlooks;
import org.clientela.plans.internal.SegmentOutlooks.MonthValue;
import org.clientela.plans.internal.SegmentOutlooks.Mover;
import org.clientela.plans.internal.SegmentOutlooks.Outlook;
import org.clientela.plans.internal.SegmentOutlooks.Segment;
import org.clientela.shared.Money;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The segment outlook (T3) of the clients one may see. */
@RestController
@Tag(name = "Analytics")
class SegmentOutlookController {

    private final SegmentOutlooks outlooks;

    SegmentOutlookController(SegmentOutlooks outlooks) {
        this.outlooks = outlooks;
    }

    record MonthResponse(String month, BigDecimal value) {

        static List<MonthResponse> of(List<MonthValue> months) {
            return months.stream().map(month -> new MonthResponse(month.month().toString(), month.value())).toList();
        }
    }

    record MoverResponse(UUID companyId, String companyName, BigDecimal previous, BigDecimal current,
            BigDecimal change) {

        static List<MoverResponse> of(List<Mover> movers) {
            return movers.stream().map(mover -> new MoverResponse(mover.companyId(), mover.name(), mover.previous(),
                    mover.current(), mover.change())).toList();
        }
    }

    /** segment absent for the clients without one; mae in roubles, mape in percent, absent where not measurable. */
    record SegmentResponse(String segment, int companies, BigDecimal total, List<MonthResponse> months,
            List<MonthResponse> forecast, BigDecimal mae, BigDecimal mape, List<MoverResponse> rises,
            List<MoverResponse> falls) {

        static SegmentResponse of(Segment segment) {
            return new SegmentResponse(segment.segment(), segment.companies(), segment.total(),
                    MonthResponse.of(segment.months()), MonthResponse.of(segment.forecast()), segment.mae(),
                    segment.mape(), MoverResponse.of(segment.rises()), MoverResponse.of(segment.falls()));
        }
    }

    record OutlookResponse(String from, String to, String previousFrom, String previousTo, String measure,
            String currency, List<SegmentResponse> segments) {

        static OutlookResponse of(Outlook outlook) {
            return new OutlookResponse(outlook.query().from().toString(), outlook.query().to().toString(),
                    outlook.previousFrom().toString(), outlook.previousTo().toString(),
                    outlook.query().measure().code(), Money.RUB.getCurrencyCode(),
                    outlook.segments().stream().map(SegmentResponse::of).toList());
        }
    }

    @GetMapping("/api/v1/analytics/segments")
    @Operation(summary = "Segment outlook: monthly trend, forecast with its error, top movers per segment",
            description = """
                    Per segment of the clients one may see (a manager: their own, a head: the team's), over the \
                    months from..to (YYYY-MM, at most 36; by default the last 12 whole months): the revenue \
                    without VAT or the margin (revenue − cost; the head, the director and the administrator \
                    only, 403 for others) of each month; the forecast of the next 3 months by a straight line \
                    fitted by least squares to the last 12 months of the period (never below 0); its error \
                    measured by backtesting: the line fitted to the months before the last 3 forecasts them, \
                    mae is the mean absolute error in roubles, mape the mean absolute percentage error over the \
                    held-out months with sales (both absent for a period shorter than 5 months); and the top \
                    movers: the 5 clients with the biggest rise and the 5 with the biggest fall against the \
                    period of as many months just before (previousFrom..previousTo). Segments by their total, \
                    largest first; the clients without a segment form one without a name.""")
    @ApiResponse(responseCode = "200", description = "The outlook")
    @ApiResponse(responseCode = "400", description = "A month not YYYY-MM, a reversed or too long period, an unknown measure",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "measure=margin for one who may not see margins",
            content = @Content(mediaType = "application/problem+json"))
    OutlookResponse segments(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String measure) {
        return OutlookResponse.of(outlooks.outlook(outlooks.query(from, to, measure)));
    }
}
