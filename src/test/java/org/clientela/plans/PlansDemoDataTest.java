package org.clientela.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.YearMonth;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The demo world has last month's approved plan and this month's draft, with targets. */
@IntegrationTest
class PlansDemoDataTest {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void lastMonthsPlanIsApprovedAndThisMonthsIsADraftWithTargets() {
        ApiClient api = new ApiClient(port);
        YearMonth now = YearMonth.now(clock);
        JsonNode plans = api.as("head").get("/api/v1/plans").isJson(200).json();
        JsonNode current = null;
        JsonNode previous = null;
        for (JsonNode plan : plans) {
            if (plan.path("period").asString().equals(now.toString())) {
                current = plan;
            } else if (plan.path("period").asString().equals(now.minusMonths(1).toString())) {
                previous = plan;
            }
        }
        assertThat(current).isNotNull();
        assertThat(previous).isNotNull();
        assertThat(current.path("status").asString()).isEqualTo("DRAFT");
        assertThat(previous.path("status").asString()).isEqualTo("APPROVED");

        JsonNode plan = api.as("head").get("/api/v1/plans/" + current.path("id").asString()).isJson(200).json();
        JsonNode department = plan.path("targets").get(0);
        assertThat(department.path("scope").asString()).isEqualTo("DEPARTMENT");
        assertThat(department.path("revenue").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("100000"));
        int managersWithTarget = 0;
        for (JsonNode row : plan.path("targets")) {
            if (row.path("scope").asString().equals("MANAGER") && row.path("revenue").isNumber()) {
                managersWithTarget++;
            }
        }
        assertThat(managersWithTarget).isGreaterThanOrEqualTo(4);

        JsonNode progress = api.as("manager1").get("/api/v1/plans/" + current.path("id").asString() + "/progress")
                .isJson(200).json();
        assertThat(progress.path("rows").get(1).path("target").path("revenue").isNumber()).isTrue();
    }
}
