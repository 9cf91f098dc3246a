package org.clientela.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.clientela.shared.BankAccount;
import org.clientela.shared.Bik;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * The export of the company list (C5): the list's filters and the user's scope, every column of
 * {@code CompanyColumn}, numbers kept as text, no formula smuggled in, and an audit record. Each
 * file is read back the way a person's spreadsheet would read it.
 */
@IntegrationTest
class CompanyExportIntegrationTest {

    private static final String EXPORT = "/api/v1/companies/export";
    private static final String BIK = "044525225";
    private static final String CORRESPONDENT = "30101810400000000225";
    private static final String MANAGER1 = "Кузнецов Дмитрий Александрович";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String tag;
    Map<String, Object> zeroes;
    Map<String, Object> formula;
    Map<String, Object> otherSegment;
    Map<String, Object> ofManager3;

    /** Four companies of one fresh tag: two match the filters for manager1, one is another segment, one is manager3's. */
    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        tag = ApiClient.unique("выгрузка");
        String segment = ApiClient.unique("Опт");
        zeroes = company("Альфа " + tag, segment);
        zeroes.put("inn", CompanyNumbers.organisationInnWithLeadingZero());
        zeroes.put("kpp", "010101001");
        zeroes.put("bik", BIK);
        zeroes.put("correspondentAccount", CORRESPONDENT);
        zeroes.put("settlementAccount", settlementAccount());
        zeroes.put("region", "Адыгея");
        zeroes.put("source", "EXHIBITION");
        zeroes.put("tags", List.of(tag, "окна"));
        formula = company("=HYPERLINK(\"http://evil\";\"Бета\") " + tag, segment);
        formula.put("region", "-1+2");
        formula.put("legalAddress", "@SUM(A1)");
        otherSegment = company("Гамма " + tag, ApiClient.unique("Розница"));
        ofManager3 = company("Дельта " + tag, segment);
        for (Map<String, Object> company : List.of(zeroes, formula, otherSegment)) {
            api.as("manager1").post("/api/v1/companies", company).isJson(201);
        }
        api.as("manager3").post("/api/v1/companies", ofManager3).isJson(201);
    }

    @Test
    void xlsxHoldsEveryMatchingCompanyOneMaySeeWithNumbersAsText() throws IOException {
        String segment = (String) zeroes.get("segment");

        HttpResponse<byte[]> file = download("manager1", EXPORT + "?format=xlsx&tag=" + encode(tag) + "&segment="
                + encode(segment) + "&sort=name,asc", "ru");

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
                .matches("attachment; filename=\"companies-\\d{4}-\\d{2}-\\d{2}\\.xlsx\"");
        List<Row> rows = xlsx(file.body());
        assertThat(texts(rows.get(0))).startsWith("Название", "Организационно-правовая форма", "ИНН", "КПП")
                .endsWith("Ответственный менеджер", "Метки");
        assertThat(rows).hasSize(3);
        // "=" sorts before letters: the formula-looking name first
        assertThat(texts(rows.get(1)).get(0)).isEqualTo(formula.get("name"));
        assertThat(texts(rows.get(2))).containsExactly("Альфа " + tag, "ООО", (String) zeroes.get("inn"), "010101001",
                (String) zeroes.get("ogrn"), "", "", BIK, "", (String) zeroes.get("settlementAccount"), CORRESPONDENT,
                segment, "Адыгея", "", "Выставка", "Потенциальный", "", MANAGER1, tag + ", окна");
        for (int column : List.of(2, 3, 4, 9, 10)) {
            assertThat(rows.get(2).getCell(column).getType()).as("column %s", column).isEqualTo(CellType.STRING);
        }
        Row evil = rows.get(1);
        assertThat(evil.getCell(0).getType()).isEqualTo(CellType.STRING);
        assertThat(evil.getCell(5).getType()).isEqualTo(CellType.STRING);
        assertThat(evil.getCell(5).getText()).isEqualTo("@SUM(A1)");
        assertThat(evil.getCell(12).getText()).isEqualTo("-1+2");
        String sheet = sheetXml(file.body());
        assertThat(sheet).contains("state=\"frozen\"", "<cols>").doesNotContain("<f>");
        assertThat(audit("manager1", tag)).singleElement().asString()
                .contains("XLSX", "tag=" + tag, "segment=" + segment, "rows: 2");
    }

    @Test
    void csvIsUtf8WithBomSemicolonsAndCrlfAndNoFormula() throws IOException {
        HttpResponse<byte[]> file = download("manager1", EXPORT + "?format=csv&tag=" + encode(tag)
                + "&sort=name,desc", "en");

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).endsWith(".csv\"");
        byte[] bytes = file.body();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n").doesNotContain("\n\n");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').get()
                .parse(new StringReader(text)).getRecords();
        assertThat(records.get(0).get(0)).isEqualTo("Name");
        assertThat(records.get(0).get(2)).isEqualTo("INN");
        assertThat(records.stream().skip(1).map(record -> record.get(0)).toList()).containsExactly(
                "Гамма " + tag, "Альфа " + tag, "'" + formula.get("name"));
        CSVRecord alpha = records.get(2);
        assertThat(alpha.get(1)).isEqualTo("LLC (OOO)");
        assertThat(alpha.get(2)).isEqualTo(zeroes.get("inn")).startsWith("01");
        assertThat(alpha.get(3)).isEqualTo("010101001");
        assertThat(alpha.get(15)).isEqualTo("Prospect");
        assertThat(alpha.get(18)).isEqualTo(tag + ", окна");
        CSVRecord evil = records.get(3);
        assertThat(evil.get(5)).isEqualTo("'@SUM(A1)");
        assertThat(evil.get(12)).isEqualTo("'-1+2");
        assertThat(audit("manager1", tag)).singleElement().asString().contains("CSV", "rows: 3");
    }

    @Test
    void theScopeDecidesWhatLeavesTheSystem() throws IOException {
        List<String> ofManager1 = names(xlsx(download("manager1", EXPORT + "?tag=" + encode(tag), "ru").body()));
        List<String> ofManager3s = names(xlsx(download("manager3", EXPORT + "?tag=" + encode(tag), "ru").body()));
        List<String> ofDirector = names(xlsx(download("director", EXPORT + "?tag=" + encode(tag), "ru").body()));

        assertThat(ofManager1).hasSize(3).doesNotContain((String) ofManager3.get("name"));
        assertThat(ofManager3s).containsExactly((String) ofManager3.get("name"));
        assertThat(ofDirector).hasSize(4).contains((String) ofManager3.get("name"));
        HttpResponse<byte[]> head = download("head", EXPORT + "?tag=" + encode(tag) + "&ownerId=" + userId("manager3"),
                "ru");
        assertThat(names(xlsx(head.body()))).isEmpty();
        assertThat(audit("head", tag)).singleElement().asString().contains("rows: 0");
    }

    @Test
    void aWrongFormatOrSortIsRefusedAtItsFieldAndNothingIsRecorded() {
        assertThat(api.as("manager1").get(EXPORT + "?format=pdf&tag=" + encode(tag)).isProblem(400).errorFields())
                .containsExactly("format");
        assertThat(api.as("manager1").get(EXPORT + "?sort=password&tag=" + encode(tag)).isProblem(400).errorFields())
                .containsExactly("sort");
        assertThat(audit("manager1", tag)).isEmpty();
    }

    @Test
    void theListOffersItsOwnFilteredExport() throws IOException {
        WebSession manager = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);
        String page = manager.get("/companies?tag=" + encode(tag) + "&sort=region&dir=desc").body();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("id=\"export-xlsx\" href=\"([^\"]+)\"")
                .matcher(page);
        assertThat(link.find()).as("an export link on the list").isTrue();
        String href = HtmlUtils.htmlUnescape(link.group(1));
        assertThat(href).startsWith("/companies/export?").contains("tag=", "sort=region", "dir=desc", "format=xlsx");
        assertThat(page).contains("id=\"export-csv\"");

        HttpResponse<byte[]> file = manager.download(href);

        assertThat(file.statusCode()).isEqualTo(200);
        List<Row> rows = xlsx(file.body());
        // by region, descending, as the list shows it: no region first (PostgreSQL's order), then "Адыгея", "-1+2"
        assertThat(names(rows)).containsExactly("Гамма " + tag, "Альфа " + tag, (String) formula.get("name"));
        assertThat(audit("manager1", tag)).singleElement().asString()
                .contains("XLSX", "tag=" + tag, "sort: region desc", "rows: 3");
        assertThat(WebSession.loggedIn(port, "manager3", ApiClient.DEMO_PASSWORD)
                .download("/companies/export?format=csv&tag=" + encode(tag)).body())
                .asString(StandardCharsets.UTF_8).contains((String) ofManager3.get("name"))
                .doesNotContain("Альфа " + tag);
    }

    private List<String> audit(String actor, String tag) {
        return jdbc.sql("select new_value from audit_log where action = 'EXPORTED' and entity_type = 'Company' "
                        + "and actor = :actor and new_value like :tag order by id")
                .param("actor", actor).param("tag", "%" + tag + "%").query(String.class).list();
    }

    private HttpResponse<byte[]> download(String username, String path, String language) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (username + ":" + ApiClient.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", language)
                .GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String userId(String username) {
        return jdbc.sql("select cast(id as text) from app_user where username = :username")
                .param("username", username).query(String.class).single();
    }

    private static List<Row> xlsx(byte[] bytes) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            return workbook.getFirstSheet().read();
        }
    }

    private static String sheetXml(byte[] bytes) throws IOException {
        // the streamed file's entries carry their sizes after the data: a ZipFile reads them, a ZipInputStream not
        Path file = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(file, bytes);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                        StandardCharsets.UTF_8);
            }
        } finally {
            Files.delete(file);
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            texts.add(row.getCellText(i));
        }
        return texts;
    }

    private static List<String> names(List<Row> rows) {
        return rows.stream().skip(1).map(row -> row.getCellText(0)).toList();
    }

    /** A valid account at {@value #BIK}: the check digit (the ninth) found by trying each. */
    private static String settlementAccount() {
        String template = "40702810%s0" + CompanyNumbers.organisationInn();
        for (int digit = 0; digit < 10; digit++) {
            String account = template.formatted(digit);
            if (BankAccount.isValidSettlement(account, Bik.parse(BIK, "bik"))) {
                return account;
            }
        }
        throw new AssertionError("No check digit fits");
    }

    private Map<String, Object> company(String name, String segment) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", name);
        company.put("legalForm", "OOO");
        company.put("inn", CompanyNumbers.organisationInn());
        company.put("kpp", "773601001");
        company.put("ogrn", CompanyNumbers.ogrn());
        company.put("segment", segment);
        company.put("tags", List.of(tag));
        return company;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
