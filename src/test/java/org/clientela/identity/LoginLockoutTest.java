package org.clientela.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.clientela.IntegrationTest;
import org.clientela.identity.internal.UserManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Password guessing through the API is stopped just as through the login form. */
@IntegrationTest
class LoginLockoutTest {

    private static final String PASSWORD = "Correct-Horse-7";

    @LocalServerPort
    int port;
    @Autowired
    UserManagement userManagement;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
        String username = newUser();
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(call(username, "wrong").statusCode()).isEqualTo(401);
        }
        // four failures do not lock: the right password still works and resets the count
        assertThat(call(username, PASSWORD).statusCode()).isEqualTo(404);
        for (int attempt = 1; attempt <= 5; attempt++) {
            call(username, "wrong");
        }
        HttpResponse<String> locked = call(username, PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).contains("identity.login.locked");
    }

    @Test
    void parallelGuessesCannotSlipPastTheCount() throws Exception {
        String username = newUser();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                guesses.add(() -> call(username, "guess").statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(guesses)) {
                assertThat(status.get()).isEqualTo(401);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select locked_until > now() from app_user where username = :u")
                .param("u", username).query(Boolean.class).single()).isTrue();
        assertThat(call(username, PASSWORD).statusCode()).isEqualTo(401);
    }

    private String newUser() {
        String username = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        userManagement.create(new UserManagement.NewUser(username, "Тестов Тест", null, PASSWORD, null,
                EnumSet.of(Role.MANAGER)));
        return username;
    }

    /** An API address that exists for nobody: 404 once authenticated, 401 before. */
    private HttpResponse<String> call(String username, String password) throws Exception {
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/no-such-thing"))
                        .header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
