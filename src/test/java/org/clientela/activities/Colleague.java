package org.clientela.activities;

import java.util.List;
import java.util.Map;

import org.clientela.ApiClient;

/**
 * A manager made for one test, with an address at a domain of their own (their mail is read by
 * it) and in a team: a new one, or that of a demo user.
 */
record Colleague(String username, String id, String domain) {

    static final String PASSWORD = "reminder-pass-1";

    /** In a team of their own: no demo head sees them. */
    static Colleague inNewTeam(ApiClient api) {
        String team = api.as("admin").post("/api/v1/teams", Map.of("name", ApiClient.unique("Отдел встреч")))
                .isJson(201).id();
        return inTeam(api, team);
    }

    /** In the team of the demo user {@code member}. */
    static Colleague inTeamOf(ApiClient api, String member) {
        return inTeam(api, api.as(member).get("/api/v1/me").isJson(200).json().path("team").path("id").asString());
    }

    private static Colleague inTeam(ApiClient api, String team) {
        String username = ApiClient.unique("rem");
        String domain = username + ".test";
        String id = api.as("admin").post("/api/v1/users", Map.of("username", username,
                "fullName", "Менеджер " + username, "password", PASSWORD, "teamId", team,
                "email", "manager@" + domain, "roles", List.of("MANAGER"))).isJson(201).id();
        return new Colleague(username, id, domain);
    }

    ApiClient.Call as(ApiClient api) {
        return api.as(username, PASSWORD);
    }
}
