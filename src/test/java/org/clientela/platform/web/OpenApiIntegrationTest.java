package org.clientela.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The API describes itself, to anyone, and only the API. */
@IntegrationTest
class OpenApiIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void apiDocsListTheApiAndBothWaysIn() {
        JsonNode docs = new ApiClient(port).anonymous().get("/v3/api-docs").isJson(200).json();

        assertThat(docs.path("info").path("title").asString()).isEqualTo("Clientela API");
        assertThat(docs.path("paths").has("/api/v1/me")).isTrue();
        assertThat(docs.path("paths").has("/api/v1/users/{id}")).isTrue();
        assertThat(docs.path("paths").has("/api/v1/audit/{entityType}/{entityId}")).isTrue();
        docs.path("paths").propertyNames().forEach(path -> assertThat(path).startsWith("/api/"));

        JsonNode schemes = docs.path("components").path("securitySchemes");
        assertThat(schemes.path("basicAuth").path("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.path("bearerToken").path("scheme").asString()).isEqualTo("bearer");
        assertThat(docs.path("security").toString()).contains("basicAuth", "bearerToken");
    }

    @Test
    void operationsDocumentTheirSuccessAndTheirRefusals() {
        JsonNode paths = new ApiClient(port).anonymous().get("/v3/api-docs").isJson(200).json().path("paths");

        assertThat(paths.path("/api/v1/users").path("post").path("responses").propertyNames())
                .contains("201", "400", "401", "403", "409", "413", "415").doesNotContain("200", "428");
        assertThat(paths.path("/api/v1/users/{id}").path("patch").path("responses").propertyNames())
                .contains("200", "400", "403", "404", "409", "428");
        assertThat(paths.path("/api/v1/me/tokens/{id}").path("delete").path("responses").propertyNames())
                .contains("204", "401", "404").doesNotContain("200", "403");
        assertThat(paths.path("/api/v1/me").path("get").path("responses").propertyNames())
                .containsExactlyInAnyOrder("200", "401");
        assertThat(paths.path("/api/v1/users").path("post").path("responses").path("409").path("content")
                .has("application/problem+json")).isTrue();
        assertThat(paths.path("/api/v1/me").path("get").path("responses").path("200").path("content")
                .has("application/json")).isTrue();
    }

    @Test
    void swaggerUiOpensWithoutLogin() {
        ApiClient.Response page = new ApiClient(port).anonymous().header("Accept", "text/html")
                .get("/swagger-ui/index.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(new ApiClient(port).anonymous().header("Accept", "text/html").get("/swagger-ui.html").status())
                .isIn(200, 302);
    }
}
