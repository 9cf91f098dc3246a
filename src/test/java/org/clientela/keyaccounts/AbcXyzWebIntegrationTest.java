package org.clientela.keyaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.clientela.keyaccounts.SalesFacts.Company;
import org.clientela.salesfacts.internal.SalesFactTable;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ABC/XYZ page and its export over sales facts of 2047 (no other test's months).
 * <pre>
 * period 2047-01..02   Jan / Feb     value   share   class
 * big (manager1)       600 / 600     1 200   75 %    AX (cv 0)
 * middle (manager2)    300 / —         300   18.75   AZ (from 75 %; cv 100 %)
 * small (manager1)     — / 100         100   6.25    BZ (from 93.75 %; cv 100 %)
 * </pre>
 */
@IntegrationTest
class AbcXyzWebIntegrationTest {

    private static final String PAGE = "/analytics/abc-xyz?from=2047-01&to=2047-02";
    private static final String NBSP = "\u00A0";
    private static Company big;
    private static Company middle;
    private static Company small;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SalesFactTable salesFactTable;

    @BeforeEach
    void world() {
        if (big != null) {
            return;
        }
        SalesFacts facts = new SalesFacts(new ApiClient(port), jdbc, salesFactTable);
        big = facts.company("manager1", "Большой");
        middle = facts.company("manager2", "Средний");
        small = facts.company("manager1", "Малый");
        facts.sale(big, "2047-01", "600.00", "300.00");
        facts.sale(big, "2047-02", "600.00", "300.00");
        facts.sale(middle, "2047-01", "300.00", "100.00");
        facts.sale(small, "2047-02", "100.00", "90.00");
    }

    @Test
    void theDirectorSeesTheTableTheMatrixAndFiltersByACell() {
        WebSession director = WebSession.loggedIn(port, "director", ApiClient.DEMO_PASSWORD);

        String page = director.get(PAGE).body();

        assertThat(page).contains("ABC/XYZ-анализ клиентов", "pareto-chart", "matrix-chart", "/js/abc-xyz.js",
                "/dist/echarts.min.js", "value=\"margin\"");
        assertThat(rows(page)).containsExactly(big.id().toString(), middle.id().toString(), small.id().toString());
        assertThat(row(page, big)).contains(big.name(), "/companies/" + big.id(), money("1 200,00"), ">75<",
                "data-cell=\"AX\"", "data-movement=\"NEW\"");
        assertThat(row(page, middle)).contains("data-cell=\"AZ\"", ">18,75<", ">93,75<", ">100<");
        assertThat(row(page, small)).contains("data-cell=\"BZ\"", ">6,25<", ">100<");
        assertThat(figure(page, "abc-xyz-total")).isEqualTo(money("1 600,00"));
        assertThat(cellCount(page, "AX")).isEqualTo("1");
        assertThat(cellCount(page, "AZ")).isEqualTo("1");
        assertThat(cellCount(page, "CY")).isEqualTo("0");

        String az = director.get(link(page, "AZ")).body();
        assertThat(link(page, "AZ")).contains("cell=AZ", "from=2047-01", "to=2047-02");
        assertThat(rows(az)).containsExactly(middle.id().toString());
        assertThat(az).contains("Клиенты ячейки AZ");
        assertThat(rows(director.get(PAGE + "&cell=cx").body())).isEmpty();
    }

    @Test
    void theWholeTableIsExportedAndTheExportIsAudited() throws IOException {
        WebSession director = WebSession.loggedIn(port, "director", ApiClient.DEMO_PASSWORD);
        long before = exports();

        HttpResponse<byte[]> file = director.download("/analytics/abc-xyz/export?from=2047-01&to=2047-02&cell=AZ");

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"abc-xyz-revenue-2047-01-2047-02.xlsx\"");
        List<Row> rows = xlsx(file.body());
        assertThat(rowNumber(rows, 1).getCellText(0)).isEqualTo("ABC/XYZ-анализ: Выручка без НДС, 2047-01 — 2047-02");
        assertThat(rowNumber(rows, 3).getCellText(1)).isEqualTo("Клиент");
        Row first = rowNumber(rows, 4);
        assertThat(first.getCellText(1)).isEqualTo(big.name());
        assertThat(number(first, 2)).isEqualByComparingTo("1200");
        assertThat(number(first, 3)).isEqualByComparingTo("75");
        assertThat(first.getCellText(5)).isEqualTo("A");
        assertThat(number(first, 6)).isEqualByComparingTo("0");
        assertThat(first.getCellText(7)).isEqualTo("X");
        assertThat(first.getCellText(9)).isEqualTo("новый клиент периода");
        Row third = rowNumber(rows, 6);
        assertThat(third.getCellText(1)).isEqualTo(small.name());
        assertThat(number(third, 4)).isEqualByComparingTo("100");
        assertThat(third.getCellText(5) + third.getCellText(7)).isEqualTo("BZ");
        Row total = rowNumber(rows, 7);
        assertThat(total.getCellText(1)).isEqualTo("Итого");
        assertThat(number(total, 2)).isEqualByComparingTo("1600");
        assertThat(exports()).isEqualTo(before + 1);

        assertThat(director.download("/analytics/abc-xyz/export?from=2047-13").statusCode()).isEqualTo(400);
        assertThat(exports()).isEqualTo(before + 1);
    }

    @Test
    void aManagerSeesTheirOwnClientsAndNoMargin() {
        WebSession manager = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);

        String page = manager.get(PAGE).body();

        // big 1 200 and small 100 of 1 300: small starts at 92.31 %: B
        assertThat(rows(page)).containsExactly(big.id().toString(), small.id().toString());
        assertThat(row(page, small)).contains("data-cell=\"BZ\"", ">7,69<");
        assertThat(page).contains("value=\"revenue\"").doesNotContain("value=\"margin\"");
        assertThat(manager.get(PAGE + "&measure=margin").statusCode()).isEqualTo(403);
        assertThat(manager.download("/analytics/abc-xyz/export?from=2047-01&to=2047-02&measure=margin").statusCode())
                .isEqualTo(403);
    }

    @Test
    void wrongFieldsAreShownAtTheirPlace() {
        WebSession director = WebSession.loggedIn(port, "director", ApiClient.DEMO_PASSWORD);

        HttpResponse<String> answer = director.get("/analytics/abc-xyz?from=2047-13&to=2047-02&thresholdA=96");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(invalid(answer.body())).containsExactly("from", "thresholdB");
        assertThat(answer.body()).contains("Укажите месяц в виде ГГГГ-ММ", "value=\"2047-13\"",
                "Граница должна быть больше предыдущей (96 %)").doesNotContain("abc-xyz-companies");
    }

    private long exports() {
        return jdbc.sql("""
                        select count(*) from audit_log
                        where entity_type = 'AbcXyz' and action = 'EXPORTED' and actor = 'director'""")
                .query(Long.class).single();
    }

    private static String money(String amount) {
        return amount.replace(" ", NBSP) + NBSP + "₽";
    }

    /** The companies of the table in their order. */
    private static List<String> rows(String html) {
        return Stream.of(html.split("class=\"abc-xyz-row\"")).skip(1)
                .map(row -> row.substring(row.indexOf("data-id=\"") + 9, row.indexOf("data-id=\"") + 45)).toList();
    }

    private static String row(String html, Company company) {
        int start = html.indexOf("data-id=\"" + company.id() + "\"");
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static String figure(String html, String id) {
        int start = html.indexOf(">", html.indexOf("id=\"" + id + "\"")) + 1;
        return html.substring(start, html.indexOf("<", start));
    }

    /** The count in a cell of the matrix table. */
    private static String cellCount(String html, String cell) {
        int count = html.indexOf("cell-count", html.indexOf("id=\"cell-" + cell + "\""));
        int start = html.indexOf(">", count) + 1;
        return html.substring(start, html.indexOf("<", start));
    }

    private static String link(String html, String cell) {
        int start = html.indexOf("id=\"cell-" + cell + "\"");
        int href = html.indexOf("href=\"", start) + 6;
        return html.substring(href, html.indexOf('"', href)).replace("&amp;", "&");
    }

    /** The fields of the answer marked wrong, by their messages' {@code data-field}. */
    private static List<String> invalid(String html) {
        return Stream.of(html.split("data-field=\"")).skip(1).map(part -> part.substring(0, part.indexOf('"')))
                .toList();
    }

    private static List<Row> xlsx(byte[] file) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file));
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            return rows.toList();
        }
    }

    private static Row rowNumber(List<Row> rows, int number) {
        return rows.stream().filter(row -> row.getRowNum() == number).findFirst().orElseThrow();
    }

    private static BigDecimal number(Row row, int column) {
        return row.getCellAsNumber(column).orElseThrow();
    }
}
