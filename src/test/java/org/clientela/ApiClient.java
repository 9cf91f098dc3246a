package org.clientela;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the API over real HTTP, as a program would: {@code api.as("admin").post(path, body)}.
 * The demo people all have the password {@code demo}.
 */
public final class ApiClient {

    public static final String DEMO_PASSWORD = "demo";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A unique lower-case name for records a test makes, e.g. {@code t-3f9a1c2b}. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Call as(String username) {
        return as(username, DEMO_PASSWORD);
    }

    public Call as(String username, String password) {
        return anonymous().header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public Call withToken(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    public Call anonymous() {
        return new Call();
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** One request being put together; each call sends it. */
    public final class Call {

        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call() {
            headers.put("Accept", "application/json, application/problem+json");
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call english() {
            return header("Accept-Language", "en");
        }

        public Response get(String path) {
            return send("GET", path, HttpRequest.BodyPublishers.noBody());
        }

        public Response delete(String path) {
            return send("DELETE", path, HttpRequest.BodyPublishers.noBody());
        }

        /** A JSON body: a map or record (serialised) or a String (sent as it is). */
        public Response post(String path, Object body) {
            return send("POST", path, jsonBody(body));
        }

        public Response patch(String path, Object body) {
            return send("PATCH", path, jsonBody(body));
        }

        public Response put(String path, Object body) {
            return send("PUT", path, jsonBody(body));
        }

        /** A body of any type with a declared length. */
        public Response send(String method, String path, String contentType, String body) {
            header("Content-Type", contentType);
            return send(method, path, HttpRequest.BodyPublishers.ofString(body));
        }

        /**
         * A file upload as a form would send it ({@code multipart/form-data}): the file in the part
         * {@code part}, with further text {@code fields}.
         */
        public Response upload(String path, String part, String fileName, byte[] content, Map<String, String> fields) {
            String boundary = "----clientela-" + UUID.randomUUID();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; "
                    + "name=\"" + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            header("Content-Type", "multipart/form-data; boundary=" + boundary);
            return send("POST", path, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        }

        /** A body of unknown length: sent chunked. */
        public Response sendChunked(String method, String path, Supplier<InputStream> body) {
            header("Content-Type", "application/json");
            return send(method, path, HttpRequest.BodyPublishers.ofInputStream(body));
        }

        private HttpRequest.BodyPublisher jsonBody(Object body) {
            header("Content-Type", "application/json");
            return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : json(body));
        }

        private Response send(String method, String path, HttpRequest.BodyPublisher body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body);
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** An answer, with the checks every API test makes. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String detail() {
            return json().path("detail").asString();
        }

        public String id() {
            return json().path("id").asString();
        }

        /** The {@code field} of each entry of {@code errors}. */
        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
            return fields;
        }

        public Response hasStatus(int expected) {
            assertThat(status).as("status of an answer with body %s", body).isEqualTo(expected);
            return this;
        }

        /** The status and an {@code application/problem+json} body that says the same status. */
        public Response isProblem(int expected) {
            hasStatus(expected);
            assertThat(contentType()).as("Content-Type").startsWith("application/problem+json");
            assertThat(json().path("status").asInt()).isEqualTo(expected);
            assertThat(detail()).as("detail").isNotBlank();
            assertThat(body).doesNotContain("Exception", "at org.");
            return this;
        }

        public Response isJson(int expected) {
            hasStatus(expected);
            assertThat(contentType()).as("Content-Type").startsWith("application/json");
            return this;
        }
    }
}
