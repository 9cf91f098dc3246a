package org.clientela.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.IntegrationTest;
import org.clientela.identity.Role;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The demo world a newcomer logs into: the people of the README, loaded once. */
@IntegrationTest
class DemoWorldTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDirectory directory;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    DemoDataLoader loader;

    @Test
    void hasTheDocumentedPeopleWithPasswordDemo() {
        Map<String, String> teams = Map.of(
                "director", "", "credit", "", "admin", "",
                "head", "Клиентский отдел", "manager1", "Клиентский отдел", "manager2", "Клиентский отдел",
                "kam", "Клиентский отдел", "manager3", "Отдел региональных продаж");
        teams.forEach((username, team) -> {
            var row = jdbc.sql("""
                            select u.password_hash, coalesce(t.name, '') as team
                            from app_user u left join team t on t.id = u.team_id where u.username = :username
                            """)
                    .param("username", username)
                    .query((rs, n) -> Map.of("hash", rs.getString("password_hash"), "team", rs.getString("team")))
                    .single();
            assertThat(row.get("team")).as(username).isEqualTo(team);
            assertThat(passwordEncoder.matches("demo", row.get("hash"))).as(username).isTrue();
        });
        // other tests add people of their own to the shared database: look for the demo ones
        assertThat(directory.withRole(Role.HEAD)).extracting(UserDirectory.UserSummary::fullName)
                .contains("Морозова Елена Сергеевна");
        assertThat(directory.withRole(Role.KEY_ACCOUNT_MANAGER)).extracting(UserDirectory.UserSummary::username)
                .contains("kam").doesNotContain("manager1", "head");
    }

    @Test
    void isDeterministicSoThatOtherModulesCanReferToItsPeople() {
        UUID manager1 = UUID.nameUUIDFromBytes("clientela-demo:user:manager1".getBytes(StandardCharsets.UTF_8));
        assertThat(directory.find(new UserId(manager1))).get()
                .extracting(UserDirectory.UserSummary::username).isEqualTo("manager1");
    }

    @Test
    void loadsEachPartOnlyOnce() throws Exception {
        long users = jdbc.sql("select count(*) from app_user").query(Long.class).single();
        long companies = jdbc.sql("select count(*) from company").query(Long.class).single();
        long products = jdbc.sql("select count(*) from product").query(Long.class).single();
        long orders = jdbc.sql("select count(*) from sales_order").query(Long.class).single();
        loader.run(null);
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(users);
        assertThat(jdbc.sql("select count(*) from company").query(Long.class).single()).isEqualTo(companies);
        assertThat(jdbc.sql("select count(*) from product").query(Long.class).single()).isEqualTo(products);
        assertThat(jdbc.sql("select count(*) from sales_order").query(Long.class).single()).isEqualTo(orders);
        assertThat(jdbc.sql("select contributor from demo_data_contribution order by loaded_at, contributor")
                .query(String.class).list()).containsExactlyInAnyOrder("identity", "clients", "catalog", "orders",
                        "order-work-plans", "receivables", "orders-credit-holds", "orders-returns", "sales-facts",
                        "sales-plans", "key-accounts", "early-warnings", "account-plans", "activities",
                        "contact-cadences");
    }
}
