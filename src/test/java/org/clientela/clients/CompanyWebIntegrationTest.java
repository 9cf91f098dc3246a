package org.clientela.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * The company screens over real HTTP, as the demo people see them: who sees which company, the
 * table alone for htmx, the form's refusals at their fields, duplicates, stale versions, archiving.
 */
@IntegrationTest
class CompanyWebIntegrationTest {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void theListShowsOnlyTheCompaniesOneMaySee() {
        String name = ApiClient.unique("Стеклодом");
        String id = register("manager1", organisation(name));

        assertThat(session("manager1").get("/companies?q=" + encode(name)).body()).contains(name, "data-id=\"" + id + "\"");
        assertThat(session("head").get("/companies?q=" + encode(name)).body()).contains(name);
        assertThat(session("manager3").get("/companies?q=" + encode(name)).body()).doesNotContain(id)
                .contains(message("clients.list.empty"));
    }

    @Test
    void thePeopleSectionMapsWhoDecidesAndWhoLeft() {
        String id = register("manager1", organisation(ApiClient.unique("Карта")));
        api.as("manager1").post("/api/v1/companies/" + id + "/contacts",
                java.util.Map.of("fullName", "Орлова Анна Павловна", "decisionRole", "DECISION_MAKER")).isJson(201);
        String gatekeeper = api.as("manager1").post("/api/v1/companies/" + id + "/contacts",
                java.util.Map.of("fullName", "Секретарёв Пётр", "decisionRole", "GATEKEEPER")).isJson(201).id();
        api.as("manager1").delete("/api/v1/contacts/" + gatekeeper);

        String people = session("manager1").get("/companies/" + id + "/people").body();

        assertThat(people).contains(message("clients.people.role.DECISION_MAKER"), "Орлова Анна Павловна",
                message("clients.people.left"), "Секретарёв Пётр")
                .doesNotContain(message("clients.people.role.GATEKEEPER"));
        assertThat(session("manager1").get("/companies/" + id).body()).contains("/companies/" + id + "/people");
        assertThat(session("manager3").get("/companies/" + id + "/people").statusCode()).isEqualTo(404);
    }

    @Test
    void theDossierSectionShowsWhatIsKnownInRussianForms() {
        String id = register("manager2", organisation(ApiClient.unique("Досье")));
        assertThat(session("manager2").get("/companies/" + id + "/dossier").body())
                .contains(message("clients.dossier.none"));
        api.as("manager2").put("/api/v1/companies/" + id + "/dossier", java.util.Map.of(
                "annualRevenue", "1234567.89", "needs", "Стеклопакеты 4-16-4 <b>срочно</b>",
                "keyDates", java.util.List.of(java.util.Map.of("day", "2027-03-15", "description", "Юбилей")),
                "version", 0)).isJson(200);

        String dossier = session("manager2").get("/companies/" + id + "/dossier").body();

        assertThat(dossier).contains("1\u00A0234\u00A0567,89\u00A0₽", "15.03.2027 — Юбилей",
                "Стеклопакеты 4-16-4 &lt;b&gt;срочно&lt;/b&gt;", message("clients.dossier.needs"));
        assertThat(session("manager3").get("/companies/" + id + "/dossier").statusCode()).isEqualTo(404);
    }

    @Test
    void htmxGetsTheTableAlone() {
        String name = ApiClient.unique("Витраж");
        register("manager1", organisation(name));
        WebSession manager = session("manager1");

        HttpResponse<String> page = manager.get("/companies?q=" + encode(name));
        HttpResponse<String> fragment = manager.get("/companies?q=" + encode(name), "HX-Request", "true");

        assertThat(page.body()).contains("<html", "id=\"company-filter\"", "hx-trigger=\"input changed delay:250ms, search\"");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains("id=\"company-results\"", name).doesNotContain("<html", "company-filter");
        assertThat(fragment.headers().allValues("Vary")).anyMatch(vary -> vary.contains("HX-Request"));
        assertThat(manager.get("/companies?q=" + encode(name) + "&status=&source=", "HX-Request", "true").headers()
                .firstValue("HX-Push-Url")).hasValue("/companies?q=" + encode(name));
    }

    @Test
    void sortingByAColumnKeepsTheSearch() {
        String name = ApiClient.unique("Фасад");
        register("manager1", organisation(name));
        WebSession manager = session("manager1");
        String table = manager.get("/companies?q=" + encode(name), "HX-Request", "true").body();
        Matcher sortByInn = Pattern.compile("id=\"sort-inn\"\\s+href=\"([^\"]+)\"").matcher(table);
        assertThat(sortByInn.find()).as("a sort link on the INN column").isTrue();

        HttpResponse<String> sorted = manager.get(HtmlUtils.htmlUnescape(sortByInn.group(1)));

        assertThat(sorted.statusCode()).isEqualTo(200);
        assertThat(sorted.body()).contains(name, "aria-sort=\"ascending\"");
    }

    @Test
    void theFormShowsEveryProblemAtItsFieldAtOnceAndWritesNothing() {
        long before = companies();
        Map<String, String> form = formOf(organisation(""));
        form.put("inn", "7707083894");
        form.put("kpp", "77360100a");
        form.put("ogrn", "10277001321x5");
        form.put("settlementAccount", "40702810900000000001");

        HttpResponse<String> response = session("manager1").submit("/companies/new", "/companies/new", form);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("data-field=\"name\"", "data-field=\"inn\"", "data-field=\"kpp\"",
                "data-field=\"ogrn\"", "data-field=\"bik\"", message("clients.field.required"));
        assertThat(response.body().split("is-invalid", -1).length - 1).isGreaterThanOrEqualTo(5);
        assertThat(companies()).isEqualTo(before);
    }

    @Test
    void aTenMegabyteNameIsRefusedAndNothingIsWritten() {
        long before = companies();
        Map<String, String> form = formOf(organisation("Ж".repeat(10 * 1024 * 1024)));

        HttpResponse<String> response = session("manager1").submit("/companies/new", "/companies/new", form);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains(message("error.formTooLarge")).doesNotContain("ЖЖЖЖЖЖЖЖЖЖ");
        assertThat(companies()).isEqualTo(before);
    }

    @Test
    void markupInANameShowsAsText() {
        String name = ApiClient.unique("<script>alert(1)</script>");
        HttpResponse<String> created = session("manager1").submit("/companies/new", "/companies/new",
                formOf(organisation(name)));
        assertThat(created.statusCode()).isEqualTo(302);

        String page = session("manager1").get(WebSession.location(created)).body();

        assertThat(page).doesNotContain(name).contains(HtmlUtils.htmlEscape(name));
    }

    @Test
    void aManagerCreatesACompanyAndLandsOnItsPage() {
        String name = ApiClient.unique("Окна Севера");
        Map<String, String> form = formOf(organisation(name));
        form.put("tags", "Окна, фасады");
        form.put("source", "COLD_CALL");
        WebSession manager = session("manager1");

        HttpResponse<String> created = manager.submit("/companies/new", "/companies/new", form);

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(created)).startsWith("/companies/");
        String page = manager.get(WebSession.location(created)).body();
        assertThat(page).contains(name, "окна", "фасады", "Холодный звонок", "Кузнецов Дмитрий Александрович",
                "flash-success",
                "hx-get=\"" + WebSession.location(created) + "/history\"");
        assertThat(manager.get(WebSession.location(created) + "/history").body()).contains(form.get("inn"));
    }

    @Test
    void aHeadPicksTheOwnerAndAManagerCannot() {
        Map<String, String> forManager2 = formOf(organisation(ApiClient.unique("Для Смирновой")));
        forManager2.put("ownerId", userId("manager2"));
        HttpResponse<String> byHead = session("head").submit("/companies/new", "/companies/new", forManager2);
        assertThat(session("head").get(WebSession.location(byHead)).body()).contains("Смирнова Анна Игоревна");

        assertThat(session("manager1").get("/companies/new").body()).doesNotContain("name=\"ownerId\"");
        Map<String, String> smuggled = formOf(organisation(ApiClient.unique("Подброшенная")));
        smuggled.put("ownerId", userId("manager2"));
        HttpResponse<String> byManager = session("manager1").submit("/companies/new", "/companies/new", smuggled);
        assertThat(byManager.statusCode()).isEqualTo(302);
        assertThat(session("manager1").get(WebSession.location(byManager)).body())
                .contains("Кузнецов Дмитрий Александрович");
    }

    @Test
    void aDuplicateShowsTheConflictAboveTheForm() {
        String name = ApiClient.unique("Двойник");
        Map<String, Object> company = organisation(name);
        register("manager1", company);
        Map<String, String> again = formOf(company);
        again.put("name", "Другое имя");

        HttpResponse<String> response = session("manager1").submit("/companies/new", "/companies/new", again);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("global-errors", HtmlUtils.htmlEscape(name));
    }

    @Test
    void anEditWithAStaleVersionIsRefused() {
        String name = ApiClient.unique("Рама");
        String id = register("manager1", organisation(name));
        WebSession manager = session("manager1");
        Map<String, String> form = formOf(organisation(name));
        form.put("inn", api.as("manager1").get("/api/v1/companies/" + id).json().path("inn").asString());
        form.put("version", "0");
        form.put("region", "Казань");
        assertThat(manager.submit("/companies/" + id + "/edit", "/companies/" + id + "/edit", form).statusCode())
                .isEqualTo(302);

        form.put("region", "Самара");
        HttpResponse<String> stale = manager.submit("/companies/" + id + "/edit", "/companies/" + id + "/edit", form);

        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("global-errors", "id=\"reload-company\"");
        assertThat(api.as("manager1").get("/api/v1/companies/" + id).json().path("region").asString())
                .isEqualTo("Казань");
    }

    @Test
    void archivingLeadsBackToTheListWithAMessage() {
        String name = ApiClient.unique("Архивная");
        String id = register("manager1", organisation(name));
        WebSession manager = session("manager1");

        HttpResponse<String> archived = manager.submit("/companies/" + id, "/companies/" + id + "/archive", Map.of());

        assertThat(archived.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(archived)).isEqualTo("/companies");
        assertThat(manager.get("/companies").body()).contains("flash-success", name);
        assertThat(manager.get("/companies/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aCompanyOfAnotherTeamIsNotFound() {
        String id = register("manager1", organisation(ApiClient.unique("Чужая")));
        WebSession stranger = session("manager3");

        assertThat(stranger.get("/companies/" + id).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/companies/" + id + "/edit").statusCode()).isEqualTo(404);
        assertThat(stranger.get("/companies/" + id + "/history").statusCode()).isEqualTo(404);
        assertThat(session("head").get("/companies/" + id).statusCode()).isEqualTo(200);
    }

    private WebSession session(String username) {
        return WebSession.loggedIn(port, username, ApiClient.DEMO_PASSWORD);
    }

    private String register(String username, Map<String, Object> company) {
        return api.as(username).post("/api/v1/companies", company).isJson(201).id();
    }

    private String userId(String username) {
        return jdbc.sql("select cast(id as text) from app_user where username = :username")
                .param("username", username).query(String.class).single();
    }

    private long companies() {
        return jdbc.sql("select count(*) from company").query(Long.class).single();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, RUSSIAN);
    }

    static Map<String, Object> organisation(String name) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", name);
        company.put("legalForm", "OOO");
        company.put("inn", CompanyNumbers.organisationInn());
        company.put("kpp", "773601001");
        company.put("ogrn", CompanyNumbers.ogrn());
        return company;
    }

    private static Map<String, String> formOf(Map<String, Object> company) {
        Map<String, String> form = new LinkedHashMap<>();
        company.forEach((field, value) -> form.put(field, String.valueOf(value)));
        return form;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
