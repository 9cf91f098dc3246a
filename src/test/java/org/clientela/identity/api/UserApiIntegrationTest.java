package org.clientela.identity.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * The users API: who sees whom, paging, and every refusal of a write, each of which leaves the
 * database as it was.
 */
@IntegrationTest
class UserApiIntegrationTest {

    static final String USERS = "/api/v1/users";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    // --- reading: the access policy decides --------------------------------------------------

    @Test
    void aManagerSeesHimselfOnlyAndNobodyOfAnotherTeam() {
        JsonNode page = api.as("manager1").get(USERS).isJson(200).json();
        assertThat(usernames(page)).containsExactly("manager1");
        assertThat(page.path("totalElements").asLong()).isEqualTo(1);

        api.as("manager1").get(USERS + "/" + idOf("manager3")).isProblem(404);
        api.as("manager1").get(USERS + "/" + idOf("manager2")).isProblem(404);
        api.as("manager1").get(USERS + "/" + UUID.randomUUID()).isProblem(404);
    }

    @Test
    void aHeadSeesTheTeamButNotAnotherTeam() {
        Response manager1 = api.as("head").get(USERS + "/" + idOf("manager1")).isJson(200);
        assertThat(manager1.json().path("username").asString()).isEqualTo("manager1");
        assertThat(manager1.json().path("team").path("name").asString()).isEqualTo("Клиентский отдел");
        assertThat(manager1.header("ETag")).isEqualTo("\"" + manager1.json().path("version").asLong() + "\"");

        assertThat(api.as("head").header("If-None-Match", manager1.header("ETag"))
                .get(USERS + "/" + idOf("manager1")).status()).as("unchanged since the ETag").isEqualTo(304);

        Response invisible = api.as("head").get(USERS + "/" + idOf("manager3")).isProblem(404);
        assertThat(invisible.detail()).isEqualTo("Такой записи нет или у вас нет к ней доступа.");
        assertThat(usernames(api.as("head").get(USERS + "?size=100").json()))
                .contains("head", "manager1", "manager2", "kam").doesNotContain("manager3", "director", "admin");
    }

    @Test
    void theDirectorSeesEveryone() {
        JsonNode page = api.as("director").get(USERS + "?size=100").isJson(200).json();

        assertThat(usernames(page)).contains("director", "head", "credit", "manager1", "manager2", "manager3",
                "kam", "admin");
        assertThat(page.path("totalElements").asLong()).isEqualTo(userCount());
        api.as("director").get(USERS + "/" + idOf("manager3")).isJson(200);
    }

    @Test
    void pagesAreCappedAndDescribed() {
        long total = userCount();
        JsonNode capped = api.as("admin").get(USERS + "?size=1000").isJson(200).json();
        assertThat(capped.path("size").asInt()).isEqualTo(100);
        assertThat(capped.path("page").asInt()).isZero();
        assertThat(capped.path("totalElements").asLong()).isEqualTo(total);
        assertThat(capped.path("totalPages").asInt()).isEqualTo((int) ((total + 99) / 100));

        JsonNode second = api.as("admin").get(USERS + "?page=1&size=3&sort=username").isJson(200).json();
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(second.path("size").asInt()).isEqualTo(3);
        assertThat(second.path("content").size()).isEqualTo(3);
        assertThat(second.path("totalPages").asInt()).isEqualTo((int) ((total + 2) / 3));
        List<String> all = jdbc.sql("select username from app_user order by username, id")
                .query(String.class).list();
        assertThat(usernames(second)).containsExactlyElementsOf(all.subList(3, 6));

        JsonNode defaults = api.as("admin").get(USERS).json();
        assertThat(defaults.path("size").asInt()).isEqualTo(20);
    }

    @Test
    void sortsByAWhitelistedPropertyAndRefusesAnyOther() {
        List<String> descending = usernames(api.as("head").get(USERS + "?sort=fullName,desc").isJson(200).json());
        List<String> names = new ArrayList<>();
        api.as("head").get(USERS + "?sort=fullName,desc").json().path("content")
                .forEach(user -> names.add(user.path("fullName").asString()));
        assertThat(names).isSortedAccordingTo((a, b) -> jdbcCompare(b, a));
        assertThat(descending).contains("head", "manager1", "manager2", "kam");

        Response refused = api.as("head").english().get(USERS + "?sort=passwordHash,asc").isProblem(400);
        assertThat(refused.errorFields()).containsExactly("sort");
        assertThat(refused.json().path("errors").get(0).path("message").asString())
                .contains("passwordHash", "fullName");
    }

    // --- creating ---------------------------------------------------------------------------

    @Test
    void anAdministratorCreatesAUser() {
        String username = ApiClient.unique("api");
        long auditRows = auditCount();

        Response created = api.as("admin").post(USERS, newUser(username)).isJson(201);

        String id = created.id();
        assertThat(created.header("Location")).endsWith(USERS + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.json().path("username").asString()).isEqualTo(username);
        assertThat(created.json().get("team").isNull()).isTrue();
        assertThat(created.body()).doesNotContain("password", "Secret-pass");
        assertThat(auditCount()).isGreaterThan(auditRows);
        api.as(username, "Secret-pass-1").get("/api/v1/me").isJson(200);
    }

    @Test
    void aManagerMayNotCreateUsers() {
        long users = userCount();

        Response refused = api.as("manager1").english().post(USERS, newUser(ApiClient.unique("api"))).isProblem(403);

        assertThat(refused.detail()).isEqualTo("You are not allowed to do this.");
        assertThat(userCount()).isEqualTo(users);
    }

    @Test
    void aNewUserWithWrongFieldsIsRefusedFieldByField() {
        long users = userCount();
        long auditRows = auditCount();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", "");
        body.put("fullName", " ");
        body.put("email", "not-an-address");
        body.put("password", "Secret-pass-1");
        body.put("roles", List.of());

        Response refused = api.as("admin").english().post(USERS, body).isProblem(400);

        assertThat(refused.detail()).isEqualTo("The request has errors: check the fields.");
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("username", "fullName", "email", "roles");
        assertThat(userCount()).isEqualTo(users);
        assertThat(auditCount()).isEqualTo(auditRows);
    }

    @Test
    void aBusinessRuleRefusalNamesItsField() {
        long users = userCount();
        Map<String, Object> shortPassword = newUser(ApiClient.unique("api"));
        shortPassword.put("password", "short");

        Response refused = api.as("admin").post(USERS, shortPassword).isProblem(400);

        assertThat(refused.errorFields()).containsExactly("password");
        assertThat(refused.json().path("errors").get(0).path("message").asString()).contains("8");
        assertThat(userCount()).isEqualTo(users);
    }

    @Test
    void malformedJsonIsRefused() {
        long users = userCount();

        Response refused = api.as("admin").english().post(USERS, "{\"username\": \"x\",").isProblem(400);

        assertThat(refused.detail()).isEqualTo("The request body cannot be read as JSON of the expected shape.");
        assertThat(userCount()).isEqualTo(users);
    }

    @Test
    void aDuplicateUsernameIsAConflict() {
        long users = userCount();
        long auditRows = auditCount();

        Response refused = api.as("admin").post(USERS, newUser("manager1")).isProblem(409);

        assertThat(refused.detail()).contains("manager1");
        assertThat(userCount()).isEqualTo(users);
        assertThat(auditCount()).isEqualTo(auditRows);
    }

    @Test
    void ofParallelCreatesOfOneUsernameOneWinsAndTheOthersConflict() throws Exception {
        String username = ApiClient.unique("race");
        long users = userCount();
        List<Integer> statuses = new ArrayList<>();
        // the username check and the insert are apart by a slow password hash: the unique index decides
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> api.as("admin").post(USERS, newUser(username))));
            }
            for (Future<Response> call : calls) {
                Response response = call.get();
                statuses.add(response.status());
                if (response.status() == 409) {
                    response.isProblem(409);
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(userCount()).isEqualTo(users + 1);
    }

    @Test
    void textIsNotJson() {
        long users = userCount();

        Response refused = api.as("admin").english().send("POST", USERS, "text/plain", "username=x").isProblem(415);

        assertThat(refused.detail()).contains("text/plain");
        assertThat(userCount()).isEqualTo(users);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() {
        long users = userCount();
        String huge = "{\"username\":\"" + "a".repeat(1_500_000) + "\"}";

        Response declared = api.as("admin").english().send("POST", USERS, "application/json", huge).isProblem(413);
        assertThat(declared.detail()).startsWith("The request body is larger than the allowed 1").endsWith("024 KB.");

        Response chunked = api.as("admin").sendChunked("POST", USERS, () -> new SequenceInputStream(
                new ByteArrayInputStream("{\"username\":\"".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream("a".repeat(1_500_000).getBytes(StandardCharsets.UTF_8)))).isProblem(413);
        assertThat(chunked.detail()).startsWith("Тело запроса больше допустимых 1").endsWith("024 КБ.");
        assertThat(userCount()).isEqualTo(users);
    }

    @Test
    void refusedCredentialsWriteNothing() {
        long users = userCount();

        api.anonymous().post(USERS, newUser(ApiClient.unique("api"))).isProblem(401);
        api.as(ApiClient.unique("nobody"), "not-the-password").post(USERS, newUser(ApiClient.unique("api")))
                .isProblem(401);
        api.withToken("clt_neverIssued").post(USERS, newUser(ApiClient.unique("api"))).isProblem(401);

        assertThat(userCount()).isEqualTo(users);
    }

    // --- changing ---------------------------------------------------------------------------

    @Test
    void aChangeNeedsTheVersionAndAppearsInTheHistory() {
        String teamName = ApiClient.unique("Команда");
        String teamId = api.as("admin").post("/api/v1/teams", Map.of("name", teamName)).isJson(201).id();
        String username = ApiClient.unique("api");
        Map<String, Object> user = newUser(username);
        user.put("teamId", teamId);
        String id = api.as("admin").post(USERS, user).isJson(201).id();
        long auditRows = auditCount();

        Response required = api.as("admin").english().patch(USERS + "/" + id, Map.of("fullName", "Новое Имя"))
                .isProblem(428);
        assertThat(required.detail()).startsWith("Give the record's version");
        assertThat(auditCount()).isEqualTo(auditRows);

        Response changed = api.as("admin").header("If-Match", "\"0\"")
                .patch(USERS + "/" + id, Map.of("fullName", "Новое Имя", "withoutTeam", true)).isJson(200);
        assertThat(changed.json().path("fullName").asString()).isEqualTo("Новое Имя");
        assertThat(changed.json().get("team").isNull()).isTrue();
        assertThat(changed.json().path("email").asString()).isEqualTo(username + "@example.org");
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");

        long afterChange = auditCount();
        assertThat(api.as("admin").header("If-Match", "\"1\"").patch(USERS + "/" + id, Map.of()).isJson(200)
                .header("ETag")).as("an empty change keeps the version").isEqualTo("\"1\"");
        assertThat(auditCount()).isEqualTo(afterChange);
        Response stale = api.as("admin").header("If-Match", "\"0\"")
                .patch(USERS + "/" + id, Map.of("fullName", "Чужое Имя")).isProblem(409);
        assertThat(stale.detail()).contains("0", "1");
        Response staleField = api.as("admin").patch(USERS + "/" + id, Map.of("fullName", "Чужое Имя", "version", 0))
                .isProblem(409);
        assertThat(staleField.json().path("code").asString()).isEqualTo("error.conflict.staleVersion");
        assertThat(auditCount()).isEqualTo(afterChange);
        assertThat(api.as("admin").get(USERS + "/" + id).json().path("fullName").asString()).isEqualTo("Новое Имя");

        JsonNode history = api.as("admin").get("/api/v1/audit/User/" + id).isJson(200).json();
        JsonNode rename = find(history, "UPDATED", "fullName");
        assertThat(rename.path("oldValue").asString()).isEqualTo("Тестовый Пользователь");
        assertThat(rename.path("newValue").asString()).isEqualTo("Новое Имя");
        assertThat(rename.path("actor").asString()).isEqualTo("admin");
        assertThat(rename.path("occurredAt").asString()).isNotBlank();
        JsonNode team = find(history, "UPDATED", "team");
        assertThat(team.path("oldValue").asString()).isEqualTo(teamName);
        assertThat(team.has("newValue")).isFalse();
    }

    @Test
    void aChangeWithWrongFieldsOrAnUnreadableVersionIsRefused() {
        String id = api.as("admin").post(USERS, newUser(ApiClient.unique("api"))).isJson(201).id();
        long auditRows = auditCount();

        Response invalid = api.as("admin").header("If-Match", "\"0\"")
                .patch(USERS + "/" + id, Map.of("fullName", " ", "email", "nope", "roles", List.of())).isProblem(400);
        assertThat(invalid.errorFields()).containsExactlyInAnyOrder("fullName", "email", "roles");

        assertThat(api.as("admin").header("If-Match", "yesterday").patch(USERS + "/" + id, Map.of("fullName", "Имя"))
                .isProblem(400).errorFields()).containsExactly("If-Match");
        assertThat(api.as("admin").header("If-Match", "\"0\"")
                .patch(USERS + "/" + id, Map.of("fullName", "Имя", "version", 3)).isProblem(400).errorFields())
                .containsExactly("version");
        assertThat(api.as("admin").header("If-Match", "\"0\"")
                .patch(USERS + "/" + id, Map.of("teamId", teamIdOf("Отдел региональных продаж"), "withoutTeam", true))
                .isProblem(400).errorFields()).containsExactly("withoutTeam");
        assertThat(api.as("admin").header("If-Match", "\"0\"")
                .patch(USERS + "/" + id, Map.of("teamId", UUID.randomUUID().toString()))
                .isProblem(400).errorFields()).containsExactly("teamId");
        api.as("admin").header("If-Match", "\"0\"").send("PATCH", USERS + "/" + id, "text/plain", "fullName=x")
                .isProblem(415);
        api.as("manager1").header("If-Match", "\"0\"").patch(USERS + "/" + id, Map.of("fullName", "Имя"))
                .isProblem(403);
        api.as("admin").header("If-Match", "\"0\"").patch(USERS + "/" + UUID.randomUUID(), Map.of("fullName", "Имя"))
                .isProblem(404);

        assertThat(auditCount()).isEqualTo(auditRows);
        assertThat(api.as("admin").get(USERS + "/" + id).json().path("version").asLong()).isZero();
    }

    // --- helpers ----------------------------------------------------------------------------

    static Map<String, Object> newUser(String username) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("fullName", "Тестовый Пользователь");
        body.put("email", username + "@example.org");
        body.put("password", "Secret-pass-1");
        body.put("roles", List.of("MANAGER"));
        return body;
    }

    static String idOf(String demoUsername) {
        return UUID.nameUUIDFromBytes(("clientela-demo:user:" + demoUsername).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static String teamIdOf(String demoTeam) {
        return UUID.nameUUIDFromBytes(("clientela-demo:team:" + demoTeam).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static List<String> usernames(JsonNode page) {
        List<String> usernames = new ArrayList<>();
        page.path("content").forEach(user -> usernames.add(user.path("username").asString()));
        return usernames;
    }

    static JsonNode find(JsonNode history, String action, String field) {
        for (JsonNode entry : history) {
            if (action.equals(entry.path("action").asString()) && field.equals(entry.path("field").asString())) {
                return entry;
            }
        }
        throw new AssertionError("No " + action + " of " + field + " in " + history);
    }

    /** The database's collation decides the order of names; ask it rather than Java. */
    private int jdbcCompare(String a, String b) {
        return jdbc.sql("select case when :a < :b then -1 when :a > :b then 1 else 0 end")
                .param("a", a).param("b", b).query(Integer.class).single();
    }

    private long userCount() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    private long auditCount() {
        return jdbc.sql("select count(*) from audit_log").query(Long.class).single();
    }
}
