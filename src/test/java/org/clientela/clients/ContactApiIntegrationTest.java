package org.clientela.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.ApiClient.Response;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The people at a company through the API: adding, revising, leaving, access, audit, search. */
@IntegrationTest
class ContactApiIntegrationTest {

    static final String COMPANIES = "/api/v1/companies";
    static final String CONTACTS = "/api/v1/contacts";

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
    void aManagerAddsListsRevisesAndMarksAContactAsLeft() {
        String company = company("manager1", ApiClient.unique("Контакты"));
        Map<String, Object> person = person("<b>Иванов</b> Иван Иванович");
        person.put("position", "Главный инженер");
        person.put("decisionRole", "decision_maker");
        person.put("phones", List.of("+7 (495) 123-45-67", "8 495 1234567", " "));
        person.put("emails", List.of("Ivanov@Example.RU"));
        person.put("birthday", "1980-05-31");

        Response added = api.as("manager1").post(COMPANIES + "/" + company + "/contacts", person).isJson(201);

        JsonNode body = added.json();
        String id = body.path("id").asString();
        assertThat(added.header("Location")).isEqualTo(CONTACTS + "/" + id);
        assertThat(added.header("ETag")).isEqualTo("\"0\"");
        assertThat(body.path("companyId").asString()).isEqualTo(company);
        assertThat(body.path("fullName").asString()).isEqualTo("<b>Иванов</b> Иван Иванович");
        assertThat(body.path("decisionRole").asString()).isEqualTo("DECISION_MAKER");
        assertThat(body.path("phones").toString()).as("one phone typed twice").isEqualTo("[\"+7 (495) 123-45-67\"]");
        assertThat(body.path("emails").toString()).isEqualTo("[\"ivanov@example.ru\"]");
        assertThat(body.path("birthday").asString()).isEqualTo("1980-05-31");
        assertThat(body.path("active").asBoolean()).isTrue();
        assertThat(jdbc.sql("select array_to_string(phone_digits, ',') from contact where id = cast(:id as uuid)")
                .param("id", id).query(String.class).single()).isEqualTo("74951234567");

        String second = api.as("manager1").post(COMPANIES + "/" + company + "/contacts", person("Абрамова Анна"))
                .isJson(201).id();
        Response revised = api.as("manager1").header("If-Match", "\"0\"")
                .patch(CONTACTS + "/" + id, Map.of("position", "Технический директор", "phones", List.of()))
                .isJson(200);
        assertThat(revised.json().path("position").asString()).isEqualTo("Технический директор");
        assertThat(revised.json().path("phones").size()).isZero();
        assertThat(revised.json().path("emails").toString()).as("kept").contains("ivanov@example.ru");
        assertThat(revised.header("ETag")).isEqualTo("\"1\"");

        assertThat(api.as("manager1").delete(CONTACTS + "/" + second).status()).isEqualTo(204);

        assertThat(api.as("manager1").get(CONTACTS + "/" + second).isJson(200).json().path("active").asBoolean())
                .isFalse();
        List<String> listed = new ArrayList<>();
        api.as("manager1").get(COMPANIES + "/" + company + "/contacts").isJson(200).json()
                .forEach(contact -> listed.add(contact.path("fullName").asString() + ":"
                        + contact.path("active").asBoolean()));
        assertThat(listed).as("those still there first")
                .containsExactly("<b>Иванов</b> Иван Иванович:true", "Абрамова Анна:false");

        Response back = api.as("manager1").patch(CONTACTS + "/" + second, Map.of("active", true, "version", 1))
                .isJson(200);
        assertThat(back.json().path("active").asBoolean()).isTrue();
    }

    @Test
    void wrongFieldsAreAllNamedAtTheirFieldsAndNothingIsWritten() {
        String company = company("manager1", ApiClient.unique("Проверка"));
        long before = contacts();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("fullName", " ");
        person.put("phones", List.of("+7 (495) 123-45-67", "123-45-67"));
        person.put("emails", List.of("ivanov@", "petrov@example.ru"));
        person.put("birthday", LocalDate.now().plusDays(3).toString());
        person.put("decisionRole", "BOSS");
        person.put("position", "x".repeat(201));

        Response refused = api.as("manager1").english().post(COMPANIES + "/" + company + "/contacts", person)
                .isProblem(400);

        assertThat(refused.errorFields())
                .contains("fullName", "phones", "emails", "birthday", "decisionRole", "position");
        assertThat(refused.body()).contains("123-45-67", "ivanov@", "future");
        assertThat(contacts()).isEqualTo(before);

        api.as("manager1").post(COMPANIES + "/" + company + "/contacts", Map.of("fullName", "x".repeat(301)))
                .isProblem(400);
        api.as("manager1").post(COMPANIES + "/" + company + "/contacts",
                Map.of("fullName", "Дата", "birthday", "31.05.1980")).isProblem(400);
        assertThat(contacts()).isEqualTo(before);
    }

    @Test
    void anUpdateNeedsTheCurrentVersion() {
        String company = company("manager1", ApiClient.unique("Версии"));
        String id = api.as("manager1").post(COMPANIES + "/" + company + "/contacts", person("Петров Пётр"))
                .isJson(201).id();
        api.as("manager1").patch(CONTACTS + "/" + id, Map.of("notes", "Любит рыбалку", "version", 0)).isJson(200);

        api.as("manager1").patch(CONTACTS + "/" + id, Map.of("notes", "Устаревшее", "version", 0)).isProblem(409);
        api.as("manager1").header("If-Match", "\"0\"").patch(CONTACTS + "/" + id, Map.of("notes", "Устаревшее"))
                .isProblem(409);
        api.as("manager1").patch(CONTACTS + "/" + id, Map.of("notes", "Без версии")).isProblem(428);

        assertThat(api.as("manager1").get(CONTACTS + "/" + id).json().path("notes").asString())
                .isEqualTo("Любит рыбалку");
    }

    @Test
    void theContactsOfAnotherTeamsCompanyDoNotExistForAManager() {
        String company = company("manager1", ApiClient.unique("Чужие"));
        String id = api.as("manager1").post(COMPANIES + "/" + company + "/contacts", person("Сидоров Сидор"))
                .isJson(201).id();
        long before = contacts();

        api.as("manager3").get(COMPANIES + "/" + company + "/contacts").isProblem(404);
        api.as("manager3").post(COMPANIES + "/" + company + "/contacts", person("Подброшенный")).isProblem(404);
        api.as("manager3").get(CONTACTS + "/" + id).isProblem(404);
        api.as("manager3").patch(CONTACTS + "/" + id, Map.of("notes", "Чужое", "version", 0)).isProblem(404);
        api.as("manager3").delete(CONTACTS + "/" + id).isProblem(404);
        api.as("manager3").get("/api/v1/audit/Contact/" + id).isProblem(404);

        assertThat(contacts()).isEqualTo(before);
        assertThat(api.as("manager1").get(CONTACTS + "/" + id).json().path("active").asBoolean()).isTrue();
        api.as("head").get(CONTACTS + "/" + id).isJson(200);
        api.as("director").get(COMPANIES + "/" + company + "/contacts").isJson(200);
    }

    @Test
    void everyChangeOfAContactIsInItsHistory() {
        String company = company("manager2", ApiClient.unique("История"));
        String id = api.as("manager2").post(COMPANIES + "/" + company + "/contacts", person("Кузьмина Ольга"))
                .isJson(201).id();
        api.as("manager2").patch(CONTACTS + "/" + id, Map.of("position", "Снабженец", "version", 0)).isJson(200);
        api.as("manager2").delete(CONTACTS + "/" + id);

        List<String> history = new ArrayList<>();
        api.as("manager2").get("/api/v1/audit/Contact/" + id).isJson(200).json()
                .forEach(entry -> history.add(entry.path("action").asString() + " " + entry.path("field").asString()
                        + " " + entry.path("oldValue").asString() + "→" + entry.path("newValue").asString()));

        assertThat(history).contains("CREATED fullName →Кузьмина Ольга", "CREATED company →" + company,
                "UPDATED position →Снабженец", "UPDATED active true→false");
        assertThat(jdbc.sql("select count(distinct actor) from audit_log where entity_type = 'Contact' "
                + "and entity_id = :id").param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theCompanySearchFindsACompanyByItsPeopleNamesPhonesAndEmails() {
        String name = ApiClient.unique("Поиск");
        String company = company("manager2", name);
        String other = company("manager2", ApiClient.unique("Поиск"));
        String surname = ApiClient.unique("Фамилия");
        String local = ApiClient.unique("snab");
        String subscriber = String.valueOf(1_000_000 + (int) (Math.random() * 8_999_999));
        Map<String, Object> person = person(surname + " Ирина Павловна");
        person.put("phones", List.of("+7 (812) " + subscriber.substring(0, 3) + "-" + subscriber.substring(3, 5)
                + "-" + subscriber.substring(5)));
        person.put("emails", List.of(local + "@Steklo.Ru"));
        api.as("manager2").post(COMPANIES + "/" + company + "/contacts", person).isJson(201);

        for (String q : List.of(surname.substring(1).toUpperCase(), "Ирина " + surname,
                "+7 (812) " + subscriber.substring(0, 3) + "-" + subscriber.substring(3, 5) + "-"
                        + subscriber.substring(5),
                "8 812 " + subscriber, "812" + subscriber, local.toUpperCase() + "@steklo.ru")) {
            List<String> found = ids(api.as("manager2").get(COMPANIES + "?q=" + encode(q)).isJson(200).json());
            assertThat(found).as(q).containsExactly(company);
        }
        assertThat(ids(api.as("manager2").get(COMPANIES + "?q=" + encode(name)).json())).as("by its own name")
                .containsExactly(company).doesNotContain(other);
        assertThat(ids(api.as("manager2").get(COMPANIES + "?q=" + encode("Ирина Иванова " + surname)).json()))
                .as("every word in one person's name").isEmpty();
        assertThat(ids(api.as("manager3").get(COMPANIES + "?q=" + encode(surname)).json()))
                .as("outside the access scope").isEmpty();
        assertThat(ids(api.as("manager3").get(COMPANIES + "?q=812" + subscriber).json())).isEmpty();
    }

    @Test
    void aPersonWhoLeftNoLongerFindsTheirCompany() {
        String company = company("manager1", ApiClient.unique("Ушедшие"));
        String surname = ApiClient.unique("Ушедший");
        String id = api.as("manager1").post(COMPANIES + "/" + company + "/contacts", person(surname)).isJson(201).id();
        assertThat(ids(api.as("manager1").get(COMPANIES + "?q=" + encode(surname)).json())).containsExactly(company);

        api.as("manager1").delete(CONTACTS + "/" + id);

        assertThat(ids(api.as("manager1").get(COMPANIES + "?q=" + encode(surname)).json())).isEmpty();
    }

    private String company(String manager, String name) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", name);
        company.put("legalForm", "OOO");
        company.put("inn", CompanyNumbers.organisationInn());
        company.put("kpp", "773601001");
        return api.as(manager).post(COMPANIES, company).isJson(201).id();
    }

    private static Map<String, Object> person(String fullName) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("fullName", fullName);
        return person;
    }

    private long contacts() {
        return jdbc.sql("select count(*) from contact").query(Long.class).single();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("content").forEach(company -> ids.add(company.path("id").asString()));
        return ids;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
