package org.clientela.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.clientela.ClientelaApplication;
import org.clientela.platform.database.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A production start: an external PostgreSQL (here one started beside the application), no
 * demo flag. No user with a known password may appear; the first administrator comes from the
 * environment.
 */
@Import(ProductionStartTest.ExternalServerLifecycle.class)
@SpringBootTest(classes = ClientelaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "clientela.bootstrap-admin.username=chief",
                "clientela.bootstrap-admin.password=Sekret-2026!",
                "clientela.bootstrap-admin.full-name=Главный Администратор"})
class ProductionStartTest {

    static final EmbeddedDatabase external = startExternal();

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", external::jdbcUrl);
        registry.add("spring.datasource.username", external::username);
    }

    /**
     * The external server stops with the application, after the data source that uses it: the
     * other order leaves the application waiting for connections while it shuts down.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class ExternalServerLifecycle {

        @Bean(destroyMethod = "close")
        AutoCloseable externalServer() {
            return external::close;
        }

        @Bean
        static BeanFactoryPostProcessor dataSourceNeedsTheExternalServer() {
            return beanFactory -> beanFactory.getBeanDefinition("dataSource").setDependsOn("externalServer");
        }
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    ApplicationContext context;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void usesTheExternalDatabaseAndCreatesOnlyTheBootstrapAdministrator() {
        assertThat(context.getBeanNamesForType(EmbeddedDatabase.class)).isEmpty();
        assertThat(jdbc.sql("select username from app_user").query(String.class).list()).containsExactly("chief");
        String hash = jdbc.sql("select password_hash from app_user where username = 'chief'")
                .query(String.class).single();
        assertThat(passwordEncoder.matches("Sekret-2026!", hash)).isTrue();
        assertThat(jdbc.sql("select role from app_user_role").query(String.class).list()).containsExactly("ADMIN");
        assertThat(jdbc.sql("select count(*) from demo_data_contribution").query(Long.class).single()).isZero();
    }

    @Test
    void theBootstrapAdministratorCanAuthenticateAndADemoPasswordCannot() throws Exception {
        assertThat(get("/actuator/prometheus", "chief", "Sekret-2026!")).isEqualTo(200);
        assertThat(get("/actuator/prometheus", "admin", "demo")).isEqualTo(401);
    }

    private int get(String path, String username, String password) throws Exception {
        String credentials = java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials).build();
        return java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static EmbeddedDatabase startExternal() {
        try {
            return EmbeddedDatabase.startEphemeral();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
