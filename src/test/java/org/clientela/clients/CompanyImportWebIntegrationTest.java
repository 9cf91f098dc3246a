package org.clientela.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import screens over real HTTP: upload, the columns as the headers suggest them, the
 * check of every row, the import in the background and its end; another person cannot reach
 * someone's upload, and markup in a file is shown as text.
 */
@IntegrationTest
class CompanyImportWebIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aManagerUploadsChecksAndImportsAFile() throws InterruptedException {
        WebSession manager = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);
        assertThat(manager.get("/companies").body()).contains("href=\"/companies/import\"");
        String name = ApiClient.unique("Веб-импорт");
        String inn = CompanyNumbers.organisationInn();
        String csv = "Название;ИНН;КПП;Организационно-правовая форма;Заметка\n"
                + name + " <i>курсив</i>;" + inn + ";773601001;ООО;Дилеры\n";

        HttpResponse<String> uploaded = manager.upload("/companies/import", "/companies/import", "file",
                "web.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).isEqualTo(302);
        String upload = WebSession.location(uploaded);

        String mapping = manager.get(upload).body();
        assertThat(mapping).contains("Заметка");
        assertThat(mapping).containsPattern("name=\"column\\.1\"[^>]*>(?s).*?<option value=\"inn\" selected");

        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("column.0", "name");
        columns.put("column.1", "inn");
        columns.put("column.2", "kpp");
        columns.put("column.3", "legalForm");
        columns.put("column.4", "segment");
        HttpResponse<String> checked = manager.submit(upload, upload, columns);
        assertThat(checked.statusCode()).isEqualTo(302);
        String preview = manager.get(WebSession.location(checked)).body();
        assertThat(preview).contains("id=\"import-valid\"", name + " &lt;i&gt;курсив&lt;/i&gt;")
                .doesNotContain("<i>курсив</i>");
        assertThat(jdbc.sql("select count(*) from company where inn = :inn").param("inn", inn).query(Long.class)
                .single()).isZero();

        HttpResponse<String> committed = manager.submit(WebSession.location(checked), upload + "/commit", Map.of());
        assertThat(committed.statusCode()).isEqualTo(302);
        String progress = WebSession.location(committed);
        String page = manager.get(progress).body();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (page.contains("hx-trigger=\"every 1s\"") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            page = manager.get(progress, "HX-Request", "true").body();
        }
        // done, the page stops polling (every page still polls the reminders of activities)
        assertThat(page).contains("id=\"import-done\"").doesNotContain("hx-trigger=\"every 1s\"");
        assertThat(jdbc.sql("select segment from company where inn = :inn").param("inn", inn)
                .query(String.class).single()).isEqualTo("Дилеры");
        assertThat(manager.get("/companies?q=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).body())
                .contains(name);

        WebSession other = WebSession.loggedIn(port, "manager2", ApiClient.DEMO_PASSWORD);
        assertThat(other.get(upload + "/preview").statusCode()).isEqualTo(404);
    }

    @Test
    void aBadRowIsShownWithItsRowAndColumnAndTheImportCannotStart() {
        WebSession manager = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);
        String inn = CompanyNumbers.organisationInn();
        String csv = "name;inn;kpp;legalForm\n"
                + "Хорошая;" + inn + ";773601001;OOO\n"
                + "Плохая;77070838ab;773601001;OOO\n";
        String upload = WebSession.location(manager.upload("/companies/import", "/companies/import", "file",
                "bad.csv", csv.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> columns = Map.of("column.0", "name", "column.1", "inn", "column.2", "kpp",
                "column.3", "legalForm");

        String preview = manager.get(WebSession.location(manager.submit(upload, upload, columns))).body();

        assertThat(preview).contains("id=\"import-invalid\"")
                .containsPattern("class=\"problem-row\">3</td>\\s*<td class=\"problem-column\">inn</td>")
                .containsPattern("id=\"import-commit\" disabled");
        manager.submit(upload + "/preview", upload + "/commit", Map.of());
        assertThat(jdbc.sql("select count(*) from company where inn = :inn").param("inn", inn).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aFileThatIsNoTableOrLacksTheInnIsRefusedAtTheField() {
        WebSession manager = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);

        HttpResponse<String> image = manager.upload("/companies/import", "/companies/import", "file", "a.png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});
        assertThat(image.statusCode()).isEqualTo(400);
        assertThat(image.body()).contains("id=\"import-file-error\"", "XLSX");

        String upload = WebSession.location(manager.upload("/companies/import", "/companies/import", "file",
                "no-inn.csv", "Название;Регион\nРомашка;Тула\n".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> refused = manager.submit(upload, upload, Map.of("column.0", "name", "column.1", "region"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"mapping-error\"", "ИНН");
    }
}
