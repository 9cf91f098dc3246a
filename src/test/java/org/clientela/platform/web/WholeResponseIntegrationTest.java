package org.clientela.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.clientela.ApiClient;
import org.clientela.ApiClient.Response;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Answers leave whole with their length when they fit the server's buffer, and in chunks when not. */
@IntegrationTest
class WholeResponseIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aSmallJsonAnswerCarriesItsLengthAndIsNotChunked() {
        Response me = new ApiClient(port).as("manager1").get("/api/v1/me").isJson(200);

        assertThat(me.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(me.header("Content-Length"))
                .isEqualTo(String.valueOf(me.body().getBytes(StandardCharsets.UTF_8).length));
    }

    @Test
    void anAnswerLargerThanTheBufferArrivesWholeInChunks() {
        Response page = new ApiClient(port).as("director").get("/api/v1/companies?size=100&sort=name").isJson(200);

        assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(16 * 1024);
        assertThat(page.headers().firstValue("Transfer-Encoding")).contains("chunked");
        assertThat(page.json().path("content").size()).isEqualTo(100);
    }
}
