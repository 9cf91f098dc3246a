package org.clientela.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.clientela.shared.RecordNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Prospects (C6): their research notes in the dossier, a manager's work list of them, and their
 * conversion into active clients by hand and on the first order.
 */
@IntegrationTest
class ProspectIntegrationTest {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;
    @Autowired
    FirstOrderConversion firstOrders;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void researchNotesShareTheDossierAndItsVersionAndAreAudited() {
        String id = register("manager1", company(ApiClient.unique("Исследуемая"), null, null));
        String research = "/api/v1/companies/" + id + "/research";
        assertThat(api.as("manager1").get(research).isJson(200).json().path("version").asLong()).isZero();

        JsonNode written = api.as("manager1").put(research, Map.of("needs", " Стеклопакеты для коттеджей ",
                "purchaseMotives", "Цена и сроки", "audienceSegment", "Частные застройщики",
                "note", "Звонить после 15:00", "version", 0)).isJson(200).json();

        assertThat(written.path("needs").asString()).isEqualTo("Стеклопакеты для коттеджей");
        assertThat(written.path("note").asString()).isEqualTo("Звонить после 15:00");
        assertThat(written.path("researchedAt").isNull()).isFalse();
        assertThat(written.path("version").asLong()).isEqualTo(1);
        JsonNode dossier = api.as("manager1").get("/api/v1/companies/" + id + "/dossier").isJson(200).json();
        assertThat(dossier.path("needs").asString()).isEqualTo("Стеклопакеты для коттеджей");
        assertThat(dossier.path("version").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select new_value from audit_log where entity_type = 'Company' and entity_id = :id "
                        + "and field = 'dossier.researchNote' and actor = 'manager1'")
                .param("id", id).query(String.class).list()).containsExactly("Звонить после 15:00");

        // the dossier's own writer keeps the note; a stale version and too long a note are refused
        api.as("manager1").put("/api/v1/companies/" + id + "/dossier", Map.of("needs", "Фасадное остекление",
                "version", 1)).isJson(200);
        assertThat(api.as("manager1").get(research).json().path("note").asString()).isEqualTo("Звонить после 15:00");
        api.as("manager1").put(research, Map.of("note", "Поздно", "version", 1)).isProblem(409);
        assertThat(api.as("manager1").put(research, Map.of("note", "я".repeat(10_001), "needs", "x", "version", 2))
                .isProblem(400).errorFields()).containsExactly("note");
        api.as("manager3").get(research).isProblem(404);
        api.as("manager3").put(research, Map.of("note", "Чужая", "version", 2)).isProblem(404);
    }

    @Test
    void theWorkListHasMyProspectsLongestUntouchedFirstWithTheirResearch() {
        String segment = ApiClient.unique("Дачи");
        String first = register("manager1", company("Первая " + segment, segment, null));
        String second = register("manager1", company("Вторая " + segment, segment, "Тверь"));
        String third = register("manager1", company("Третья " + segment, segment, null));
        Map<String, Object> active = company("Действующая " + segment, segment, null);
        active.put("status", "ACTIVE");
        register("manager1", active);
        String ofManager3 = register("manager3", company("Чужая " + segment, segment, null));
        api.as("manager1").put("/api/v1/companies/" + first + "/research",
                Map.of("needs", "Окна", "note", "Перезвонить", "version", 0)).isJson(200);

        JsonNode page = api.as("manager1").get("/api/v1/prospects?segment=" + encode(segment)).isJson(200).json();

        assertThat(ids(page)).containsExactly(second, third, first);
        JsonNode researched = page.path("content").get(2);
        assertThat(researched.path("hasNeeds").asBoolean()).isTrue();
        assertThat(researched.path("hasPurchaseMotives").asBoolean()).isFalse();
        assertThat(researched.path("hasAudienceSegment").asBoolean()).isFalse();
        assertThat(researched.path("hasNote").asBoolean()).isTrue();
        assertThat(researched.path("ownerName").asString()).isEqualTo("Кузнецов Дмитрий Александрович");
        assertThat(ids(api.as("manager1").get("/api/v1/prospects?segment=" + encode(segment) + "&region="
                + encode("Тверь")).json())).containsExactly(second);
        assertThat(ids(api.as("manager1").get("/api/v1/prospects?segment=" + encode(segment)
                + "&sort=name,desc").json())).containsExactly(third, first, second);
        assertThat(ids(api.as("manager3").get("/api/v1/prospects?segment=" + encode(segment)).json()))
                .containsExactly(ofManager3);
        assertThat(ids(api.as("head").get("/api/v1/prospects?segment=" + encode(segment)).json()))
                .containsExactlyInAnyOrder(first, second, third);
        assertThat(api.as("manager1").get("/api/v1/prospects?sort=inn").isProblem(400).errorFields())
                .containsExactly("sort");
    }

    @Test
    void aManagerConvertsTheirProspectOnTheVersionTheySaw() {
        String id = register("manager1", company(ApiClient.unique("Переход"), null, null));
        String convert = "/api/v1/companies/" + id + "/convert";

        api.as("manager3").header("If-Match", "\"0\"").post(convert, "{}").isProblem(404);
        api.as("manager1").post(convert, "{}").isProblem(428);
        api.as("manager1").header("If-Match", "\"5\"").post(convert, "{}").isProblem(409);
        JsonNode converted = api.as("manager1").post(convert, Map.of("version", 0)).isJson(200).json();

        assertThat(converted.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(converted.path("version").asLong()).isEqualTo(1);
        assertThat(statusChanges(id)).containsExactly("PROSPECT→ACTIVE by manager1");
        api.as("manager1").post(convert, Map.of("version", 1)).isProblem(409);
        assertThat(api.as("manager1").get("/api/v1/companies/" + id).json().path("status").asString())
                .isEqualTo("ACTIVE");
    }

    @Test
    void theFirstOrderConvertsAProspectOnceAndLeavesOtherClientsAlone() {
        String prospect = register("manager1", company(ApiClient.unique("Первый заказ"), null, null));
        Map<String, Object> dormant = company(ApiClient.unique("Спящая"), null, null);
        dormant.put("status", "DORMANT");
        String sleeping = register("manager1", dormant);

        assertThat(firstOrders.convertOnFirstOrder(new CompanyId(UUID.fromString(prospect)))).isTrue();
        assertThat(firstOrders.convertOnFirstOrder(new CompanyId(UUID.fromString(prospect)))).isFalse();
        assertThat(firstOrders.convertOnFirstOrder(new CompanyId(UUID.fromString(sleeping)))).isFalse();

        assertThat(status(prospect)).isEqualTo("ACTIVE");
        assertThat(status(sleeping)).isEqualTo("DORMANT");
        assertThat(statusChanges(prospect)).containsExactly("PROSPECT→ACTIVE by system");
        assertThatThrownBy(() -> firstOrders.convertOnFirstOrder(new CompanyId(UUID.randomUUID())))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void theWorkListPageShowsMyProspectsAndConvertsOne() {
        String segment = ApiClient.unique("Веранды");
        String mine = register("manager1", company("Моя " + segment, segment, null));
        String other = register("manager3", company("Чужая " + segment, segment, null));
        api.as("manager1").put("/api/v1/companies/" + mine + "/research",
                Map.of("needs", "Остекление веранд", "version", 0)).isJson(200);
        WebSession manager = session("manager1");
        String path = "/prospects?segment=" + encode(segment);

        String page = manager.get(path).body();

        assertThat(page).contains("href=\"/prospects\"", message("nav.prospects"), "Моя " + segment,
                "data-researched=\"1\"", message("clients.prospects.researched", 1))
                .doesNotContain(other);
        HttpResponse<String> stranger = session("manager3").submit("/prospects", "/companies/" + mine + "/convert",
                Map.of("version", "0", "from", "list"));
        assertThat(stranger.statusCode()).isEqualTo(404);
        HttpResponse<String> stale = manager.submit(path, "/companies/" + mine + "/convert",
                Map.of("version", "3", "from", "list"));
        assertThat(WebSession.location(stale)).isEqualTo("/prospects");
        assertThat(manager.get("/prospects").body()).contains("flash-error");
        assertThat(status(mine)).isEqualTo("PROSPECT");

        HttpResponse<String> converted = manager.submit(path, "/companies/" + mine + "/convert",
                Map.of("version", "0", "from", "list"));

        assertThat(converted.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(converted)).isEqualTo("/prospects");
        assertThat(manager.get(path).body()).contains("flash-success").doesNotContain("data-id=\"" + mine + "\"");
        assertThat(status(mine)).isEqualTo("ACTIVE");
    }

    @Test
    void theResearchIsWrittenOnTheProspectsPageWithProblemsAtTheirFields() {
        String id = register("manager1", company(ApiClient.unique("Страница"), null, null));
        WebSession manager = session("manager1");
        String section = "/companies/" + id + "/research";
        assertThat(manager.get("/companies/" + id).body()).contains("id=\"convert-company\"", section);
        assertThat(manager.get(section).body()).contains("id=\"research-form\"", message("clients.research.never"));

        Map<String, String> form = new LinkedHashMap<>(Map.of("needs", "Энергосбережение",
                "purchaseMotives", "", "audienceSegment", "", "note", "ы".repeat(10_001), "version", "0"));
        HttpResponse<String> refused = manager.submit(section, section, form);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"note\"", "is-invalid",
                message("clients.field.tooLong", 10_000), "Энергосбережение");
        assertThat(api.as("manager1").get(section.replace("/companies", "/api/v1/companies")).json()
                .path("version").asLong()).isZero();

        form.put("note", "Решение принимает главный инженер");
        HttpResponse<String> saved = manager.submit(section, section, form);

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(saved)).isEqualTo("/companies/" + id);
        assertThat(manager.get(section).body()).contains("Решение принимает главный инженер", "researched-at");
        assertThat(session("manager3").get(section).statusCode()).isEqualTo(404);
        api.as("manager1").post("/api/v1/companies/" + id + "/convert", Map.of("version", 0)).isJson(200);
        assertThat(manager.get(section).body()).contains(message("clients.research.notProspect"),
                "Решение принимает главный инженер").doesNotContain("research-form");
        assertThat(manager.get("/companies/" + id).body()).doesNotContain("convert-company");
    }

    private List<String> statusChanges(String id) {
        return jdbc.sql("select old_value || '→' || new_value || ' by ' || actor from audit_log "
                        + "where entity_type = 'Company' and entity_id = :id and field = 'status' and action = 'UPDATED' "
                        + "order by id")
                .param("id", id).query(String.class).list();
    }

    private String status(String id) {
        return jdbc.sql("select status from company where id = cast(:id as uuid)").param("id", id)
                .query(String.class).single();
    }

    private String register(String username, Map<String, Object> company) {
        return api.as(username).post("/api/v1/companies", company).isJson(201).id();
    }

    private WebSession session(String username) {
        return WebSession.loggedIn(port, username, ApiClient.DEMO_PASSWORD);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, RUSSIAN);
    }

    private static List<String> ids(JsonNode page) {
        return page.path("content").valueStream().map(node -> node.path("id").asString()).toList();
    }

    private static Map<String, Object> company(String name, String segment, String region) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", name);
        company.put("legalForm", "OOO");
        company.put("inn", CompanyNumbers.organisationInn());
        company.put("kpp", "773601001");
        company.put("ogrn", CompanyNumbers.ogrn());
        if (segment != null) {
            company.put("segment", segment);
        }
        if (region != null) {
            company.put("region", region);
        }
        return company;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
