package org.clientela.identity.api;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The caller, personal API tokens and every way authentication is refused. */
@IntegrationTest
class MeApiIntegrationTest {

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
    void meShowsTheCallerWithRolesAndTeam() {
        JsonNode me = api.as("kam").get("/api/v1/me").isJson(200).json();

        assertThat(me.path("username").asString()).isEqualTo("kam");
        assertThat(me.path("fullName").asString()).isEqualTo("Лебедева Мария Владимировна");
        assertThat(me.path("roles").toString()).contains("KEY_ACCOUNT_MANAGER", "MANAGER");
        assertThat(me.path("team").path("name").asString()).isEqualTo("Клиентский отдел");
        assertThat(me.path("team").path("id").asString()).isNotBlank();
    }

    @Test
    void meOfSomeoneWithoutTeamSaysSoWithNull() {
        JsonNode me = api.as("director").get("/api/v1/me").isJson(200).json();

        assertThat(me.has("team")).isTrue();
        assertThat(me.get("team").isNull()).isTrue();
    }

    @Test
    void withoutCredentialsTheApiAsksForThem() {
        Response response = api.anonymous().get("/api/v1/me").isProblem(401);

        assertThat(response.headers().allValues("WWW-Authenticate"))
                .anyMatch(value -> value.startsWith("Basic"))
                .anyMatch(value -> value.startsWith("Bearer"));
        assertThat(response.detail()).contains("HTTP Basic");
    }

    @Test
    void aWrongPasswordIsRefused() {
        // a user of this test's own: wrong passwords count towards a lock, and demo users stay as they are
        String username = ApiClient.unique("pw");
        api.as("admin").post("/api/v1/users", Map.of("username", username, "fullName", "Пароль Тест",
                "password", "Secret-pass-1", "roles", java.util.List.of("MANAGER"))).isJson(201);

        Response response = api.as(username, "wrong-password").english().get("/api/v1/me").isProblem(401);

        assertThat(response.detail()).isEqualTo("Wrong username or password.");
        assertThat(response.headers().allValues("WWW-Authenticate")).isNotEmpty();
        assertThat(api.as(ApiClient.unique("nobody"), "wrong-password").english().get("/api/v1/me")
                .isProblem(401).detail()).as("an unknown user is not told apart").isEqualTo(response.detail());
    }

    @Test
    void anUnknownTokenIsRefused() {
        Response response = api.withToken("clt_thisTokenWasNeverIssued").english().get("/api/v1/me").isProblem(401);

        assertThat(response.detail()).isEqualTo("Unknown API token.");
    }

    @Test
    void aTokenAuthenticatesUntilItIsRevoked() {
        String name = ApiClient.unique("export");
        Response created = api.as("manager2").post("/api/v1/me/tokens", Map.of("name", name)).isJson(201);
        String id = created.id();
        String secret = created.json().path("token").asString();

        assertThat(created.header("Location")).endsWith("/api/v1/me/tokens/" + id);
        assertThat(secret).startsWith("clt_");
        assertThat(created.json().path("prefix").asString()).isEqualTo(secret.substring(0, 10));
        assertThat(created.json().path("createdAt").asString()).isNotBlank();

        assertThat(api.withToken(secret).get("/api/v1/me").isJson(200).json().path("username").asString())
                .isEqualTo("manager2");

        Response list = api.as("manager2").get("/api/v1/me/tokens").isJson(200);
        assertThat(list.body()).contains(id, name).doesNotContain(secret);
        api.as("manager2").get("/api/v1/me/tokens/" + id).isJson(200);

        api.as("manager2").delete("/api/v1/me/tokens/" + id).hasStatus(204);
        long auditRows = jdbc.sql("select count(*) from audit_log where entity_id = :id").param("id", id)
                .query(Long.class).single();
        api.as("manager2").delete("/api/v1/me/tokens/" + id).hasStatus(204);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_id = :id").param("id", id)
                .query(Long.class).single()).as("a second revocation records nothing").isEqualTo(auditRows);

        Response refused = api.withToken(secret).english().get("/api/v1/me").isProblem(401);
        assertThat(refused.detail()).isEqualTo("The API token has been revoked.");
        assertThat(api.withToken(secret).get("/api/v1/me").isProblem(401).detail()).isEqualTo("API-токен отозван.");
        assertThat(api.as("manager2").get("/api/v1/me/tokens/" + id).json().path("active").asBoolean()).isFalse();
    }

    @Test
    void aTokenSpeaksForItsOwnerAsTheyAreNow() {
        String username = ApiClient.unique("api");
        Map<String, Object> user = new LinkedHashMap<>(Map.of("username", username,
                "fullName", "Владелец Токена", "password", "Secret-pass-1", "roles", List.of("MANAGER")));
        String id = api.as("admin").post("/api/v1/users", user).isJson(201).id();
        String secret = api.as(username, "Secret-pass-1").post("/api/v1/me/tokens", Map.of("name", "отчёты"))
                .isJson(201).json().path("token").asString();
        // used twice, so that its check is one remembered from the call before
        api.withToken(secret).get("/api/v1/me").isJson(200);
        assertThat(api.withToken(secret).get("/api/v1/me").isJson(200).json().path("roles").toString())
                .isEqualTo("[\"MANAGER\"]");

        api.as("admin").header("If-Match", "\"0\"").patch("/api/v1/users/" + id,
                Map.of("roles", List.of("MANAGER", "KEY_ACCOUNT_MANAGER"))).isJson(200);
        assertThat(api.withToken(secret).get("/api/v1/me").isJson(200).json().path("roles").toString())
                .as("the roles given a moment ago").contains("KEY_ACCOUNT_MANAGER");

        api.as("admin").header("If-Match", "\"1\"").patch("/api/v1/users/" + id, Map.of("enabled", false))
                .isJson(200);
        assertThat(api.withToken(secret).english().get("/api/v1/me").isProblem(401).detail())
                .isEqualTo("The account is disabled.");
    }

    @Test
    void aTokenCannotMakeMoreTokens() {
        String secret = api.as("manager1").post("/api/v1/me/tokens", Map.of("name", ApiClient.unique("parent")))
                .isJson(201).json().path("token").asString();
        long before = tokenCount();

        api.withToken(secret).post("/api/v1/me/tokens", Map.of("name", ApiClient.unique("child"))).isProblem(403);

        assertThat(tokenCount()).isEqualTo(before);
        api.withToken(secret).get("/api/v1/me/tokens").isJson(200);
    }

    @Test
    void anotherUsersTokenCannotBeRevokedOrSeen() {
        String id = api.as("manager1").post("/api/v1/me/tokens", Map.of("name", ApiClient.unique("mine")))
                .isJson(201).id();

        api.as("manager2").delete("/api/v1/me/tokens/" + id).isProblem(404);
        api.as("manager2").get("/api/v1/me/tokens/" + id).isProblem(404);
        api.as("manager2").delete("/api/v1/me/tokens/" + java.util.UUID.randomUUID()).isProblem(404);

        assertThat(jdbc.sql("select revoked_at is null from api_token where id = :id")
                .param("id", java.util.UUID.fromString(id)).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aTokenNeedsAName() {
        long before = tokenCount();

        Response response = api.as("manager1").english().post("/api/v1/me/tokens", Map.of("name", " "))
                .isProblem(400);

        assertThat(response.errorFields()).containsExactly("name");
        assertThat(response.json().path("errors").get(0).path("message").asString()).isEqualTo("Fill in this field.");
        assertThat(tokenCount()).isEqualTo(before);
    }

    @Test
    void anUnknownAddressUnderTheApiIsAProblemToo() {
        api.as("manager1").get("/api/v1/no-such-thing").isProblem(404);
        assertThat(api.anonymous().get("/api/v1/no-such-thing").status()).isEqualTo(401);
    }

    @Test
    void theDetailSpeaksTheCallersLanguage() {
        assertThat(api.anonymous().english().get("/api/v1/me").detail()).startsWith("Please authenticate");
        assertThat(api.anonymous().get("/api/v1/me").detail()).startsWith("Нужно войти");
        assertThat(api.anonymous().header("Accept-Language", "de-DE,en;q=0.8").get("/api/v1/me").detail())
                .startsWith("Please authenticate");
    }

    private long tokenCount() {
        return jdbc.sql("select count(*) from api_token").query(Long.class).single();
    }
}
