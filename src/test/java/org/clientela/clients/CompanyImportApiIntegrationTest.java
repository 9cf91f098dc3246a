package org.clientela.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.ApiClient.Response;
import org.clientela.IntegrationTest;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Import of companies and their people from files through the API: CSV in both encodings and
 * with both separators, XLSX, labels as an export writes them; every bad row named, duplicates
 * reported, and nothing written unless everything can be.
 */
@IntegrationTest
class CompanyImportApiIntegrationTest {

    static final String IMPORT = "/api/v1/companies/import";
    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void aUtf8SemicolonCsvWithRussianHeadersIsImportedWithItsPeople() {
        String name = ApiClient.unique("Ромашка");
        String inn = CompanyNumbers.organisationInn();
        String traderInn = CompanyNumbers.soleTraderInn();
        String csv = "\uFEFFНазвание;Организационно-правовая форма;ИНН;КПП;Регион;Контактное лицо;Должность;Телефоны;Электронная почта\n"
                + name + ";ООО;" + inn + ";773601001;Тула;Иванов Иван;Директор;+7 (495) 111-22-33;Ivanov@Firm.ru\n"
                + name + ";ООО;" + inn + ";773601001;;Петрова Анна;Снабженец;;\n"
                + "ИП " + name + ";IP;" + traderInn + ";;Тверь;;;;\n";

        Response answer = api.as("manager1").upload(IMPORT, "file", "clients.csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of()).isJson(200);

        JsonNode report = answer.json();
        assertThat(report.path("committed").asBoolean()).isTrue();
        assertThat(report.path("rows").asInt()).isEqualTo(3);
        assertThat(report.path("companies").asInt()).isEqualTo(2);
        assertThat(report.path("contacts").asInt()).isEqualTo(2);
        assertThat(report.path("problemCount").asInt()).isZero();
        assertThat(report.path("fileName").asString()).isEqualTo("clients.csv");
        assertThat(jdbc.sql("select count(*) from contact k join company c on c.id = k.company_id "
                + "where c.inn = :inn").param("inn", inn).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select region from company where inn = :inn").param("inn", inn)
                .query(String.class).single()).isEqualTo("Тула");
        assertThat(jdbc.sql("select emails[1] from contact where full_name = 'Иванов Иван' and company_id = "
                + "(select id from company where inn = :inn)").param("inn", inn).query(String.class).single())
                .isEqualTo("ivanov@firm.ru");
        assertThat(jdbc.sql("select legal_form from company where inn = :inn").param("inn", traderInn)
                .query(String.class).single()).isEqualTo("IP");
    }

    @Test
    void aWindows1251CommaCsvWithQuotedSeparatorsAndQuotesAndEnglishHeaders() {
        String name = ApiClient.unique("Окна, двери и \"фасады\"");
        String inn = CompanyNumbers.organisationInn();
        String csv = "Name,Legal form,INN,KPP,Legal address,contact person,phones\r\n"
                + quoted(name) + ",OOO," + inn + ",773601001," + quoted("г. Тула, ул. Ленина, д. 1")
                + ",Сидоров Пётр,\"8 (4872) 55-66-77, +7 916 000-11-22\"\r\n";

        Response answer = api.as("manager1").upload(IMPORT, "file", "clients-1251.csv",
                csv.getBytes(WINDOWS_1251), Map.of()).isJson(200);

        assertThat(answer.json().path("committed").asBoolean()).isTrue();
        Map<String, Object> stored = jdbc.sql("select name, legal_address from company where inn = :inn")
                .param("inn", inn).query().singleRow();
        assertThat(stored.get("name")).isEqualTo(name);
        assertThat(stored.get("legal_address")).isEqualTo("г. Тула, ул. Ленина, д. 1");
        assertThat(jdbc.sql("select array_to_string(phone_digits, ',') from contact where company_id = "
                + "(select id from company where inn = :inn)").param("inn", inn).query(String.class).single())
                .isEqualTo("74872556677,79160001122");
    }

    @Test
    void anXlsxFileIsImportedFromItsFirstSheet() throws IOException {
        String name = ApiClient.unique("Кристалл");
        String inn = CompanyNumbers.organisationInn();
        byte[] xlsx = xlsx(List.of(
                List.of("Название", "ИНН", "КПП", "Организационно-правовая форма", "Статус", "Метки"),
                List.of(name, inn, "773601001", "АО", "Действующий", "окна, опт")));

        Response answer = api.as("manager1").upload(IMPORT, "file", "clients.xlsx", xlsx, Map.of()).isJson(200);

        assertThat(answer.json().path("committed").asBoolean()).isTrue();
        Map<String, Object> stored = jdbc.sql("select name, legal_form, status, array_to_string(tags, ',') as tags "
                + "from company where inn = :inn").param("inn", inn).query().singleRow();
        assertThat(stored).containsEntry("name", name).containsEntry("legal_form", "AO")
                .containsEntry("status", "ACTIVE").containsEntry("tags", "окна,опт");
    }

    @Test
    void brokenRowsAreNamedAtTheirRowAndFieldAndNothingIsWritten() {
        String goodInn = CompanyNumbers.organisationInn();
        String otherGoodInn = CompanyNumbers.organisationInn();
        String wrongCheckDigit = goodInn.substring(0, 9) + (char) ('0' + (goodInn.charAt(9) - '0' + 1) % 10);
        String csv = "Название;ОПФ;ИНН;КПП\n"
                .replace("ОПФ", "Организационно-правовая форма")
                + "Первая;ООО;" + goodInn + ";773601001\n"
                + "Неверная сумма;ООО;" + wrongCheckDigit + ";773601001\n"
                + "Предприниматель;ИП;" + CompanyNumbers.soleTraderInn() + ";773601001\n"
                + "Буквы;ООО;77070838ab;773601001\n"
                + "Последняя;ООО;" + otherGoodInn + ";773601001\n";

        Response refused = api.as("manager1").upload(IMPORT, "file", "broken.csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of()).isProblem(422);

        JsonNode report = refused.json().path("report");
        assertThat(report.path("committed").asBoolean()).isFalse();
        assertThat(report.path("valid").asBoolean()).isFalse();
        assertThat(problems(report)).containsExactly("3:inn", "4:kpp", "5:inn");
        assertThat(report.path("problems").get(0).path("message").asString()).contains("контрольн");
        assertThat(report.path("problems").get(0).path("column").asString()).isEqualTo("ИНН");
        assertThat(innCount(goodInn) + innCount(otherGoodInn)).isZero();
    }

    @Test
    void aCompanyAlreadyInTheBaseIsNamedOnlyToThoseWhoMaySeeIt() {
        String mine = CompanyNumbers.organisationInn();
        String manager3s = CompanyNumbers.organisationInn();
        String fresh = CompanyNumbers.organisationInn();
        String myName = ApiClient.unique("Своя");
        api.as("manager1").post("/api/v1/companies", Map.of("name", myName, "legalForm", "OOO", "inn", mine,
                "kpp", "773601001")).isJson(201);
        String hiddenName = ApiClient.unique("Чужая");
        api.as("manager3").post("/api/v1/companies", Map.of("name", hiddenName, "legalForm", "OOO",
                "inn", manager3s, "kpp", "773601001")).isJson(201);
        String csv = "name;legalForm;inn;kpp\n"
                + "Новая;OOO;" + fresh + ";773601001\n"
                + "Своя снова;OOO;" + mine + ";773601001\n"
                + "Чужая снова;OOO;" + manager3s + ";773601001\n";

        JsonNode report = api.as("manager1").upload(IMPORT + "?dryRun=true", "file", "dup.csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of()).isJson(200).json();

        assertThat(report.path("valid").asBoolean()).isFalse();
        assertThat(report.path("duplicateCount").asInt()).isEqualTo(2);
        JsonNode visible = report.path("duplicates").get(0);
        assertThat(visible.path("row").asInt()).isEqualTo(3);
        assertThat(visible.path("existingName").asString()).isEqualTo(myName);
        assertThat(visible.path("message").asString()).contains(myName);
        JsonNode hidden = report.path("duplicates").get(1);
        assertThat(hidden.path("row").asInt()).isEqualTo(4);
        assertThat(hidden.has("existingName")).isFalse();
        assertThat(hidden.has("existingCompanyId")).isFalse();
        assertThat(hidden.path("message").asString()).doesNotContain(hiddenName).contains("Попов Игорь Петрович");

        api.as("manager1").upload(IMPORT, "file", "dup.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of())
                .isProblem(422);
        assertThat(innCount(fresh)).isZero();
    }

    @Test
    void rowsOfOneCompanyMustAgreeOnTheCompany() {
        String inn = CompanyNumbers.organisationInn();
        String csv = "name;legalForm;inn;kpp;region;fullName\n"
                + "Одна;OOO;" + inn + ";773601001;Тула;Первый Человек\n"
                + "Одна;OOO;" + inn + ";773601001;;Второй Человек\n"
                + "Другая;OOO;" + inn + ";773601001;Тула;Третий Человек\n";

        JsonNode report = api.as("manager1").english().upload(IMPORT, "file", "same.csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of()).isProblem(422).json().path("report");

        assertThat(problems(report)).containsExactly("4:name");
        assertThat(report.path("problems").get(0).path("message").asString()).contains("row 2");
        assertThat(innCount(inn)).isZero();
    }

    @Test
    void aFileThatIsNoTableIsRefusedWithItsReason() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Response image = api.as("manager1").upload(IMPORT, "file", "clients.csv", png, Map.of()).isProblem(415);
        assertThat(image.errorFields()).containsExactly("file");
        assertThat(image.body()).contains("CSV").contains("XLSX");

        api.as("manager1").upload(IMPORT, "file", "doc.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(
                StandardCharsets.ISO_8859_1), Map.of()).isProblem(415);
        api.as("manager1").upload(IMPORT, "file", "empty.csv", new byte[0], Map.of()).isProblem(400);
        Response notAWorkbook = api.as("manager1").upload(IMPORT, "file", "letter.xlsx",
                "PK\u0003\u0004 not really a workbook".getBytes(StandardCharsets.ISO_8859_1), Map.of())
                .isProblem(400);
        assertThat(notAWorkbook.errorFields()).containsExactly("file");

        Response noInn = api.as("manager1").upload(IMPORT, "file", "no-inn.csv",
                "Название;Регион\nРомашка;Тула\n".getBytes(StandardCharsets.UTF_8), Map.of()).isProblem(400);
        assertThat(noInn.json().path("errors").get(0).path("message").asString()).contains("ИНН");

        Response unclosedQuote = api.as("manager1").upload(IMPORT, "file", "quote.csv",
                ("name;inn\nРомашка;" + CompanyNumbers.organisationInn() + "\n\"Незакрытая;1\n")
                        .getBytes(StandardCharsets.UTF_8), Map.of()).isProblem(400);
        assertThat(unclosedQuote.json().path("errors").get(0).path("message").asString()).contains("3");
    }

    @Test
    void aDryRunWritesNothing() {
        String inn = CompanyNumbers.organisationInn();
        String csv = "name;legalForm;inn;kpp;Примечание\nПробная;OOO;" + inn + ";773601001;что-то\n";

        JsonNode report = api.as("manager1").upload(IMPORT + "?dryRun=true", "file", "dry.csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of()).isJson(200).json();

        assertThat(report.path("valid").asBoolean()).isTrue();
        assertThat(report.path("committed").asBoolean()).isFalse();
        assertThat(report.path("unknownColumns").toString()).isEqualTo("[\"Примечание\"]");
        assertThat(innCount(inn)).isZero();
    }

    @Test
    void anExplicitMappingNamesTheColumnsTheHeadersDoNot() {
        String inn = CompanyNumbers.organisationInn();
        String name = ApiClient.unique("Сопоставленная");
        String csv = "Организация;Налоговый номер;Код причины;Форма\n" + name + ";" + inn + ";773601001;OOO\n";

        JsonNode report = api.as("manager1").upload(IMPORT, "file", "mapped.csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of("mapping", ApiClient.json(Map.of(
                        "Организация", "name", "Налоговый номер", "inn", "Код причины", "kpp",
                        "Форма", "legalForm")))).isJson(200).json();

        assertThat(report.path("committed").asBoolean()).isTrue();
        assertThat(jdbc.sql("select name from company where inn = :inn").param("inn", inn).query(String.class)
                .single()).isEqualTo(name);
    }

    @Test
    void importedCompaniesAreFoundByTheListSearchLikeHandMadeOnes() {
        String word = "Импортстекло" + ApiClient.unique("x").substring(2);
        String inn = CompanyNumbers.organisationInn();
        String phoneTail = inn.substring(3, 10);
        String csv = "name;legalForm;inn;kpp;fullName;phones;emails\n"
                + "ООО «" + word + "»;OOO;" + inn + ";773601001;Егоров Олег;8 (495) " + phoneTail + ";"
                + word.toLowerCase() + "@firm.ru\n";
        api.as("manager1").upload(IMPORT, "file", "search.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of())
                .isJson(200);

        assertThat(found("manager1", word.substring(3))).containsExactly(inn);
        assertThat(found("manager1", inn.substring(0, 10))).containsExactly(inn);
        assertThat(found("manager1", "+7 495 " + phoneTail)).containsExactly(inn);
        assertThat(found("manager1", word.toUpperCase() + "@FIRM.RU")).containsExactly(inn);
        assertThat(found("manager3", inn)).isEmpty();
    }

    @Test
    void theHistoryOfAnImportedCompanySaysWhoCreatedItWithWhatFromWhichFile() {
        String inn = CompanyNumbers.organisationInn();
        // a backslash and a tab are text like any other, also in the audit log
        String csv = "name;legalForm;inn;kpp;region\nИсторичная;OOO;" + inn + ";773601001;Калуга\\пригород\tзапад\n";
        api.as("manager1").upload(IMPORT, "file", "history.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of())
                .isJson(200);
        String id = jdbc.sql("select id::text from company where inn = :inn").param("inn", inn)
                .query(String.class).single();

        JsonNode history = api.as("manager1").get("/api/v1/audit/Company/" + id).isJson(200).json();

        List<String> lines = new ArrayList<>();
        history.forEach(line -> {
            assertThat(line.path("action").asString()).isEqualTo("CREATED");
            assertThat(line.path("actor").asString()).isEqualTo("manager1");
            lines.add(line.path("field").asString() + "=" + line.path("newValue").asString());
        });
        assertThat(lines).contains("name=Историчная", "inn=" + inn, "kpp=773601001", "region=Калуга\\пригород\tзапад",
                "status=PROSPECT", "importedFrom=history.csv");
    }

    @Test
    void aFileAsTheExportWritesItImportsBackWithLabelsOwnerAndTags() {
        String inn = CompanyNumbers.organisationInn();
        String name = ApiClient.unique("Экспортная");
        String csv = "Название;Организационно-правовая форма;ИНН;КПП;ОГРН / ОГРНИП;Источник;Статус;Причина потери;"
                + "Ответственный менеджер;Метки;Контактное лицо;Роль в решении\n"
                + name + ";ПАО;" + inn + ";773601001;;Холодный звонок;Потерянный;Ушли к конкуренту;"
                + "Кузнецов Дмитрий Александрович;окна, фасады;Орлова Вера;Принимает решение\n";

        api.as("head").upload(IMPORT, "file", "export.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of())
                .isJson(200);

        Map<String, Object> stored = jdbc.sql("""
                select c.legal_form, c.source, c.status, c.lost_reason, u.username, array_to_string(c.tags, ',') as tags,
                       k.decision_role
                from company c join app_user u on u.id = c.owner_id join contact k on k.company_id = c.id
                where c.inn = :inn""").param("inn", inn).query().singleRow();
        assertThat(stored).containsEntry("legal_form", "PAO").containsEntry("source", "COLD_CALL")
                .containsEntry("status", "LOST").containsEntry("lost_reason", "Ушли к конкуренту")
                .containsEntry("username", "manager1").containsEntry("tags", "окна,фасады")
                .containsEntry("decision_role", "DECISION_MAKER");
    }

    @Test
    void anExportedCsvEditedForAnotherCompanyImportsBackFieldForField() {
        String marker = ApiClient.unique("Круговой");
        Map<String, Object> original = new java.util.LinkedHashMap<>();
        original.put("name", "=" + marker);
        original.put("legalForm", "ZAO");
        original.put("inn", CompanyNumbers.organisationInn());
        original.put("kpp", "773601001");
        original.put("bik", "044525225");
        original.put("settlementAccount", "40702810938000012345");
        original.put("correspondentAccount", "30101810400000000225");
        original.put("region", "Калуга");
        original.put("segment", "Застройщики");
        original.put("source", "FAIR");
        original.put("status", "DORMANT");
        original.put("tags", List.of("стекло", "фасады"));
        JsonNode created = api.as("manager1").post("/api/v1/companies", original).isJson(201).json();
        String exported = api.as("manager1").get("/api/v1/companies/export?format=csv&q=" + marker).hasStatus(200).body();
        assertThat(exported).contains("'=" + marker);
        String copyInn = CompanyNumbers.organisationInn();
        String copy = exported.replace((String) original.get("inn"), copyInn).replace(marker, marker + " копия");

        api.as("manager1").upload(IMPORT, "file", "companies.csv", copy.getBytes(StandardCharsets.UTF_8), Map.of())
                .isJson(200);

        JsonNode imported = api.as("manager1").get("/api/v1/companies?q=" + copyInn).isJson(200).json()
                .path("content").get(0);
        assertThat(imported.path("name").asString()).isEqualTo("=" + marker + " копия");
        for (String field : List.of("legalForm", "kpp", "bik", "settlementAccount", "correspondentAccount", "region",
                "segment", "source", "status", "ownerId", "tags")) {
            assertThat(imported.path(field).toString()).as(field).isEqualTo(created.path(field).toString());
        }
    }

    @Test
    void aManagerMayNotGiveClientsToOthersAndAHeadOnlyToTheTeam() {
        String inn = CompanyNumbers.organisationInn();
        String csv = "name;legalForm;inn;kpp;owner\nЧужой менеджер;OOO;" + inn + ";773601001;manager2\n";
        JsonNode report = api.as("manager1").upload(IMPORT + "?dryRun=true", "file", "owner.csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of()).isJson(200).json();
        assertThat(problems(report)).containsExactly("2:owner");

        String regional = csv.replace("manager2", "Попов Игорь Петрович");
        assertThat(problems(api.as("head").upload(IMPORT + "?dryRun=true", "file", "owner.csv",
                regional.getBytes(StandardCharsets.UTF_8), Map.of()).isJson(200).json())).containsExactly("2:owner");
        assertThat(problems(api.as("director").upload(IMPORT + "?dryRun=true", "file", "owner.csv",
                regional.getBytes(StandardCharsets.UTF_8), Map.of()).isJson(200).json())).isEmpty();
    }

    private List<String> found(String user, String q) {
        List<String> inns = new ArrayList<>();
        api.as(user).get("/api/v1/companies?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8))
                .isJson(200).json().path("content").forEach(company -> inns.add(company.path("inn").asString()));
        return inns;
    }

    private static List<String> problems(JsonNode report) {
        List<String> problems = new ArrayList<>();
        report.path("problems").forEach(problem -> problems.add(problem.path("row").asInt() + ":"
                + problem.path("field").asString()));
        return problems;
    }

    private long innCount(String inn) {
        return jdbc.sql("select count(*) from company where inn = :inn").param("inn", inn).query(Long.class).single();
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    static byte[] xlsx(List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "Clientela", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Компании");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    sheet.value(r, c, rows.get(r).get(c));
                }
            }
        }
        return out.toByteArray();
    }
}
