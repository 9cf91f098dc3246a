package org.clientela.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * Editing a company's people and dossier on its page, over real HTTP as htmx posts the forms:
 * what is saved shows in the section, bad input at its field with nothing written, a stale
 * version above the form, and a company one may not see is not found, forms and posts alike.
 */
@IntegrationTest
class CompanyPeopleAndDossierWebIntegrationTest {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

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
    void aManagerAddsAPersonWithTwoPhonesAndTwoEmails() {
        String id = company("manager1", "Люди");
        WebSession manager = session("manager1");
        assertThat(manager.get("/companies/" + id + "/people/new").body())
                .contains("id=\"person-form\"", "name=\"phones\"", "name=\"emails\"", "type=\"date\"",
                        message("clients.contact.role.GATEKEEPER"));

        HttpResponse<String> added = post(manager, "/companies/" + id + "/people/new", List.of(
                "fullName", "Орлова Анна Павловна", "position", "Главный инженер", "decisionRole", "INFLUENCER",
                "phones", "+7 495 123-45-67", "phones", "8 (916) 765-43-21", "phones", "",
                "emails", "Orlova@example.ru", "emails", "anna@example.com",
                "messenger", "Telegram @orlova", "birthday", "1980-05-31", "notes", "Любит цифры"));

        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("id=\"person-saved\"", message("clients.people.role.INFLUENCER"),
                "Орлова Анна Павловна", "+7 495 123-45-67", "8 (916) 765-43-21", "orlova@example.ru")
                .doesNotContain("id=\"person-form\"");
        JsonNode contact = api.as("manager1").get("/api/v1/companies/" + id + "/contacts").json().get(0);
        assertThat(contact.path("phones")).hasSize(2);
        assertThat(contact.path("emails")).hasSize(2);
        assertThat(contact.path("birthday").asString()).isEqualTo("1980-05-31");
        assertThat(contact.path("decisionRole").asString()).isEqualTo("INFLUENCER");
        assertThat(contact.path("messenger").asString()).isEqualTo("Telegram @orlova");
        assertThat(contact.path("active").asBoolean()).isTrue();
    }

    @Test
    void badInputShowsAtItsFieldAndNothingIsWritten() {
        String id = company("manager1", "Ошибки");

        HttpResponse<String> refused = post(session("manager1"), "/companies/" + id + "/people/new", List.of(
                "fullName", "Я".repeat(301), "phones", "+7 495 123-45-67", "phones", "позвонить Пете",
                "emails", "не почта", "birthday", LocalDate.now().plusDays(3).toString()));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"person-form\"", "data-field=\"fullName\"",
                "data-field=\"phones\"", "data-field=\"emails\"", "data-field=\"birthday\"",
                message("clients.field.tooLong", 300), message("clients.contact.birthdayInFuture"),
                message("clients.contact.phoneInvalid", "позвонить Пете", 10, 15),
                message("clients.contact.emailInvalid", "не почта"))
                // what was typed stays in the form to be corrected
                .contains("value=\"+7 495 123-45-67\"", "value=\"позвонить Пете\"");
        assertThat(api.as("manager1").get("/api/v1/companies/" + id + "/contacts").json()).isEmpty();
    }

    @Test
    void markupTypedIntoAPersonShowsAsText() {
        String id = company("manager1", "Разметка");
        String name = "<script>alert(1)</script> Иванов";
        String notes = "<img src=x onerror=alert(2)>";

        String section = post(session("manager1"), "/companies/" + id + "/people/new",
                List.of("fullName", name, "position", "<b>директор</b>", "notes", notes)).body();
        String contactId = api.as("manager1").get("/api/v1/companies/" + id + "/contacts").json().get(0)
                .path("id").asString();
        String form = session("manager1").get("/companies/" + id + "/people/" + contactId + "/edit").body();

        assertThat(section).doesNotContain(name, "<b>директор</b>").contains(HtmlUtils.htmlEscape(name));
        assertThat(form).doesNotContain(name, notes).contains(HtmlUtils.htmlEscape(notes));
    }

    @Test
    void aPersonWhoLeftIsSetApartAndAStaleEditIsRefused() {
        String id = company("manager2", "Уход");
        String contactId = api.as("manager2").post("/api/v1/companies/" + id + "/contacts", Map.of(
                "fullName", "Секретарёва Ольга", "decisionRole", "GATEKEEPER", "phones", List.of("+74951112233")))
                .isJson(201).id();
        WebSession manager = session("manager2");
        String edit = "/companies/" + id + "/people/" + contactId + "/edit";
        assertThat(manager.get(edit).body()).contains("value=\"+74951112233\"", "name=\"version\"");

        HttpResponse<String> left = post(manager, edit, List.of("fullName", "Секретарёва Ольга",
                "decisionRole", "GATEKEEPER", "phones", "+74951112233", "left", "true", "version", "0"));

        assertThat(left.statusCode()).isEqualTo(200);
        assertThat(left.body()).contains("id=\"company-people-left\"", "Секретарёва Ольга")
                .doesNotContain(message("clients.people.role.GATEKEEPER"));
        assertThat(api.as("manager2").get("/api/v1/contacts/" + contactId).json().path("active").asBoolean())
                .isFalse();

        HttpResponse<String> stale = post(manager, edit, List.of("fullName", "Другое имя", "version", "0"));

        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("global-errors", "id=\"reload-person\"", "value=\"Другое имя\"");
        assertThat(api.as("manager2").get("/api/v1/contacts/" + contactId).json().path("fullName").asString())
                .isEqualTo("Секретарёва Ольга");
    }

    @Test
    void theDossierFormHasEveryFieldOfTheDossierAndItsChangeShowsInTheHistory() {
        String id = company("manager1", "Досье");
        WebSession manager = session("manager1");
        String form = manager.get("/companies/" + id + "/dossier/edit").body();
        Set<String> notTyped = Set.of("keyDates", "version", "updatedAt", "updatedBy");
        List<String> fields = Arrays.stream(Dossier.class.getRecordComponents()).map(c -> c.getName())
                .filter(name -> !notTyped.contains(name)).toList();
        assertThat(fields).contains("annualRevenue", "staffSize", "needs", "businessHistory");
        fields.forEach(field -> assertThat(form).contains("name=\"fields[" + field + "]\"",
                HtmlUtils.htmlEscape(message("clients.dossier." + field))));
        assertThat(form).contains("name=\"keyDates[0].day\"", "name=\"version\"");

        HttpResponse<String> saved = post(manager, "/companies/" + id + "/dossier/edit", List.of(
                "fields[annualRevenue]", "1 234 567,89", "fields[staffSize]", "120",
                "fields[needs]", "Стеклопакеты 4-16-4 <b>срочно</b>", "fields[interests]", "Рыбалка",
                "keyDates[0].day", "2027-03-15", "keyDates[0].description", "Юбилей завода",
                "keyDates[1].day", "", "keyDates[1].description", "",
                "keyDates[2].day", "2027-09-01", "keyDates[2].description", "Новый цех",
                "version", "0"));

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.headers().firstValue("HX-Trigger")).hasValue("companyChanged");
        assertThat(saved.body()).contains("id=\"dossier-saved\"", "1\u00A0234\u00A0567,89\u00A0₽",
                "Стеклопакеты 4-16-4 &lt;b&gt;срочно&lt;/b&gt;", "15.03.2027 — Юбилей завода",
                "01.09.2027 — Новый цех");
        JsonNode dossier = api.as("manager1").get("/api/v1/companies/" + id + "/dossier").json();
        assertThat(dossier.path("staffSize").asInt()).isEqualTo(120);
        assertThat(dossier.path("keyDates")).hasSize(2);
        assertThat(dossier.path("version").asLong()).isEqualTo(1);
        String history = manager.get("/companies/" + id + "/history").body();
        assertThat(history).contains(message("clients.dossier.needs"), message("clients.dossier.interests"),
                "Рыбалка", "Стеклопакеты 4-16-4 &lt;b&gt;срочно&lt;/b&gt;");
        assertThat(manager.get("/companies/" + id).body())
                .contains("hx-trigger=\"load, companyChanged from:body\"");
    }

    @Test
    void aNumberThatIsNoNumberIsRefusedAtItsField() {
        String id = company("manager1", "Выручка");

        HttpResponse<String> refused = post(session("manager1"), "/companies/" + id + "/dossier/edit", List.of(
                "fields[annualRevenue]", "много", "fields[needs]", "Стекло", "version", "0"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"annualRevenue\"", message("clients.dossier.notANumber"),
                "value=\"много\"", ">Стекло</textarea>");
        assertThat(api.as("manager1").get("/api/v1/companies/" + id + "/dossier").json().path("version").asLong())
                .isZero();
    }

    @Test
    void theServicesRefusalsShowAtTheirFieldsAndRowsAndNothingIsWritten() {
        String id = company("manager1", "Отказ");

        HttpResponse<String> refused = post(session("manager1"), "/companies/" + id + "/dossier/edit", List.of(
                "fields[staffSize]", "-5", "fields[needs]", "н".repeat(10_001),
                "keyDates[0].day", "", "keyDates[0].description", "",
                "keyDates[1].day", "", "keyDates[1].description", "Без даты",
                "version", "0"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"staffSize\"", message("clients.dossier.staffRange"),
                "data-field=\"needs\"", message("clients.field.tooLong", 10_000),
                // the second row is the one without a date: the empty first row does not shift the message
                "data-field=\"keyDates[1].day\"", message("clients.field.required"), "value=\"Без даты\"")
                .doesNotContain("data-field=\"keyDates[0].day\"");
        assertThat(api.as("manager1").get("/api/v1/companies/" + id + "/dossier").json().path("version").asLong())
                .isZero();
    }

    @Test
    void aStaleDossierIsRefusedAndNothingIsWritten() {
        String id = company("manager1", "Версия");
        api.as("manager1").put("/api/v1/companies/" + id + "/dossier", Map.of("needs", "Первое", "version", 0))
                .isJson(200);

        HttpResponse<String> stale = post(session("manager1"), "/companies/" + id + "/dossier/edit",
                List.of("fields[needs]", "Второе", "version", "0"));

        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("global-errors", "id=\"reload-dossier\"", ">Второе</textarea>");
        assertThat(api.as("manager1").get("/api/v1/companies/" + id + "/dossier").json().path("needs").asString())
                .isEqualTo("Первое");
    }

    @Test
    void anotherManagersCompanyIsNotFoundForTheFormsAndThePosts() {
        String id = company("manager1", "Чужая");
        String contactId = api.as("manager1").post("/api/v1/companies/" + id + "/contacts",
                Map.of("fullName", "Свой Человек")).isJson(201).id();
        WebSession stranger = session("manager3");
        String people = "/companies/" + id + "/people";

        assertThat(stranger.get(people + "/new").statusCode()).isEqualTo(404);
        assertThat(stranger.get(people + "/" + contactId + "/edit").statusCode()).isEqualTo(404);
        assertThat(stranger.get("/companies/" + id + "/dossier/edit").statusCode()).isEqualTo(404);
        assertThat(post(stranger, people + "/new", List.of("fullName", "Подброшенный")).statusCode())
                .isEqualTo(404);
        assertThat(post(stranger, people + "/" + contactId + "/edit", List.of("fullName", "Подменённый",
                "version", "0")).statusCode()).isEqualTo(404);
        assertThat(post(stranger, "/companies/" + id + "/dossier/edit", List.of("fields[needs]", "Чужое",
                "version", "0")).statusCode()).isEqualTo(404);

        assertThat(api.as("manager1").get("/api/v1/companies/" + id + "/contacts").json()).hasSize(1);
        assertThat(api.as("manager1").get("/api/v1/contacts/" + contactId).json().path("fullName").asString())
                .isEqualTo("Свой Человек");
        assertThat(api.as("manager1").get("/api/v1/companies/" + id + "/dossier").json().path("version").asLong())
                .isZero();
        // a person is edited under their own company only, even by someone who may see both
        String other = company("manager1", "Другая");
        assertThat(session("manager1").get("/companies/" + other + "/people/" + contactId + "/edit").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        String id = company("manager1", "Подделка");
        WebSession manager = session("manager1");

        assertThat(manager.post("/companies/" + id + "/people/new", Map.of("fullName", "Без токена")).statusCode())
                .isEqualTo(403);
        assertThat(manager.post("/companies/" + id + "/dossier/edit", Map.of("fields[needs]", "Без токена",
                "version", "0")).statusCode()).isEqualTo(403);
        assertThat(api.as("manager1").get("/api/v1/companies/" + id + "/contacts").json()).isEmpty();
        assertThat(manager.get("/companies/" + id + "/people/new").body()).contains("name=\"_csrf\"");
        assertThat(manager.get("/companies/" + id + "/dossier/edit").body()).contains("name=\"_csrf\"");
    }

    private String company(String owner, String name) {
        return api.as(owner).post("/api/v1/companies", CompanyWebIntegrationTest.organisation(ApiClient.unique(name)))
                .isJson(201).id();
    }

    /**
     * Posts as htmx does: the form's fields, names repeated for rows, and the CSRF token of a page
     * the user has open (the layout's logout form carries it on every page).
     */
    private static HttpResponse<String> post(WebSession session, String path, List<String> namesAndValues) {
        List<String> pairs = new ArrayList<>(namesAndValues);
        pairs.add("_csrf");
        pairs.add(WebSession.csrfToken(session.get("/companies").body()));
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.size(); i += 2) {
            body.append(i == 0 ? "" : "&").append(encode(pairs.get(i))).append('=').append(encode(pairs.get(i + 1)));
        }
        return session.post(path, body.toString());
    }

    private WebSession session(String username) {
        return WebSession.loggedIn(port, username, ApiClient.DEMO_PASSWORD);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, RUSSIAN);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
