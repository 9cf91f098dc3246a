package org.clientela.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Saved filters are each user's own, keep only the list's parameters and have distinct names. */
@IntegrationTest
class SavedFilterApiIntegrationTest {

    static final String FILTERS = "/api/v1/me/company-filters";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void aFilterKeepsOnlyTheListsParametersAndIsMineAlone() {
        String name = ApiClient.unique("Активные в Туле");
        JsonNode saved = api.as("manager2").post(FILTERS, Map.of("name", name,
                "query", "?region=%D0%A2%D1%83%D0%BB%D0%B0&status=ACTIVE&evil=1&q=&sort=name")).isJson(201).json();

        assertThat(saved.path("query").asString()).isEqualTo("region=%D0%A2%D1%83%D0%BB%D0%B0&sort=name&status=ACTIVE");
        assertThat(names(api.as("manager2").get(FILTERS).json())).contains(name);
        assertThat(names(api.as("manager1").get(FILTERS).json())).doesNotContain(name);

        String id = saved.path("id").asString();
        api.as("manager1").delete(FILTERS + "/" + id).isProblem(404);
        assertThat(api.as("manager2").delete(FILTERS + "/" + id).status()).isEqualTo(204);
        assertThat(names(api.as("manager2").get(FILTERS).json())).doesNotContain(name);
    }

    @Test
    void aNameIsRequiredAndUniquePerUser() {
        assertThat(api.as("kam").post(FILTERS, Map.of("name", " ", "query", "status=LOST")).isProblem(400)
                .errorFields()).containsExactly("name");
        String name = ApiClient.unique("Потерянные");
        api.as("kam").post(FILTERS, Map.of("name", name, "query", "status=LOST")).isJson(201);
        api.as("kam").post(FILTERS, Map.of("name", name.toUpperCase(), "query", "status=DORMANT")).isProblem(409);
        api.as("manager3").post(FILTERS, Map.of("name", name, "query", "status=LOST")).isJson(201);
    }

    private static List<String> names(JsonNode filters) {
        List<String> names = new ArrayList<>();
        filters.forEach(filter -> names.add(filter.path("name").asString()));
        return names;
    }
}
