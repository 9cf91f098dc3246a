package org.clientela.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** A plan's grid as XLSX and back (T1): round trip, bad rows, dry run, who may. Periods of 2071. */
@IntegrationTest
class PlanImportIntegrationTest {

    private static final List<String> HEADERS = List.of("Тип строки", "Идентификатор", "Название",
            "Выручка без НДС, ₽", "Маржа, ₽", "Активные клиенты", "Новые клиенты");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private PlanWorld world;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        world = new PlanWorld(api, jdbc);
    }

    /** A draft plan of {@code period} with the department's revenue 1 000 and manager1's 600 / 200 / 3 clients. */
    private String plan(String period) {
        String id = api.as("head").post("/api/v1/plans", Map.of("period", period)).isJson(201).id();
        api.as("head").put("/api/v1/plans/" + id + "/targets", Map.of("version", 0, "targets", List.of(
                Map.of("scope", "DEPARTMENT", "revenue", 1000),
                Map.of("scope", "MANAGER", "scopeId", world.user("manager1").toString(), "revenue", 600,
                        "margin", 200, "activeClients", 3)))).isJson(200);
        return id;
    }

    private JsonNode plan(String id, String scope, UUID scopeId) {
        for (JsonNode row : api.as("head").get("/api/v1/plans/" + id).json().path("targets")) {
            if (row.path("scope").asString().equals(scope)
                    && (scopeId == null || row.path("scopeId").asString().equals(scopeId.toString()))) {
                return row;
            }
        }
        throw new AssertionError("No row " + scope + " " + scopeId);
    }

    private long version(String id) {
        return api.as("head").get("/api/v1/plans/" + id).json().path("version").asLong();
    }

    private ApiClient.Response upload(String user, String id, long version, boolean dryRun, byte[] file) {
        return api.as(user).upload("/api/v1/plans/" + id + "/import?dryRun=" + dryRun, "file", "plan.xlsx", file,
                Map.of("version", String.valueOf(version)));
    }

    private static List<List<Object>> read(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            return rows.map(row -> {
                List<Object> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null || cell.getType() == CellType.EMPTY ? null
                            : cell.getType() == CellType.NUMBER ? cell.asNumber() : cell.getText());
                }
                return cells;
            }).toList();
        }
    }

    private static byte[] xlsx(List<? extends List<?>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("План");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                if (value instanceof Number number) {
                    sheet.value(r, c, number);
                } else if (value != null) {
                    sheet.value(r, c, value.toString());
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    private static List<Object> find(List<List<Object>> rows, String type, Object id) {
        return rows.stream().filter(row -> type.equals(row.get(0)) && (id == null || id.toString().equals(row.get(1))))
                .findFirst().orElseThrow();
    }

    @Test
    void theExportedGridComesBackWithTwoCellsChanged() throws IOException {
        String id = plan("2071-01");
        UUID manager1 = world.user("manager1");
        UUID group = world.group(0);
        WebSession head = WebSession.loggedIn(port, "head", ApiClient.DEMO_PASSWORD);
        HttpResponse<byte[]> export = head.download("/plans/" + id + "/export.xlsx");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("plan-2071-01.xlsx");
        List<List<Object>> rows = new ArrayList<>(read(export.body()));
        assertThat(rows.get(0)).isEqualTo(HEADERS);
        List<Object> department = find(rows, "DEPARTMENT", null);
        assertThat(department.get(2)).isEqualTo("Отдел в целом");
        assertThat((BigDecimal) department.get(3)).isEqualByComparingTo("1000");
        List<Object> manager = find(rows, "MANAGER", manager1);
        assertThat(manager.subList(3, 6)).usingElementComparator((a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b))
                .containsExactly(new BigDecimal("600"), new BigDecimal("200"), new BigDecimal("3"));
        assertThat(find(rows, "GROUP", group).get(2)).isNotNull();
        assertThat(api.as("head").get("/api/v1/plans/" + id + "/export.xlsx").status()).isEqualTo(200);

        department.set(3, new BigDecimal("1500.5"));
        manager.set(5, new BigDecimal("7"));
        long before = version(id);
        ApiClient.Response imported = upload("head", id, before, false, xlsx(rows)).isJson(200);

        assertThat(imported.json().path("committed").asBoolean()).isTrue();
        assertThat(imported.json().path("problemCount").asInt()).isZero();
        assertThat(imported.json().path("version").asLong()).isEqualTo(before + 1);
        assertThat(plan(id, "DEPARTMENT", null).path("revenue").decimalValue()).isEqualByComparingTo("1500.50");
        JsonNode managerRow = plan(id, "MANAGER", manager1);
        assertThat(managerRow.path("activeClients").asInt()).isEqualTo(7);
        assertThat(managerRow.path("revenue").decimalValue()).isEqualByComparingTo("600");
        assertThat(managerRow.path("margin").decimalValue()).isEqualByComparingTo("200");
        assertThat(plan(id, "GROUP", group).path("revenue").isMissingNode()
                || plan(id, "GROUP", group).path("revenue").isNull()).isTrue();
        // audited as the grid's save is: each changed measure with its old and new value
        assertThat(jdbc.sql("""
                        select old_value || ' → ' || new_value from audit_log
                        where entity_type = 'SalesPlan' and entity_id = :id and field = :field""")
                .param("id", id).param("field", "DEPARTMENT.revenue").query(String.class).list())
                .contains("1000.00 → 1500.50");
        assertThat(jdbc.sql("""
                        select count(*) from audit_log
                        where entity_type = 'SalesPlan' and action = 'EXPORTED' and new_value like :what""")
                .param("what", "XLSX; plan 2071-01 (" + id + ")%").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aBadRowRefusesTheWholeFileWithTheRowAndColumnInTheMessage() throws IOException {
        String id = plan("2071-02");
        UUID manager1 = world.user("manager1");
        UUID group = world.group(0);
        long before = version(id);
        byte[] file = xlsx(List.of(HEADERS,
                row("DEPARTMENT", null, "Отдел", 2000, null, null, null),
                row("MANAGER", manager1.toString(), "Менеджер", -5, null, null, null),
                row("GROUP", UUID.randomUUID().toString(), "Нет такой", 100, null, "много", null),
                row("GROUP", group.toString(), "Группа", 300, null, 2.5, null)));

        ApiClient.Response refused = upload("head", id, before, false, file).isProblem(422);

        JsonNode report = refused.json().path("report");
        assertThat(report.path("committed").asBoolean()).isFalse();
        assertThat(report.path("problemCount").asInt()).isEqualTo(4);
        List<String> messages = new ArrayList<>();
        report.path("rows").forEach(row -> row.path("problems").forEach(p -> messages.add(p.path("message").asString())));
        assertThat(messages).containsExactlyInAnyOrder(
                "Строка 3, столбец «Выручка без НДС, ₽» (D3): Не может быть меньше нуля.",
                "Строка 4, столбец «Идентификатор» (B4): Такой ассортиментной группы нет.",
                "Строка 4, столбец «Активные клиенты» (F4): Это не число. Пример: 1 200 000,50.",
                "Строка 5, столбец «Активные клиенты» (F5): Нужно целое число.");
        assertThat(report.path("rows").get(0).path("problems").isEmpty()).isTrue();
        // nothing written, not even the right rows
        assertThat(version(id)).isEqualTo(before);
        assertThat(plan(id, "DEPARTMENT", null).path("revenue").decimalValue()).isEqualByComparingTo("1000");
        assertThat(plan(id, "MANAGER", manager1).path("revenue").decimalValue()).isEqualByComparingTo("600");

        byte[] twice = xlsx(List.of(HEADERS, row("MANAGER", manager1.toString(), "", 1, null, null, null),
                row("MANAGER", manager1.toString(), "", 2, null, null, null)));
        assertThat(upload("head", id, before, false, twice).isProblem(422).json().path("report").path("rows").get(1)
                .path("problems").get(0).path("message").asString())
                .isEqualTo("Строка 3, столбец «Идентификатор» (B3): Эта строка уже есть в строке 2.");

        byte[] noId = xlsx(List.of(List.of("Тип строки", "Выручка без НДС, ₽"), row("DEPARTMENT", 5)));
        ApiClient.Response missing = upload("head", id, before, false, noId).isProblem(400);
        assertThat(missing.errorFields()).containsExactly("file");
        assertThat(missing.body()).contains("«Идентификатор»", "«Маржа, ₽»");
    }

    @Test
    void aDryRunChecksAndWritesNothing() throws IOException {
        String id = plan("2071-03");
        long before = version(id);
        byte[] file = xlsx(List.of(HEADERS, row("DEPARTMENT", null, "Отдел", "2 500 000,50", null, 40, 5)));

        ApiClient.Response checked = upload("head", id, before, true, file).isJson(200);

        assertThat(checked.json().path("dryRun").asBoolean()).isTrue();
        assertThat(checked.json().path("committed").asBoolean()).isFalse();
        assertThat(checked.json().path("problemCount").asInt()).isZero();
        assertThat(version(id)).isEqualTo(before);
        assertThat(plan(id, "DEPARTMENT", null).path("revenue").decimalValue()).isEqualByComparingTo("1000");
        // the same file for real: the typed number as a Russian types it
        upload("head", id, before, false, file).isJson(200);
        JsonNode department = plan(id, "DEPARTMENT", null);
        assertThat(department.path("revenue").decimalValue()).isEqualByComparingTo("2500000.50");
        assertThat(department.path("activeClients").asInt()).isEqualTo(40);
    }

    @Test
    void onlyTheEditorsImportAndOnlyIntoADraft() throws IOException {
        String id = plan("2071-04");
        long before = version(id);
        byte[] file = xlsx(List.of(HEADERS, row("DEPARTMENT", null, "", 5, null, null, null)));

        upload("manager1", id, before, false, file).isProblem(403);
        WebSession manager = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);
        assertThat(manager.upload("/plans/" + id, "/plans/" + id + "/import?version=" + before, "file", "plan.xlsx",
                file).statusCode()).isEqualTo(403);
        assertThat(version(id)).isEqualTo(before);

        api.as("head").post("/api/v1/plans/" + id + "/approve", Map.of("version", before)).isJson(200);
        assertThat(upload("head", id, before + 1, false, file).isProblem(409).detail()).contains("утверждён");
        assertThat(plan(id, "DEPARTMENT", null).path("revenue").decimalValue()).isEqualByComparingTo("1000");
    }

    @Test
    void theHeadUploadsOnThePlanPageAndSeesTheProblemsAtTheirCells() throws IOException {
        String id = plan("2071-05");
        long before = version(id);
        WebSession head = WebSession.loggedIn(port, "head", ApiClient.DEMO_PASSWORD);
        assertThat(head.get("/plans/" + id).body()).contains("id=\"plan-import\"", "/plans/" + id + "/export.xlsx");

        byte[] bad = xlsx(List.of(HEADERS, row("DEPARTMENT", null, "Отдел", "сто", null, null, null)));
        HttpResponse<String> refused = head.upload("/plans/" + id, "/plans/" + id + "/import?version=" + before,
                "file", "plan.xlsx", bad);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("data-cell=\"D2\"",
                "Строка 2, столбец «Выручка без НДС, ₽» (D2): Это не число. Пример: 1 200 000,50.");

        byte[] good = xlsx(List.of(HEADERS, row("DEPARTMENT", null, "Отдел", 1234, null, null, null)));
        HttpResponse<String> written = head.upload("/plans/" + id, "/plans/" + id + "/import?version=" + before,
                "file", "plan.xlsx", good);
        assertThat(written.statusCode()).isEqualTo(302);
        assertThat(head.get(WebSession.location(written)).body()).contains("Цели загружены из файла, строк: 1.");
        assertThat(plan(id, "DEPARTMENT", null).path("revenue").decimalValue()).isEqualByComparingTo("1234");

        HttpResponse<String> notATable = head.upload("/plans/" + id, "/plans/" + id + "/import?version="
                + version(id), "file", "plan.xlsx", "%PDF-1.4".getBytes());
        assertThat(notATable.body()).contains("id=\"plan-import-error\"");
    }
}
