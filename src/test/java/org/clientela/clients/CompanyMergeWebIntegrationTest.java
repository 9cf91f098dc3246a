package org.clientela.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * Duplicates on screen: the hint on the company page, the merge action for those who may merge,
 * the confirmation page with both companies and what moves, the merge itself (a form post with
 * its CSRF token) and where the duplicate's old address leads afterwards.
 */
@IntegrationTest
class CompanyMergeWebIntegrationTest {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");
    private static final String COMPANIES = "/api/v1/companies";

    @LocalServerPort
    int port;
    @Autowired
    MessageSource messages;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void theCompanyPageHintsAtDuplicatesAndOffersTheMergeToAHeadOnly() {
        String name = ApiClient.unique("Витраж");
        String survivor = register("manager1", CompanyMergeApiIntegrationTest.organisation(name, "773601001"));
        String duplicate = register("manager1",
                CompanyMergeApiIntegrationTest.organisation("ООО \"" + name + "\"", "773601001"));
        String mergeLink = "/companies/" + survivor + "/merge?duplicate=" + duplicate;

        assertThat(session("manager1").get("/companies/" + survivor).body())
                .contains("hx-get=\"/companies/" + survivor + "/duplicates\"");
        String forManager = session("manager1").get("/companies/" + survivor + "/duplicates").body();
        assertThat(forManager).contains(message("clients.duplicates.heading"), "data-id=\"" + duplicate + "\"",
                message("clients.duplicates.reason.SIMILAR_NAME")).doesNotContain("merge?duplicate=");
        String forHead = session("head").get("/companies/" + survivor + "/duplicates").body();
        assertThat(HtmlUtils.htmlUnescape(forHead)).contains(mergeLink, message("clients.duplicates.mergeHere"));
        String unique = register("manager1", CompanyMergeApiIntegrationTest.organisation(
                ApiClient.unique("Единственная в своём роде"), "773601001"));
        assertThat(session("head").get("/companies/" + unique + "/duplicates").body())
                .doesNotContain("possible-duplicates");
        assertThat(session("manager3").get("/companies/" + survivor + "/duplicates").statusCode()).isEqualTo(404);
        assertThat(session("manager1").get(mergeLink).statusCode()).as("no merge page for a manager").isEqualTo(404);
    }

    @Test
    void aHeadConfirmsTheMergeSeeingBothCompaniesAndWhatMovesThenLandsOnTheSurvivor() {
        Map<String, Object> main = CompanyMergeApiIntegrationTest.organisation(ApiClient.unique("Фасадчик"), "773601001");
        String survivor = register("manager1", main);
        Map<String, Object> twin = CompanyMergeApiIntegrationTest.sameInn(main, ApiClient.unique("Фасадчик Тула"),
                "771501001");
        twin.put("tags", List.of("тендеры"));
        String duplicate = register("manager2", twin);
        api.as("manager2").post(COMPANIES + "/" + duplicate + "/contacts", Map.of("fullName", "Крылов Олег")).isJson(201);
        api.as("manager2").post(COMPANIES + "/" + duplicate + "/contacts", Map.of("fullName", "Лебедева Ольга")).isJson(201);
        api.as("manager2").put(COMPANIES + "/" + duplicate + "/dossier", Map.of("needs", "Витрины", "staffSize", 12,
                "version", 0)).isJson(200);
        WebSession head = session("head");
        String confirmation = "/companies/" + survivor + "/merge?duplicate=" + duplicate;

        String page = HtmlUtils.htmlUnescape(head.get(confirmation).body());

        assertThat(page).contains("id=\"merge-survivor\"", "id=\"merge-duplicate\"", (String) main.get("name"),
                (String) twin.get("name"), "771501001", "Смирнова Анна Игоревна",
                message("clients.merge.contacts", 2), message("clients.merge.dossierFilled"),
                message("clients.dossier.needs"), message("clients.dossier.staffSize"), "тендеры",
                "name=\"survivorVersion\" value=\"0\"", "name=\"duplicateVersion\" value=\"0\"");

        HttpResponse<String> merged = head.submit(confirmation, "/companies/" + survivor + "/merge",
                Map.of("duplicateId", duplicate, "survivorVersion", "0", "duplicateVersion", "0"));

        assertThat(merged.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(merged)).isEqualTo("/companies/" + survivor);
        String landed = HtmlUtils.htmlUnescape(head.get("/companies/" + survivor).body());
        assertThat(landed).contains("flash-success", message("clients.merge.done", twin.get("name")), "тендеры");
        assertThat(head.get("/companies/" + survivor + "/people").body()).contains("Крылов Олег", "Лебедева Ольга");
        String history = HtmlUtils.htmlUnescape(head.get("/companies/" + survivor + "/history").body());
        assertThat(history).contains(message("clients.history.fromMerged", twin.get("name")),
                message("audit.action.MERGED"), message("clients.company.field.mergedFrom"));

        HttpResponse<String> oldAddress = head.get("/companies/" + duplicate);
        assertThat(oldAddress.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(oldAddress)).isEqualTo("/companies/" + survivor);
        assertThat(HtmlUtils.htmlUnescape(head.get("/companies/" + survivor).body()))
                .contains(message("clients.merge.redirected", twin.get("name")));
        assertThat(session("manager3").get("/companies/" + duplicate).statusCode()).isEqualTo(404);
    }

    @Test
    void aMergeDecidedOnAnOutdatedPageComesBackToTheConfirmationWithTheReason() {
        String survivor = register("manager1", CompanyMergeApiIntegrationTest.organisation(
                ApiClient.unique("Устаревшая"), "773601001"));
        String duplicate = register("manager1", CompanyMergeApiIntegrationTest.organisation(
                ApiClient.unique("Устаревшая"), "773601001"));
        WebSession head = session("head");
        String confirmation = "/companies/" + survivor + "/merge?duplicate=" + duplicate;
        Map<String, String> form = new LinkedHashMap<>(Map.of("duplicateId", duplicate, "survivorVersion", "0",
                "duplicateVersion", "0"));
        api.as("manager1").patch(COMPANIES + "/" + duplicate, Map.of("region", "Калуга", "version", 0)).isJson(200);

        HttpResponse<String> stale = head.submit(confirmation, "/companies/" + survivor + "/merge", form);

        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(stale)).isEqualTo(confirmation);
        String again = HtmlUtils.htmlUnescape(head.get(confirmation).body());
        assertThat(again).contains("flash-error", "name=\"duplicateVersion\" value=\"1\"");
        assertThat(api.as("manager1").get(COMPANIES + "/" + duplicate).json().has("mergedInto")).isFalse();

        HttpResponse<String> byManager = session("manager1").submit("/companies/" + survivor,
                "/companies/" + survivor + "/merge", Map.of("duplicateId", duplicate, "survivorVersion", "0",
                        "duplicateVersion", "1"));
        assertThat(byManager.statusCode()).isEqualTo(404);
        assertThat(api.as("manager1").get(COMPANIES + "/" + duplicate).json().has("mergedInto")).isFalse();
    }

    private WebSession session(String username) {
        return WebSession.loggedIn(port, username, ApiClient.DEMO_PASSWORD);
    }

    private String register(String username, Map<String, Object> company) {
        return api.as(username).post(COMPANIES, company).isJson(201).id();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, RUSSIAN);
    }
}
