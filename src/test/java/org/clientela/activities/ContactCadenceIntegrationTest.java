package org.clientela.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Contact cadences (A2) through the API: overdue computed by hand from contacts made on days gone
 * by, an individual cadence and back to the default, who may see and set what, bad input.
 */
@IntegrationTest
class ContactCadenceIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCompanyIsOverdueTheDayAfterItsCadenceRunsOut() {
        ApiClient api = new ApiClient(port);
        ActivityWorld activities = new ActivityWorld(api);
        CadenceWorld world = new CadenceWorld(api, clock, jdbc);
        String late = activities.company("manager1");
        String onTime = activities.company("manager1");
        world.individually("manager1", late, 14);
        world.individually("manager1", onTime, 14);
        world.contactedDaysAgo("manager1", late, 20);
        world.contactedDaysAgo("manager1", late, 15);
        world.contactedDaysAgo("manager1", onTime, 14);
        String next = activities.meeting("manager1", late);
        LocalDate today = LocalDate.now(ActivityWorld.MOSCOW);

        JsonNode cadence = api.as("manager1").get(CadenceWorld.cadence(late)).isJson(200).json();
        assertThat(cadence.get("lastContact").asString()).isEqualTo(today.minusDays(15).toString());
        assertThat(cadence.get("neverContacted").asBoolean()).isFalse();
        assertThat(cadence.get("days").asInt()).isEqualTo(14);
        assertThat(cadence.get("daysOverdue").asInt()).isEqualTo(1);
        assertThat(api.as("manager1").get(CadenceWorld.cadence(onTime)).isJson(200).json().get("daysOverdue").asInt())
                .isZero();

        List<JsonNode> overdue = world.overdue("manager1", null);
        assertThat(overdue).extracting(row -> row.get("companyId").asString()).contains(late).doesNotContain(onTime);
        JsonNode row = overdue.stream().filter(candidate -> candidate.get("companyId").asString().equals(late))
                .findFirst().orElseThrow();
        assertThat(row.get("daysOverdue").asInt()).isEqualTo(1);
        assertThat(row.get("lastContact").asString()).isEqualTo(today.minusDays(15).toString());
        assertThat(row.get("cadenceDays").asInt()).isEqualTo(14);
        assertThat(row.get("basis").asString()).isEqualTo("INDIVIDUAL");
        assertThat(row.get("nextPlanned").get("id").asString()).isEqualTo(next);
        assertThat(row.get("nextPlanned").get("subject").asString()).isEqualTo("Обсуждение поставок на квартал");
    }

    @Test
    void anIndividualCadenceWithItsReasonAndBackToTheDefaultAudited() {
        ApiClient api = new ApiClient(port);
        String company = new ActivityWorld(api).company("manager1");

        // a new client without sales: no class, quarterly; never contacted, its last contact is its creation
        ApiClient.Response fresh = api.as("manager1").get(CadenceWorld.cadence(company)).isJson(200);
        assertThat(fresh.header("ETag")).isEqualTo("\"0\"");
        JsonNode before = fresh.json();
        assertThat(before.get("days").asInt()).isEqualTo(90);
        assertThat(before.get("basis").asString()).isEqualTo("NONE");
        assertThat(before.get("neverContacted").asBoolean()).isTrue();
        assertThat(before.get("lastContact").asString()).isEqualTo(LocalDate.now(ActivityWorld.MOSCOW).toString());
        assertThat(before.get("version").asLong()).isZero();

        JsonNode individual = api.as("manager1").put(CadenceWorld.cadence(company),
                CadenceWorld.body(10, "  Идёт согласование договора на год  ", 0L)).isJson(200).json();
        assertThat(individual.get("days").asInt()).isEqualTo(10);
        assertThat(individual.get("basis").asString()).isEqualTo("INDIVIDUAL");
        assertThat(individual.get("standing").asString()).isEqualTo("NONE");
        assertThat(individual.get("defaultDays").asInt()).isEqualTo(90);
        assertThat(individual.get("reason").asString()).isEqualTo("Идёт согласование договора на год");
        assertThat(individual.get("version").asLong()).isEqualTo(1);

        // one who saw the version before is refused
        api.as("head").put(CadenceWorld.cadence(company), CadenceWorld.body(20, "Чаще не нужно", 0L)).isProblem(409);

        JsonNode back = api.as("head").put(CadenceWorld.cadence(company),
                CadenceWorld.body(null, "Договор подписан", 1L)).isJson(200).json();
        assertThat(back.get("days").asInt()).isEqualTo(90);
        assertThat(back.get("basis").asString()).isEqualTo("NONE");
        assertThat(back.get("version").asLong()).isEqualTo(2);

        assertThat(jdbc.sql("""
                        select coalesce(old_value, '-') || '→' || coalesce(new_value, '-') from audit_log
                        where entity_type = 'ContactCadence' and entity_id = :id and field = 'days' order by id""")
                .param("id", company).query(String.class).list()).containsExactly("-→10", "10→-");
    }

    @Test
    void badInputIsToldAtItsFieldAndNothingIsWritten() {
        ApiClient api = new ApiClient(port);
        String company = new ActivityWorld(api).company("manager1");
        String path = CadenceWorld.cadence(company);

        assertThat(api.as("manager1").put(path, CadenceWorld.body(0, "Редко", 0L)).isProblem(400).errorFields())
                .containsExactly("days");
        assertThat(api.as("manager1").put(path, CadenceWorld.body(366, "Редко", 0L)).isProblem(400).errorFields())
                .containsExactly("days");
        assertThat(api.as("manager1").put(path, CadenceWorld.body(30, " ", 0L)).isProblem(400).errorFields())
                .containsExactly("reason");
        assertThat(api.as("manager1").put(path, CadenceWorld.body(30, null, 0L)).isProblem(400).errorFields())
                .containsExactly("reason");
        assertThat(api.as("manager1").put(path, CadenceWorld.body(0, null, 0L)).isProblem(400).errorFields())
                .containsExactlyInAnyOrder("days", "reason");
        api.as("manager1").put(path, CadenceWorld.body(30, "Редко", null)).isProblem(428);

        JsonNode unchanged = api.as("manager1").get(path).isJson(200).json();
        assertThat(unchanged.get("days").asInt()).isEqualTo(90);
        assertThat(unchanged.get("version").asLong()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'ContactCadence' and entity_id = :id")
                .param("id", company).query(Long.class).single()).isZero();
        // the edges: 1 and 365 days are cadences
        api.as("manager1").put(path, CadenceWorld.body(1, "Ежедневно на время запуска линии", 0L)).isJson(200);
        api.as("manager1").put(path, CadenceWorld.body(365, "Раз в год, на годовой заказ", 1L)).isJson(200);
    }

    @Test
    void aManagerSeesTheirOwnAHeadTheTeamsAndOthersNothing() {
        ApiClient api = new ApiClient(port);
        CadenceWorld world = new CadenceWorld(api, clock, jdbc);
        String company = new ActivityWorld(api).company("manager1");
        world.individually("manager1", company, 1);
        world.contactedDaysAgo("manager1", company, 3);
        String path = CadenceWorld.cadence(company);

        assertThat(world.overdueCompanies("manager1", null)).contains(company);
        assertThat(world.overdueCompanies("head", null)).contains(company);
        assertThat(world.overdueCompanies("head", world.userId("manager1"))).contains(company);
        assertThat(world.overdueCompanies("head", world.userId("manager2"))).doesNotContain(company);
        assertThat(world.overdueCompanies("director", null)).contains(company);
        assertThat(world.overdueCompanies("manager2", null)).doesNotContain(company);
        assertThat(world.overdueCompanies("manager3", null)).doesNotContain(company);
        // another's company is none of theirs: not found, whatever the body
        assertThat(world.overdueCompanies("manager2", world.userId("manager1"))).isEmpty();

        api.as("manager2").get(path).isProblem(404);
        api.as("manager3").get(path).isProblem(404);
        api.as("manager2").put(path, CadenceWorld.body(7, "Чаще", 1L)).isProblem(404);
        api.as("head").get(path).isJson(200);
        // the credit controller sees every company but sets no cadence
        api.as("credit").get(path).isJson(200);
        api.as("credit").put(path, CadenceWorld.body(7, "Чаще", 1L)).isProblem(403);
        api.as("manager1").get("/api/v1/companies/" + java.util.UUID.randomUUID() + "/contact-cadence").isProblem(404);

        api.as("head").put(path, CadenceWorld.body(7, "Клиент важен для команды", 1L)).isJson(200);
        assertThat(api.as("manager1").get(path).isJson(200).json().get("changedBy").asString())
                .isEqualTo(world.userId("head"));
        assertThat(api.as("manager1").get(path).isJson(200).json().get("days").asInt()).isEqualTo(7);
    }

    @Test
    void theDemoWorldHasOverdueContactsForEveryManagerAndIndividualCadences() {
        ApiClient api = new ApiClient(port);
        CadenceWorld world = new CadenceWorld(api, clock, jdbc);
        for (String manager : List.of("manager1", "manager2", "manager3")) {
            assertThat(world.overdue(manager, null)).as(manager).isNotEmpty();
        }
        assertThat(jdbc.sql("""
                        select count(*) from contact_cadence
                        where days is not null and (reason like 'Клиент запускает%' or reason like 'Идут переговоры%')""")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(distinct standing) from contact_cadence").query(Long.class).single())
                .isGreaterThan(2);
    }
}
