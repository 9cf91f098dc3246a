package org.clientela.keyaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.keyaccounts.SalesFacts.Company;
import org.clientela.salesfacts.internal.SalesFactTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * GET /api/v1/analytics/abc-xyz over sales facts of 2040–2041 (no other test's months), every
 * figure worked out by hand below.
 * <pre>
 * period 2041-01..03      revenue Jan / Feb / Mar    cost        previous period 2040-10..12
 * S (manager2)            500 / 500 / 500            200 a month  —
 * P (manager1)            200+100 / 300 / 300        100 a month  100 / 0 / 0
 * Q (manager1)            100 / — / 200              20 / — / 40  1000 / 1000 / 1000
 * R (manager1)            — / 150 / −50 (returned)   — / 50 / −20 —
 * </pre>
 */
@IntegrationTest
class AbcXyzApiIntegrationTest {

    private static final String PERIOD = "/api/v1/analytics/abc-xyz?from=2041-01&to=2041-03";
    private static Company s;
    private static Company p;
    private static Company q;
    private static Company r;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SalesFactTable salesFactTable;

    @Autowired
    AbcXyzClasses classes;

    private ApiClient api;

    @BeforeEach
    void world() {
        api = new ApiClient(port);
        if (s != null) {
            return;
        }
        SalesFacts facts = new SalesFacts(api, jdbc, salesFactTable);
        s = facts.company("manager2", "Эс");
        p = facts.company("manager1", "Пэ");
        q = facts.company("manager1", "Кью");
        r = facts.company("manager1", "Эр");
        for (String month : List.of("2041-01", "2041-02", "2041-03")) {
            facts.sale(s, month, "500.00", "200.00");
        }
        facts.sale(p, "2041-01", "200.00", "60.00");
        facts.sale(p, "2041-01", "100.00", "40.00");
        facts.sale(p, "2041-02", "300.00", "100.00");
        facts.sale(p, "2041-03", "300.00", "100.00");
        facts.sale(p, "2040-10", "100.00", "50.00");
        facts.sale(q, "2041-01", "100.00", "20.00");
        facts.sale(q, "2041-03", "200.00", "40.00");
        for (String month : List.of("2040-10", "2040-11", "2040-12")) {
            facts.sale(q, month, "1000.00", "500.00");
        }
        facts.sale(r, "2041-02", "150.00", "50.00");
        facts.sale(r, "2041-03", "-50.00", "-20.00");
    }

    @Test
    void theDirectorSeesTheDepartmentClassifiedWithThePreviousPeriod() {
        ApiClient.Response response = api.as("director").get(PERIOD + "&measure=revenue").isJson(200);
        JsonNode answer = response.json();

        assertThat(answer.path("from").asString()).isEqualTo("2041-01");
        assertThat(answer.path("to").asString()).isEqualTo("2041-03");
        assertThat(answer.path("measure").asString()).isEqualTo("revenue");
        assertThat(answer.path("thresholds").path("a").decimalValue()).isEqualByComparingTo("80");
        assertThat(answer.path("thresholds").path("y").decimalValue()).isEqualByComparingTo("25");
        // 1 500 + 900 + 300 + 100
        assertThat(answer.path("total").decimalValue()).isEqualByComparingTo("2800.00");
        assertThat(response.body()).contains("\"total\":2800.00", "\"currency\":\"RUB\"", "\"cumulativeShare\":85.71");
        // S 53.57 % (A from 0); P 32.14 % (A from 53.57); Q 10.71 % (B from 85.71); R 3.57 % (C from 96.43)
        assertThat(lines(answer)).containsExactly(
                line(s, "1500.00", "53.57", "53.57", "A", "0.00", "X", null, null, "NEW"),
                // previous: Q 3 000 then P 100 from 96.77 %: C; 100, 0, 0: cv √2 = 141.42 %: Z
                line(p, "900.00", "32.14", "85.71", "A", "0.00", "X", "C", "Z", "UP"),
                // 100, 0, 200: σ = √(20 000 / 3) = 81.65 = cv; previously AX
                line(q, "300.00", "10.71", "96.43", "B", "81.65", "Z", "A", "X", "DOWN"),
                // 0, 150, −50: mean 33.33, σ = 84.98, cv 254.95 %
                line(r, "100.00", "3.57", "100.00", "C", "254.95", "Z", null, null, "NEW"));
        JsonNode first = answer.path("companies").get(0);
        assertThat(first.path("companyName").asString()).isEqualTo(s.name());
        assertThat(first.has("previousAbc")).isFalse();
        assertThat(first.has("cv")).isTrue();
        // AX: S and P, 2 400 of 2 800; BZ: Q; CZ: R
        assertThat(cell(answer, "A", "X")).isEqualTo("2 2400.00 85.71 50.00");
        assertThat(cell(answer, "B", "Z")).isEqualTo("1 300.00 10.71 25.00");
        assertThat(cell(answer, "C", "Z")).isEqualTo("1 100.00 3.57 25.00");
        assertThat(cell(answer, "A", "Y")).isEqualTo("0 0.00 0.00 0.00");
        assertThat(answer.path("matrix")).hasSize(9);
    }

    @Test
    void aManagerClassifiesOnlyTheirOwnClients() {
        JsonNode answer = api.as("manager1").get(PERIOD).isJson(200).json();

        // P 900, Q 300, R 100 of 1 300: P A from 0, Q A from 69.23 %, R B from 92.31 %
        assertThat(answer.path("measure").asString()).isEqualTo("revenue");
        assertThat(answer.path("total").decimalValue()).isEqualByComparingTo("1300.00");
        assertThat(lines(answer)).containsExactly(
                line(p, "900.00", "69.23", "69.23", "A", "0.00", "X", "C", "Z", "UP"),
                line(q, "300.00", "23.08", "92.31", "A", "81.65", "Z", "A", "X", "SAME"),
                line(r, "100.00", "7.69", "100.00", "B", "254.95", "Z", null, null, "NEW"));
        assertThat(cell(answer, "A", "X")).isEqualTo("1 900.00 69.23 33.33");

        JsonNode other = api.as("manager2").get(PERIOD).isJson(200).json();
        assertThat(lines(other)).containsExactly(line(s, "1500.00", "100.00", "100.00", "A", "0.00", "X", null, null,
                "NEW"));
    }

    @Test
    void theMarginIsForTheManagementOnly() {
        api.as("manager1").get(PERIOD + "&measure=margin").isProblem(403);

        JsonNode answer = api.as("director").get(PERIOD + "&measure=margin").isJson(200).json();

        // S 1 500 − 600 = 900; P 900 − 300 = 600; Q 300 − 60 = 240; R 100 − 30 = 70; of 1 810
        assertThat(answer.path("measure").asString()).isEqualTo("margin");
        assertThat(answer.path("total").decimalValue()).isEqualByComparingTo("1810.00");
        List<String> lines = lines(answer);
        assertThat(lines.get(0)).startsWith(s.id() + " 900.00 49.72 49.72 A ");
        assertThat(lines.get(1)).startsWith(p.id() + " 600.00 33.15 82.87 A ");
        assertThat(lines.get(2)).startsWith(q.id() + " 240.00 13.26 96.13 B ");
        assertThat(lines.get(3)).startsWith(r.id() + " 70.00 3.87 100.00 C ");
        // the head sees the team's clients, margins included
        assertThat(lines(api.as("head").get(PERIOD + "&measure=margin").isJson(200).json())).hasSize(4);
    }

    @Test
    void theOperationIsDescribedWithItsRefusals() {
        JsonNode responses = api.anonymous().get("/v3/api-docs").isJson(200).json().path("paths")
                .path("/api/v1/analytics/abc-xyz").path("get").path("responses");

        assertThat(responses.propertyNames()).contains("200", "400", "401", "403");
        assertThat(responses.path("200").path("content").toString()).contains("AbcXyzResponse");
    }

    @Test
    void otherThresholdsMayBeAskedFor() {
        // A to 50 %: S alone (P starts at 53.57 %); B to 90 %: P and Q (from 85.71 %); X to 0 %, Y to 100 %: Q Y
        JsonNode answer = api.as("director").get(PERIOD + "&thresholdA=50&thresholdB=90&thresholdX=0&thresholdY=100")
                .isJson(200).json();

        assertThat(answer.path("companies")).extracting(company -> company.path("abc").asString()
                + company.path("xyz").asString()).containsExactly("AX", "BX", "BY", "CZ");
        assertThat(answer.path("thresholds").path("b").decimalValue()).isEqualByComparingTo("90");
    }

    @Test
    void wrongMonthsMeasuresAndThresholdsAreRefusedAtTheirField() {
        assertThat(api.as("director").get("/api/v1/analytics/abc-xyz?from=2025-13&to=2026-01").isProblem(400)
                .errorFields()).containsExactly("from");
        assertThat(api.as("director").get("/api/v1/analytics/abc-xyz?from=2041-05&to=2041-01").isProblem(400)
                .errorFields()).containsExactly("to");
        assertThat(api.as("director").get("/api/v1/analytics/abc-xyz?from=2038-01&to=2041-01").isProblem(400)
                .errorFields()).containsExactly("to");
        api.as("director").get("/api/v1/analytics/abc-xyz?from=2038-02&to=2041-01").isJson(200);
        assertThat(api.as("director").get(PERIOD + "&measure=volume").isProblem(400).errorFields())
                .containsExactly("measure");
        assertThat(api.as("director").get(PERIOD + "&thresholdA=90&thresholdB=85&thresholdX=120").isProblem(400)
                .errorFields()).containsExactly("thresholdB", "thresholdX");
        ApiClient.Response english = api.as("director").english().get("/api/v1/analytics/abc-xyz?from=2041&to=x")
                .isProblem(400);
        assertThat(english.errorFields()).containsExactly("from", "to");
        assertThat(english.body()).contains("Give the month as YYYY-MM");
    }

    @Test
    void theDepartmentsClassesAreThereForOtherModulesWithoutAUser() {
        AbcXyzAnalysis analysis = classes.classify(YearMonth.of(2041, 1), YearMonth.of(2041, 3), Measure.REVENUE);

        assertThat(analysis.total()).isEqualByComparingTo("2800.00");
        assertThat(analysis.companies()).extracting(ClassifiedCompany::companyId)
                .containsExactly(s.id(), p.id(), q.id(), r.id());
        assertThat(analysis.companies()).extracting(ClassifiedCompany::abc)
                .containsExactly(AbcClass.A, AbcClass.A, AbcClass.B, AbcClass.C);
        assertThat(analysis.companies().get(1).previousAbc()).isEqualTo(AbcClass.C);
        assertThat(analysis.cell(AbcClass.A, XyzClass.X).count()).isEqualTo(2);
    }

    @Test
    void aPeriodWithoutSalesHasAnEmptyMatrix() {
        JsonNode answer = api.as("director").get("/api/v1/analytics/abc-xyz?from=2040-01&to=2040-06").isJson(200)
                .json();

        assertThat(answer.path("total").decimalValue()).isEqualByComparingTo("0");
        assertThat(answer.path("companies")).isEmpty();
        assertThat(answer.path("matrix")).hasSize(9).allSatisfy(cell -> assertThat(cell.path("count").asInt())
                .isZero());
    }

    private static List<String> lines(JsonNode answer) {
        List<String> lines = new ArrayList<>();
        answer.path("companies").forEach(company -> lines.add(String.join(" ", company.path("companyId").asString(),
                decimal(company.path("value")), decimal(company.path("share")),
                decimal(company.path("cumulativeShare")), company.path("abc").asString(),
                company.path("cv").isMissingNode() ? "-" : decimal(company.path("cv")),
                company.path("xyz").asString(), textOrDash(company.path("previousAbc")),
                textOrDash(company.path("previousXyz")), company.path("movement").asString())));
        return lines;
    }

    /** The test's JSON reader reads numbers as doubles: back to two decimals, failing on more. */
    private static String decimal(JsonNode node) {
        return node.decimalValue().setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String textOrDash(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "-" : node.asString();
    }

    private static String line(Company company, String value, String share, String cumulative, String abc, String cv,
            String xyz, String previousAbc, String previousXyz, String movement) {
        return String.join(" ", company.id().toString(), value, share, cumulative, abc, cv, xyz,
                previousAbc == null ? "-" : previousAbc, previousXyz == null ? "-" : previousXyz, movement);
    }

    private static String cell(JsonNode answer, String abc, String xyz) {
        for (JsonNode cell : answer.path("matrix")) {
            if (cell.path("abc").asString().equals(abc) && cell.path("xyz").asString().equals(xyz)) {
                return cell.path("count").asInt() + " " + decimal(cell.path("value")) + " "
                        + decimal(cell.path("share")) + " " + decimal(cell.path("companyShare"));
            }
        }
        throw new AssertionError("no cell " + abc + xyz);
    }
}
