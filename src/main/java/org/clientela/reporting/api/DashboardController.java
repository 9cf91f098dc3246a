package org.clientela.reporting.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.reporting.internal.Dashboard;
import org.clientela.reporting.internal.Dashboards;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures (D1) as JSON: what the page draws, for programs and tests. */
@RestController
@Tag(name = "Reports", description = "Dashboards of the department and of a manager")
class DashboardController {

    private final Dashboards dashboards;

    DashboardController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/api/v1/dashboard")
    @Operation(summary = "The current user's dashboard", description = """
            view DEPARTMENT for the head (their team's figures), the director and the administrator; MANAGER for \
            a manager or a key account manager (their own). month/quarter: plan vs actual of this month's and \
            this quarter's plan (absent when there is none; status tells whether it is approved): targets, \
            actuals, percent of the target, forecast (run rate + open orders). months: the last 12 months (this \
            one so far included) beside the same months a year before. matrix: ABC×XYZ by revenue of the last \
            closed quarter (department view). receivables: today's ageing by manager and the 10 clients with \
            the most overdue. ranking: the managers by revenue % of this month's target (department view). \
            keyClients: the manager's key accounts (owned or as KAM) with the revenue of the last 3 whole \
            months. Amounts in roubles without VAT; margins only for the head, the director and the \
            administrator.""")
    @ApiResponse(responseCode = "200", description = "The dashboard")
    @ApiResponse(responseCode = "403", description = "A role without a dashboard (credit controller, production)",
            content = @Content(mediaType = "application/problem+json"))
    Dashboard dashboard() {
        return dashboards.current();
    }
}
