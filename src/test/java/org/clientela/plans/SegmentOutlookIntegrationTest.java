package org.clientela.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanyNumbers;
import org.clientela.salesfacts.internal.SalesFactTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * GET /api/v1/analytics/segments and the page /plans/segments (T3) on sales of 2081 of clients in a
 * segment of this test's own, every figure worked out by hand in the comments.
 */
@IntegrationTest
class SegmentOutlookIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SalesFactTable salesFactTable;

    private ApiClient api;
    private String segment;
    private UUID rising;
    private UUID falling;
    private UUID elsewhere;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        segment = ApiClient.unique("Сегмент прогноза ");
        // rising (manager1): 100 a month in January–March, 200 a month in April–June: +300
        rising = company("manager1", "Растущий");
        for (String month : List.of("2081-01", "2081-02", "2081-03")) {
            sale(rising, month, "100.00", "60.00");
        }
        for (String month : List.of("2081-04", "2081-05", "2081-06")) {
            sale(rising, month, "200.00", "150.00");
        }
        // falling (manager1): 500 in February, 100 in May: −400
        falling = company("manager1", "Падающий");
        sale(falling, "2081-02", "500.00", "300.00");
        sale(falling, "2081-05", "100.00", "90.00");
        // elsewhere (manager3, another team): 50 in April: +50
        elsewhere = company("manager3", "Чужой");
        sale(elsewhere, "2081-04", "50.00", "10.00");
    }

    private UUID company(String owner, String name) {
        return UUID.fromString(api.as(owner).post("/api/v1/companies", Map.of("name", ApiClient.unique(name),
                "legalForm", "OOO", "inn", CompanyNumbers.organisationInn(), "kpp", "773601001", "segment", segment))
                .isJson(201).id());
    }

    private void sale(UUID company, String month, String revenue, String cost) {
        jdbc.sql("""
                        insert into sales_fact_month (company_id, month, revenue, cost, quantity, order_count)
                        values (:company, :month, :revenue, :cost, 1, 1)""")
                .param("company", company).param("month", YearMonth.parse(month).atDay(1))
                .param("revenue", new BigDecimal(revenue)).param("cost", new BigDecimal(cost)).update();
        salesFactTable.refreshRunning(new CompanyId(company));
    }

    private JsonNode mine(String user, String query) {
        JsonNode outlook = api.as(user).get("/api/v1/analytics/segments?" + query).isJson(200).json();
        for (JsonNode found : outlook.path("segments")) {
            if (segment.equals(found.path("segment").asString())) {
                return found;
            }
        }
        throw new AssertionError("No segment " + segment + " in " + outlook);
    }

    private static List<String> values(JsonNode months) {
        List<String> values = new ArrayList<>();
        months.forEach(month -> values.add(month.path("month").asString() + "=" + month.path("value").decimalValue()
                .setScale(2)));
        return values;
    }

    private static List<String> movers(JsonNode movers) {
        List<String> list = new ArrayList<>();
        movers.forEach(mover -> list.add(mover.path("companyId").asString() + " " + mover.path("previous").decimalValue()
                .setScale(2) + " → " + mover.path("current").decimalValue().setScale(2) + " "
                + mover.path("change").decimalValue().setScale(2)));
        return list;
    }

    @Test
    void theDirectorSeesTheSegmentsTrendForecastAndMoversAgainstTheQuarterBefore() {
        JsonNode found = mine("director", "from=2081-04&to=2081-06&measure=revenue");

        // April 200 + 50, May 200 + 100, June 200
        assertThat(values(found.path("months"))).containsExactly("2081-04=250.00", "2081-05=300.00",
                "2081-06=200.00");
        // the line through 250, 300, 200 (t = 1..3): mean 250, slope (−1 × 0 + 1 × −50) / 2 = −25,
        // intercept 250 + 25 × 2 = 300: t = 4, 5, 6: 200, 175, 150
        assertThat(values(found.path("forecast"))).containsExactly("2081-07=200.00", "2081-08=175.00",
                "2081-09=150.00");
        // three months are too few to hold three out and fit a line to the rest
        assertThat(found.has("mae")).isFalse();
        assertThat(found.path("companies").asInt()).isEqualTo(3);
        assertThat(found.path("total").decimalValue()).isEqualByComparingTo("750.00");
        assertThat(movers(found.path("rises"))).containsExactly(rising + " 300.00 → 600.00 300.00",
                elsewhere + " 0.00 → 50.00 50.00");
        assertThat(movers(found.path("falls"))).containsExactly(falling + " 500.00 → 100.00 -400.00");
    }

    @Test
    void overSixMonthsTheForecastHasItsBacktestedError() {
        JsonNode found = mine("director", "from=2081-01&to=2081-06");

        // 100, 600, 100, 250, 300, 200: mean 258.333…, Σ(t − 3.5)(y − mean) = −125, Σ(t − 3.5)² = 17.5:
        // slope −7.142857…, intercept 258.333… + 25 = 283.333…: 233.33, 226.19, 219.05
        assertThat(values(found.path("forecast"))).containsExactly("2081-07=233.33", "2081-08=226.19",
                "2081-09=219.05");
        // backtest: the line through 100, 600, 100 is flat at 266.666…; against 250, 300, 200 the errors are
        // 16.666…, 33.333…, 66.666…: MAE 116.666… / 3 = 38.89; MAPE (16.67/250 + 33.33/300 + 66.67/200) / 3
        // = (0.066667 + 0.111111 + 0.333333) / 3 = 17.04 %
        assertThat(found.path("mae").decimalValue()).isEqualByComparingTo("38.89");
        assertThat(found.path("mape").decimalValue()).isEqualByComparingTo("17.04");
    }

    @Test
    void aManagerSeesOnlyTheirOwnClientsAndNoMargin() {
        JsonNode found = mine("manager1", "from=2081-04&to=2081-06");

        // without the other team's 50 in April: 200, 300, 200, a flat line at 233.33
        assertThat(values(found.path("months"))).containsExactly("2081-04=200.00", "2081-05=300.00",
                "2081-06=200.00");
        assertThat(values(found.path("forecast"))).containsExactly("2081-07=233.33", "2081-08=233.33",
                "2081-09=233.33");
        assertThat(movers(found.path("rises"))).containsExactly(rising + " 300.00 → 600.00 300.00");
        assertThat(found.toString()).doesNotContain(elsewhere.toString());

        api.as("manager1").get("/api/v1/analytics/segments?from=2081-04&to=2081-06&measure=margin").isProblem(403);
    }

    @Test
    void theHeadSeesTheMarginOfTheTeamsClients() {
        JsonNode found = mine("head", "from=2081-04&to=2081-06&measure=margin");

        // margins of rising 50 a month, falling 10 in May; the other team's client is not the head's
        assertThat(values(found.path("months"))).containsExactly("2081-04=50.00", "2081-05=60.00",
                "2081-06=50.00");
        assertThat(found.toString()).doesNotContain(elsewhere.toString());
    }

    @Test
    void aWrongPeriodOrMeasureIsRefusedAtItsField() {
        assertThat(api.as("director").get("/api/v1/analytics/segments?from=2081-13&to=2081-06").isProblem(400)
                .errorFields()).containsExactly("from");
        assertThat(api.as("director").get("/api/v1/analytics/segments?from=2081-06&to=2081-01").isProblem(400)
                .errorFields()).containsExactly("to");
        assertThat(api.as("director").get("/api/v1/analytics/segments?from=2078-01&to=2081-06").isProblem(400)
                .errorFields()).containsExactly("to");
        assertThat(api.as("director").get("/api/v1/analytics/segments?measure=volume").isProblem(400)
                .errorFields()).containsExactly("measure");
    }

    @Test
    void thePageDrawsAChartPerSegmentWithItsTableAndMovers() {
        WebSession web = WebSession.loggedIn(port, "director", ApiClient.DEMO_PASSWORD);

        HttpResponse<String> page = web.get("/plans/segments?from=2081-04&to=2081-06");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(segment, "segment-chart-", "data-chart=", "250,00", "175,00",
                "/companies/" + rising, "/companies/" + falling, "/js/charts.js");
        assertThat(web.get("/plans/segments?from=2081-13").statusCode()).isEqualTo(400);
    }
}
