package org.clientela.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.clientela.ApiClient;
import org.clientela.ApiClient.Response;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The client base through the API: registration with checked numbers, duplicates, access, search. */
@IntegrationTest
class CompanyApiIntegrationTest {

    static final String COMPANIES = "/api/v1/companies";

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
    void aManagerRegistersACompanyWithCheckedNumbersAndItIsAudited() {
        Map<String, Object> company = organisation(ApiClient.unique("Ромашка"));
        company.put("bik", "044525225");
        company.put("correspondentAccount", "30101810400000000225");
        company.put("tags", List.of("Окна", "окна", " Фасады "));

        Response created = api.as("manager1").post(COMPANIES, company).isJson(201);

        JsonNode body = created.json();
        assertThat(created.header("Location")).isEqualTo(COMPANIES + "/" + body.path("id").asString());
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(body.path("status").asString()).isEqualTo("PROSPECT");
        assertThat(body.path("ownerName").asString()).isEqualTo("Кузнецов Дмитрий Александрович");
        assertThat(body.path("tags").toString()).isEqualTo("[\"окна\",\"фасады\"]");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'Company' and entity_id = :id "
                        + "and action = 'CREATED' and actor = 'manager1'")
                .param("id", body.path("id").asString()).query(Long.class).single()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void everyFieldGivenAtRegistrationIsStoredAndReadBack() {
        Map<String, Object> company = organisation(ApiClient.unique("Полный набор"));
        company.put("legalAddress", "г. Москва, ул. Стекольная, д. 1");
        company.put("deliveryAddress", "г. Москва, Складской пр., д. 7");
        company.put("bik", "044525225");
        company.put("bankName", "ПАО Сбербанк");
        company.put("settlementAccount", "40702810938000012345");
        company.put("correspondentAccount", "30101810400000000225");
        company.put("segment", "Дилеры");
        company.put("region", "Тула");
        company.put("size", "Средний");
        company.put("source", "EXHIBITION");
        company.put("status", "LOST");
        company.put("lostReason", "Ушёл к конкуренту");
        company.put("tags", List.of("окна"));
        String id = api.as("manager1").post(COMPANIES, company).isJson(201).json().path("id").asString();

        Response read = api.as("manager1").get(COMPANIES + "/" + id).isJson(200);

        JsonNode body = read.json();
        for (Map.Entry<String, Object> field : company.entrySet()) {
            if (!field.getKey().equals("tags")) {
                assertThat(body.path(field.getKey()).asString()).as(field.getKey()).isEqualTo(field.getValue());
            }
        }
        assertThat(body.path("tags").toString()).isEqualTo("[\"окна\"]");
        assertThat(body.path("ownerName").asString()).isEqualTo("Кузнецов Дмитрий Александрович");
        assertThat(body.path("archived").asBoolean()).isFalse();
        assertThat(body.path("createdAt").asString()).isNotBlank();
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void ofEightRacingRegistrationsOfOneInnOneWinsAndTheOthersAreToldWhoHasIt() throws Exception {
        Map<String, Object> company = organisation(ApiClient.unique("Гонка"));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> racing = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racing.add(clients.submit(() -> api.as("manager1").post(COMPANIES, company)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> one : racing) {
                Response response = one.get();
                statuses.add(response.status());
                if (response.status() == 409) {
                    assertThat(response.body()).contains((String) company.get("name"));
                }
            }
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        } finally {
            clients.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from company where inn = :inn").param("inn", company.get("inn"))
                .query(Long.class).single()).isEqualTo(1);
        // the losers' inserts were skipped, and their audit entries with them
        assertThat(jdbc.sql("""
                        select count(*) from audit_entry e join company c on c.id::text = e.entity_id
                        where e.entity_type = 'Company' and c.inn = :inn""")
                .param("inn", company.get("inn")).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void wrongNumbersAreAllNamedAtTheirFieldsAndNothingIsWritten() {
        long before = companies();
        Map<String, Object> company = organisation("Неверная");
        company.put("inn", "7707083894");
        company.put("kpp", "77360100a");
        company.put("ogrn", "10277001321x5");
        company.put("settlementAccount", "40702810900000000001");

        Response refused = api.as("manager1").post(COMPANIES, company).isProblem(400);

        assertThat(refused.errorFields()).contains("inn", "kpp", "ogrn", "bik");
        assertThat(refused.body()).contains("контрольн");
        assertThat(companies()).isEqualTo(before);
    }

    @Test
    void aSoleTraderHasTwelveDigitsAndNoKpp() {
        Map<String, Object> trader = new LinkedHashMap<>(Map.of("name", ApiClient.unique("Иванов И. И."),
                "legalForm", "IP", "inn", CompanyNumbers.soleTraderInn(), "kpp", "773601001"));
        assertThat(api.as("manager1").post(COMPANIES, trader).isProblem(400).errorFields()).containsExactly("kpp");

        trader.remove("kpp");
        trader.put("inn", CompanyNumbers.organisationInn());
        assertThat(api.as("manager1").post(COMPANIES, trader).isProblem(400).errorFields()).containsExactly("inn");
    }

    @Test
    void aDuplicateNamesTheExistingCompanyOnlyToWhoMaySeeIt() {
        String name = ApiClient.unique("Стекло-Сервис");
        Map<String, Object> company = organisation(name);
        api.as("manager1").post(COMPANIES, company).isJson(201);
        long before = companies();

        Response mine = api.as("manager1").post(COMPANIES, organisationLike(company)).isProblem(409);
        assertThat(mine.detail()).contains(name);

        Response theirs = api.as("manager3").post(COMPANIES, organisationLike(company)).isProblem(409);
        assertThat(theirs.detail()).doesNotContain(name).contains("Кузнецов Дмитрий Александрович");
        assertThat(theirs.body()).doesNotContain(name);
        assertThat(companies()).isEqualTo(before);
    }

    @Test
    void aCompanyOfAnotherTeamDoesNotExistForAManager() {
        String id = api.as("manager1").post(COMPANIES, organisation(ApiClient.unique("Окна Плюс"))).isJson(201).id();

        api.as("manager3").get(COMPANIES + "/" + id).isProblem(404);
        api.as("manager3").patch(COMPANIES + "/" + id, Map.of("name", "Чужая", "version", 0)).isProblem(404);
        assertThat(ids(api.as("manager3").get(COMPANIES + "?size=100").json())).doesNotContain(id);
        api.as("head").get(COMPANIES + "/" + id).isJson(200);
        api.as("director").get(COMPANIES + "/" + id).isJson(200);
        api.as("credit").get(COMPANIES + "/" + id).isJson(200);
    }

    @Test
    void searchFindsANameWhateverItsLegalFormAndQuotesAndAnInnByItsBeginning() {
        String core = ApiClient.unique("Ромашка");
        Map<String, Object> company = organisation(core);
        String id = api.as("manager2").post(COMPANIES, company).isJson(201).id();
        String inn = (String) company.get("inn");

        for (String q : List.of("ООО «" + core + "»", "\"" + core.toUpperCase() + "\" ООО", core.substring(2))) {
            assertThat(ids(api.as("manager2").get(COMPANIES + "?q=" + encode(q)).isJson(200).json())).as(q)
                    .contains(id);
        }
        assertThat(ids(api.as("manager2").get(COMPANIES + "?q=" + inn.substring(0, 9)).json())).contains(id);
        assertThat(ids(api.as("manager2").get(COMPANIES + "?q=" + encode("Нет такой " + core)).json()))
                .doesNotContain(id);
    }

    @Test
    void anUpdateNeedsTheCurrentVersionAndIsAudited() {
        String id = api.as("manager1").post(COMPANIES, organisation(ApiClient.unique("Версия"))).isJson(201).id();

        api.as("manager1").patch(COMPANIES + "/" + id, Map.of("region", "Тула", "version", 7)).isProblem(409);
        api.as("manager1").patch(COMPANIES + "/" + id, Map.of("status", "LOST", "version", 0)).isProblem(400);
        Response updated = api.as("manager1").header("If-Match", "\"0\"")
                .patch(COMPANIES + "/" + id, Map.of("region", "Тула", "status", "ACTIVE")).isJson(200);

        assertThat(updated.json().path("region").asString()).isEqualTo("Тула");
        assertThat(updated.json().path("version").asLong()).isEqualTo(1);
        List<String> regionChanges = new ArrayList<>();
        api.as("manager1").get("/api/v1/audit/Company/" + id).isJson(200).json()
                .forEach(entry -> {
                    if ("region".equals(entry.path("field").asString())) {
                        regionChanges.add(entry.path("oldValue").asString() + "→" + entry.path("newValue").asString());
                    }
                });
        assertThat(regionChanges).containsExactly("→Тула");
        api.as("manager3").get("/api/v1/audit/Company/" + id).isProblem(404);
    }

    @Test
    void deletingArchivesTheCompany() {
        String id = api.as("manager1").post(COMPANIES, organisation(ApiClient.unique("Архив"))).isJson(201).id();

        assertThat(api.as("manager1").delete(COMPANIES + "/" + id).status()).isEqualTo(204);

        api.as("manager1").get(COMPANIES + "/" + id).isProblem(404);
        assertThat(jdbc.sql("select archived_at is not null from company where id = cast(:id as uuid)")
                .param("id", id).query(Boolean.class).single()).isTrue();
    }

    @Test
    void markupInANameIsKeptAsText() {
        String name = "<script>alert('x')</script> " + ApiClient.unique("Окна");
        JsonNode body = api.as("manager1").post(COMPANIES, organisation(name)).isJson(201).json();
        assertThat(body.path("name").asString()).isEqualTo(name);
    }

    private long companies() {
        return jdbc.sql("select count(*) from company").query(Long.class).single();
    }

    private static Map<String, Object> organisation(String name) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", name);
        company.put("legalForm", "OOO");
        company.put("inn", CompanyNumbers.organisationInn());
        company.put("kpp", "773601001");
        company.put("ogrn", CompanyNumbers.ogrn());
        return company;
    }

    private static Map<String, Object> organisationLike(Map<String, Object> company) {
        Map<String, Object> copy = new LinkedHashMap<>(company);
        copy.put("name", "Другое имя");
        return copy;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("content").forEach(company -> ids.add(company.path("id").asString()));
        return ids;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
