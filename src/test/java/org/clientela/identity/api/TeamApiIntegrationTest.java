package org.clientela.identity.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.ApiClient.Response;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The teams API: everyone reads, administrators create and rename, with the version. */
@IntegrationTest
class TeamApiIntegrationTest {

    static final String TEAMS = "/api/v1/teams";

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
    void everyoneReadsTheTeams() {
        JsonNode page = api.as("manager3").get(TEAMS + "?size=100").isJson(200).json();

        Map<String, Long> members = new java.util.HashMap<>();
        page.path("content").forEach(team -> members.put(team.path("name").asString(),
                team.path("memberCount").asLong()));
        // the member count is the database's own: other tests may put people into demo teams
        assertThat(members).containsKey("Клиентский отдел")
                .containsEntry("Отдел региональных продаж", jdbc.sql("""
                        select count(*) from app_user u join team t on t.id = u.team_id
                        where t.name = 'Отдел региональных продаж'""").query(Long.class).single());
        assertThat(page.path("totalElements").asLong()).isEqualTo(teamCount());

        String id = UserApiIntegrationTest.teamIdOf("Отдел региональных продаж");
        Response one = api.as("manager1").get(TEAMS + "/" + id).isJson(200);
        assertThat(one.header("ETag")).isEqualTo("\"" + one.json().path("version").asLong() + "\"");
        api.as("manager1").get(TEAMS + "/" + UUID.randomUUID()).isProblem(404);
    }

    @Test
    void teamsSortByNameOrSize() {
        List<String> names = new ArrayList<>();
        api.as("head").get(TEAMS + "?size=100&sort=name,desc").isJson(200).json().path("content")
                .forEach(team -> names.add(team.path("name").asString()));
        assertThat(names).hasSizeGreaterThanOrEqualTo(2);
        assertThat(names.indexOf("Отдел региональных продаж")).isLessThan(names.indexOf("Клиентский отдел"));

        api.as("head").get(TEAMS + "?sort=memberCount,desc").isJson(200);
        assertThat(api.as("head").get(TEAMS + "?sort=id").isProblem(400).errorFields()).containsExactly("sort");
    }

    @Test
    void anAdministratorCreatesAndRenamesATeamWithItsVersion() {
        String name = ApiClient.unique("Команда");
        Response created = api.as("admin").post(TEAMS, Map.of("name", name)).isJson(201);
        String id = created.id();
        assertThat(created.header("Location")).endsWith(TEAMS + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.json().path("memberCount").asLong()).isZero();
        long auditRows = auditCount();

        String renamed = ApiClient.unique("Команда");
        api.as("admin").patch(TEAMS + "/" + id, Map.of("name", renamed)).isProblem(428);
        assertThat(auditCount()).isEqualTo(auditRows);

        Response changed = api.as("admin").header("If-Match", "\"0\"").patch(TEAMS + "/" + id, Map.of("name", renamed))
                .isJson(200);
        assertThat(changed.json().path("name").asString()).isEqualTo(renamed);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");

        Response unchanged = api.as("admin").header("If-Match", "\"1\"")
                .patch(TEAMS + "/" + id, Map.of("name", renamed)).isJson(200);
        assertThat(unchanged.header("ETag")).as("a change to nothing keeps the version").isEqualTo("\"1\"");

        long afterRename = auditCount();
        api.as("admin").patch(TEAMS + "/" + id, Map.of("name", "Ещё одно имя", "version", 0)).isProblem(409);
        api.as("admin").header("If-Match", "W/\"0\"").patch(TEAMS + "/" + id, Map.of("name", "Ещё одно имя"))
                .isProblem(409);
        assertThat(auditCount()).isEqualTo(afterRename);

        JsonNode history = api.as("admin").get("/api/v1/audit/Team/" + id).isJson(200).json();
        JsonNode rename = UserApiIntegrationTest.find(history, "UPDATED", "name");
        assertThat(rename.path("oldValue").asString()).isEqualTo(name);
        assertThat(rename.path("newValue").asString()).isEqualTo(renamed);
    }

    @Test
    void refusedTeamWritesLeaveTheTeamsAsTheyWere() {
        long teams = teamCount();
        long auditRows = auditCount();

        api.as("manager1").post(TEAMS, Map.of("name", ApiClient.unique("Команда"))).isProblem(403);
        api.as("head").post(TEAMS, Map.of("name", ApiClient.unique("Команда"))).isProblem(403);
        assertThat(api.as("admin").post(TEAMS, Map.of("name", "  ")).isProblem(400).errorFields())
                .containsExactly("name");
        Response duplicate = api.as("admin").english().post(TEAMS, Map.of("name", "клиентский ОТДЕЛ")).isProblem(409);
        assertThat(duplicate.detail()).contains("клиентский ОТДЕЛ");
        api.as("admin").send("POST", TEAMS, "text/plain", "name=x").isProblem(415);
        api.as("admin").post(TEAMS, "[").isProblem(400);
        api.anonymous().post(TEAMS, Map.of("name", ApiClient.unique("Команда"))).isProblem(401);

        String regional = UserApiIntegrationTest.teamIdOf("Отдел региональных продаж");
        api.as("manager3").header("If-Match", "\"0\"").patch(TEAMS + "/" + regional, Map.of("name", "Захват"))
                .isProblem(403);
        api.as("admin").header("If-Match", "\"0\"").patch(TEAMS + "/" + UUID.randomUUID(), Map.of("name", "Нет"))
                .isProblem(404);

        assertThat(teamCount()).isEqualTo(teams);
        assertThat(auditCount()).isEqualTo(auditRows);
    }

    private long teamCount() {
        return jdbc.sql("select count(*) from team").query(Long.class).single();
    }

    private long auditCount() {
        return jdbc.sql("select count(*) from audit_log").query(Long.class).single();
    }
}
