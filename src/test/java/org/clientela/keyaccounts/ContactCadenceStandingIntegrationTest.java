package org.clientela.keyaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.clientela.activities.ContactCadences;
import org.clientela.activities.internal.CadenceStandingRun;
import org.clientela.keyaccounts.SalesFacts.Company;
import org.clientela.salesfacts.internal.SalesFactTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The default contact cadences follow the standing that this module answers: the ABC class by
 * revenue over the 12 whole months before the day (2096, where no other test sells: the clock on
 * 15 Jan 2097), a key account weekly whatever its class. Revenues 700, 150, 100 and 50 of 1 000:
 * before each 0 %, 70 %, 85 %, 95 % — A, A, B, C.
 */
@IntegrationTest
class ContactCadenceStandingIntegrationTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SalesFactTable salesFactTable;
    @Autowired
    TestClock clock;
    @Autowired
    ContactCadences cadences;
    @Autowired
    CadenceStandingRun run;

    @Test
    void keyWeeklyOverClassAEveryTwoWeeksBMonthlyCAndNoClassQuarterly() {
        ApiClient api = new ApiClient(port);
        WarningWorld world = new WarningWorld(api, jdbc, salesFactTable);
        UUID group = world.group("Стеклопакеты");
        Company key = world.company("manager1", "Ключевой");
        Company a = world.company("manager1", "Класс A");
        Company b = world.company("manager1", "Класс B");
        Company c = world.company("manager1", "Класс C");
        Company none = world.company("manager1", "Без продаж");
        world.sale(key, group, "2096-03", "700.00", 1);
        world.sale(a, group, "2096-06", "150.00", 1);
        world.sale(b, group, "2096-12", "100.00", 1);
        world.sale(c, group, "2096-01", "50.00", 1);
        // bought before the 12 months: no class now
        world.sale(none, group, "2095-12", "5000.00", 1);
        LocalDate day = LocalDate.of(2097, 1, 15);
        clock.reset();
        clock.moveForward(Duration.between(Instant.now(), day.atTime(12, 0).atZone(MOSCOW).toInstant()));
        try {
            cadences.refreshStandings(List.of(key.id(), a.id(), b.id(), c.id(), none.id()));
            assertThat(cadence(api, a)).containsExactly(14, "A");
            assertThat(cadence(api, key)).containsExactly(14, "A");
            assertThat(cadence(api, b)).containsExactly(30, "B");
            assertThat(cadence(api, c)).containsExactly(90, "C");
            assertThat(cadence(api, none)).containsExactly(90, "NONE");

            // a head's decision takes effect at once, not with the next daily run
            api.as("head").put("/api/v1/companies/" + key.id() + "/key-account",
                    Map.of("key", true, "reason", "Стратегический клиент", "version", 0)).isJson(200);
            assertThat(cadence(api, key)).containsExactly(7, "KEY");
            api.as("head").put("/api/v1/companies/" + key.id() + "/key-account",
                    Map.of("key", false, "reason", "Сократил закупки", "version", 1)).isJson(200);
            assertThat(cadence(api, key)).containsExactly(14, "A");

            // the daily run over the whole department comes to the same
            api.as("head").put("/api/v1/companies/" + key.id() + "/key-account",
                    Map.of("key", true, "reason", "Снова стратегический", "version", 2)).isJson(200);
            jdbc.sql("update contact_cadence set standing = 'NONE' where company_id = any(:ids)")
                    .param("ids", new UUID[] {key.id(), a.id(), b.id()}).update();
            assertThat(run.run(day)).isPresent();
            assertThat(cadence(api, key)).containsExactly(7, "KEY");
            assertThat(cadence(api, a)).containsExactly(14, "A");
            assertThat(cadence(api, b)).containsExactly(30, "B");
        } finally {
            clock.reset();
            // the demo world's standings of today again, for the tests after this one
            run.run(LocalDate.now(clock.withZone(MOSCOW)));
        }
    }

    private static List<Object> cadence(ApiClient api, Company company) {
        JsonNode cadence = api.as("manager1").get("/api/v1/companies/" + company.id() + "/contact-cadence")
                .isJson(200).json();
        return List.of(cadence.get("days").asInt(), cadence.get("basis").asString());
    }
}
