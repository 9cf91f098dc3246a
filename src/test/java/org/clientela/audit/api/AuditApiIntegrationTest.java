package org.clientela.audit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A record's history is visible exactly to those who may see the record; to everyone else it
 * answers 404, like a record that does not exist.
 */
@IntegrationTest
class AuditApiIntegrationTest {

    static final String AUDIT = "/api/v1/audit/";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void aUsersHistoryFollowsTheAccessPolicy() {
        api.as("manager1").get(AUDIT + "User/" + user("manager1")).isJson(200);
        api.as("manager1").get(AUDIT + "User/" + user("manager3")).isProblem(404);
        api.as("manager1").get(AUDIT + "User/" + user("manager2")).isProblem(404);

        api.as("head").get(AUDIT + "User/" + user("manager1")).isJson(200);
        api.as("head").get(AUDIT + "User/" + user("manager3")).isProblem(404);

        api.as("director").get(AUDIT + "User/" + user("manager3")).isJson(200);
        api.as("credit").get(AUDIT + "User/" + user("manager3")).isJson(200);
    }

    @Test
    void aTeamsHistoryIsForItsMembersTheDirectorAndAdministrators() {
        String clientDepartment = team("Клиентский отдел");

        api.as("manager1").get(AUDIT + "Team/" + clientDepartment).isJson(200);
        api.as("head").get(AUDIT + "Team/" + clientDepartment).isJson(200);
        api.as("director").get(AUDIT + "Team/" + clientDepartment).isJson(200);
        api.as("admin").get(AUDIT + "Team/" + clientDepartment).isJson(200);
        api.as("manager3").get(AUDIT + "Team/" + clientDepartment).isProblem(404);
        api.as("credit").get(AUDIT + "Team/" + clientDepartment).isProblem(404);
    }

    @Test
    void whatNobodyVouchesForDoesNotExist() {
        api.as("admin").get(AUDIT + "User/" + UUID.randomUUID()).isProblem(404);
        api.as("admin").get(AUDIT + "User/not-a-uuid").isProblem(404);
        api.as("admin").get(AUDIT + "Team/" + UUID.randomUUID()).isProblem(404);
        api.as("admin").get(AUDIT + "Spaceship/1").isProblem(404);

        String tokenId = api.as("manager1").post("/api/v1/me/tokens", Map.of("name", ApiClient.unique("t")))
                .isJson(201).id();
        api.as("manager1").get(AUDIT + "ApiToken/" + tokenId).isProblem(404);

        api.anonymous().get(AUDIT + "User/" + user("manager1")).isProblem(401);
    }

    @Test
    void theHistoryTellsWhoCreatedARecord() {
        String username = ApiClient.unique("audit");
        String id = api.as("admin").post("/api/v1/users", Map.of("username", username, "fullName", "Аудит Тест",
                "password", "Secret-pass-1", "roles", List.of("MANAGER"))).isJson(201).id();

        var history = api.as("director").get(AUDIT + "User/" + id).isJson(200).json();

        assertThat(history.isArray()).isTrue();
        assertThat(history.size()).isGreaterThanOrEqualTo(3);
        history.forEach(entry -> {
            assertThat(entry.path("action").asString()).isEqualTo("CREATED");
            assertThat(entry.path("actor").asString()).isEqualTo("admin");
            assertThat(entry.path("id").asLong()).isPositive();
        });
        assertThat(history.toString()).contains("\"field\":\"username\"", "\"newValue\":\"" + username + "\"")
                .doesNotContain("Secret-pass-1");
    }

    static String user(String demoUsername) {
        return UUID.nameUUIDFromBytes(("clientela-demo:user:" + demoUsername).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static String team(String demoTeam) {
        return UUID.nameUUIDFromBytes(("clientela-demo:team:" + demoTeam).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
