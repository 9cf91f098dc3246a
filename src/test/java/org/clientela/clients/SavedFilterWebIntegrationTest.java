package org.clientela.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/** Saved filters on the company list (C4): saved from the list as it is, applied by a link, deleted; each user's own. */
@IntegrationTest
class SavedFilterWebIntegrationTest {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

    @LocalServerPort
    int port;
    @Autowired
    MessageSource messages;

    @Test
    void aManagerSavesTheListAsItIsAppliesItAndDeletesIt() {
        String tag = ApiClient.unique("сохранить");
        String name = ApiClient.unique("Мои по метке");
        WebSession manager = session("manager1");
        String list = "/companies?tag=" + encode(tag) + "&sort=region&dir=desc";
        String query = hidden(manager.get(list).body(), "query");
        assertThat(query).contains("tag=", "sort=region", "dir=desc");

        HttpResponse<String> saved = manager.submit(list, "/companies/saved-filters", Map.of("name", name, "query", query));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(saved)).isEqualTo("/companies?dir=desc&sort=region&tag=" + encode(tag));
        String applied = manager.get(WebSession.location(saved)).body();
        assertThat(applied).contains("flash-success", "aria-sort=\"descending\"", "value=\"" + tag + "\"");
        String link = linkOf(manager.get("/companies").body(), name);
        assertThat(HtmlUtils.htmlUnescape(link)).isEqualTo("/companies?dir=desc&sort=region&tag=" + encode(tag));
        assertThat(manager.get(HtmlUtils.htmlUnescape(link)).body()).contains("value=\"" + tag + "\"");

        JsonNode mine = new ApiClient(port).as("manager1").get("/api/v1/me/company-filters").json();
        String id = mine.valueStream().filter(filter -> filter.path("name").asString().equals(name))
                .findFirst().orElseThrow().path("id").asString();
        assertThat(session("manager2").get("/companies").body()).doesNotContain(name);
        assertThat(session("manager2").submit("/companies", "/companies/saved-filters/" + id + "/delete", Map.of())
                .statusCode()).isEqualTo(404);

        HttpResponse<String> deleted = manager.submit("/companies", "/companies/saved-filters/" + id + "/delete",
                Map.of(), "HX-Request", "true");

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();
        assertThat(manager.get("/companies").body()).doesNotContain(name);
    }

    @Test
    void aTakenOrMissingNameIsRefusedBesideTheNameField() {
        String name = ApiClient.unique("Дубль");
        WebSession manager = session("manager1");
        manager.submit("/companies", "/companies/saved-filters", Map.of("name", name, "query", "status=ACTIVE"));

        HttpResponse<String> again = manager.submit("/companies", "/companies/saved-filters",
                Map.of("name", name.toUpperCase(Locale.ROOT), "query", "status=LOST"));

        assertThat(WebSession.location(again)).isEqualTo("/companies?status=LOST");
        String page = manager.get(WebSession.location(again)).body();
        assertThat(page).contains("is-invalid", "data-field=\"name\"",
                message("clients.savedFilter.nameTaken", name.toUpperCase(Locale.ROOT)),
                "value=\"" + name.toUpperCase(Locale.ROOT) + "\"");
        HttpResponse<String> blank = manager.submit("/companies", "/companies/saved-filters", Map.of("name", " ",
                "query", ""));
        assertThat(manager.get(WebSession.location(blank)).body()).contains(message("clients.field.required"));
    }

    private static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("a hidden field " + name).isTrue();
        return HtmlUtils.htmlUnescape(matcher.group(1));
    }

    private static String linkOf(String html, String name) {
        Matcher matcher = Pattern.compile("class=\"dropdown-item saved-filter-link\" href=\"([^\"]+)\">"
                + Pattern.quote(name) + "<").matcher(html);
        assertThat(matcher.find()).as("a link to the saved filter " + name).isTrue();
        return matcher.group(1);
    }

    private WebSession session(String username) {
        return WebSession.loggedIn(port, username, ApiClient.DEMO_PASSWORD);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, RUSSIAN);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
