package org.clientela.keyaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.clientela.identity.RecordScope;
import org.clientela.identity.UserId;
import org.clientela.keyaccounts.SalesFacts.Company;
import org.clientela.salesfacts.internal.SalesFactTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import tools.jackson.databind.JsonNode;

/**
 * The early-warning rules (K4) on hand-computed data of 2071–2072, each just over and just under
 * its threshold, run on demand with the clock on 15 Jun 2072: the last 3 whole months are
 * 2072-03..05, the baseline the 9 months 2071-06..2072-02; the debt is compared with 16 May 2072;
 * a 14-day contact cadence runs out for a last contact on 31 May 2072 or before.
 */
@IntegrationTest
class EarlyWarningIntegrationTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final LocalDate DAY = LocalDate.of(2072, 6, 15);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SalesFactTable salesFactTable;

    @Autowired
    TestClock clock;

    @Autowired
    LockProvider lockProvider;

    @Autowired
    EarlyWarnings earlyWarnings;

    private UserId user(String username) {
        return new UserId(jdbc.sql("select id from app_user where username = :name").param("name", username)
                .query(UUID.class).single());
    }

    @Test
    void volumeAndFrequencyFallAgainstTheClientsOwnBaseline() {
        ApiClient api = new ApiClient(port);
        WarningWorld world = new WarningWorld(api, jdbc, salesFactTable);
        UUID group = world.group("Однокамерные");
        // baseline 3 × 1 000 in 3 months: 1 000 on average per 3 months, one order a month
        Company over = world.company("manager1", "Падает");
        Company under = world.company("manager1", "Держится");
        Company young = world.company("manager1", "Новичок");
        for (Company company : List.of(over, under)) {
            for (String month : List.of("2071-06", "2071-09", "2071-12")) {
                world.sale(company, group, month, "1000.00", 1);
            }
        }
        world.sale(over, group, "2072-04", "699.00", 1);
        world.sale(under, group, "2072-04", "700.00", 1);
        // two baseline months only: not enough history, whatever it bought since
        world.sale(young, group, "2071-10", "5000.00", 1);
        world.sale(young, group, "2071-11", "5000.00", 1);
        // orders: 15 in the baseline (5 on average per 3 months); 2 (−60 %) against 3 (exactly −40 %)
        Company rarely = world.company("manager1", "Реже");
        Company steady = world.company("manager1", "Так же");
        for (Company company : List.of(rarely, steady)) {
            for (String month : List.of("2071-07", "2071-10", "2072-01")) {
                world.sale(company, group, month, "1000.00", 5);
            }
        }
        world.sale(rarely, group, "2072-03", "1000.00", 2);
        world.sale(steady, group, "2072-03", "1000.00", 3);
        try {
            moveTo(DAY);
            run(api);
            JsonNode volume = only(api, over, "VOLUME_FALLING");
            assertThat(volume.get("status").asString()).isEqualTo("OPEN");
            assertThat(volume.get("detectedOn").asString()).isEqualTo("2072-06-15");
            assertThat(volume.get("evidence").get("recentRevenue").decimalValue()).isEqualByComparingTo("699.00");
            assertThat(volume.get("evidence").get("baselineRevenue").decimalValue()).isEqualByComparingTo("1000.00");
            assertThat(volume.get("evidence").get("dropPercent").asLong()).isEqualTo(30);
            assertThat(volume.get("evidence").get("recentFrom").asString()).isEqualTo("2072-03");
            assertThat(volume.get("evidence").get("baselineFrom").asString()).isEqualTo("2071-06");
            assertThat(warnings(api, under, null)).isEmpty();
            assertThat(warnings(api, young, null)).isEmpty();
            // 1 order against 1 on average is no fall in frequency
            assertThat(kinds(api, over)).containsExactly("VOLUME_FALLING");

            JsonNode frequency = only(api, rarely, "FREQUENCY_FALLING");
            assertThat(frequency.get("evidence").get("recentOrders").asLong()).isEqualTo(2);
            assertThat(frequency.get("evidence").get("baselineOrders").decimalValue()).isEqualByComparingTo("5.0");
            assertThat(frequency.get("evidence").get("dropPercent").asLong()).isEqualTo(60);
            assertThat(kinds(api, rarely)).containsExactly("FREQUENCY_FALLING");
            assertThat(warnings(api, steady, null)).isEmpty();

            // a second run refreshes the open warning, it does not add one
            run(api);
            assertThat(warnings(api, over, null)).hasSize(1);
            assertThat(only(api, over, "VOLUME_FALLING").get("id").asString()).isEqualTo(volume.get("id").asString());

            // one rouble more in May: exactly −30 %, the condition no longer holds and the next run closes it
            world.sale(over, group, "2072-05", "1.00", 0);
            run(api);
            JsonNode closed = only(api, over, "VOLUME_FALLING");
            assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
            assertThat(closed.get("closedOn").asString()).isEqualTo("2072-06-15");
        } finally {
            clock.reset();
        }
        // the public API: what is open of the scope's companies, and counted per kind alike
        RecordScope manager1 = RecordScope.ownedBy(Set.of(user("manager1")));
        List<EarlyWarningView> open = earlyWarnings.openFor(manager1, 10_000).stream()
                .filter(warning -> Set.of(over.id(), rarely.id()).contains(warning.company().value())).toList();
        assertThat(open).extracting(EarlyWarningView::kind).containsExactly(WarningKind.FREQUENCY_FALLING);
        assertThat(earlyWarnings.openCountsFor(manager1)).isEqualTo(earlyWarnings.openFor(manager1, 10_000).stream()
                .collect(Collectors.groupingBy(EarlyWarningView::kind, () -> new EnumMap<>(WarningKind.class),
                        Collectors.counting())));
        assertThat(earlyWarnings.openFor(RecordScope.ownedBy(Set.of(user("manager3"))), 10_000))
                .noneMatch(warning -> warning.company().value().equals(rarely.id()));
        assertThat(open.get(0).companyName()).isEqualTo(rarely.name());
    }

    @Test
    void assortmentShrinksByTwoGroupsAndNamesThem() {
        ApiClient api = new ApiClient(port);
        WarningWorld world = new WarningWorld(api, jdbc, salesFactTable);
        UUID a = world.group("Группа А");
        UUID b = world.group("Группа Б");
        UUID c = world.group("Группа В");
        Company over = world.company("manager1", "Сужается");
        Company under = world.company("manager1", "Почти так же");
        for (Company company : List.of(over, under)) {
            for (UUID group : List.of(a, b, c)) {
                world.sale(company, group, "2071-08", "1000.00", 1);
            }
            world.sale(company, a, "2072-04", "1000.00", 1);
        }
        world.sale(under, b, "2072-05", "1000.00", 1);
        try {
            moveTo(DAY);
            run(api);
        } finally {
            clock.reset();
        }
        JsonNode warning = only(api, over, "ASSORTMENT_SHRINKING");
        assertThat(warning.get("evidence").get("recentGroups").asLong()).isEqualTo(1);
        assertThat(warning.get("evidence").get("baselineGroups").asLong()).isEqualTo(3);
        List<String> dropped = new ArrayList<>();
        warning.get("evidence").get("droppedGroups").forEach(name -> dropped.add(name.asString()));
        assertThat(dropped).containsExactly(world.groupName(b), world.groupName(c));
        assertThat(warnings(api, under, null)).isEmpty();
    }

    @Test
    void debtGrowsByMoreThanHalfWithSomethingOverdue() {
        ApiClient api = new ApiClient(port);
        WarningWorld world = new WarningWorld(api, jdbc, salesFactTable);
        Company over = world.company("manager1", "Долг растёт");
        Company under = world.company("manager1", "Долг на половину");
        Company notDue = world.company("manager1", "Долг в срок");
        try {
            moveTo(DAY);
            // 1 000 owed on 16 May; then 501 more (+50.1 %) against 500 more (+50 %), all overdue by today
            for (Company company : List.of(over, under)) {
                world.invoice(company, LocalDate.of(2072, 4, 1), LocalDate.of(2072, 4, 10), "1000.00");
            }
            world.invoice(over, LocalDate.of(2072, 6, 1), LocalDate.of(2072, 6, 5), "501.00");
            world.invoice(under, LocalDate.of(2072, 6, 1), LocalDate.of(2072, 6, 5), "500.00");
            // +60 %, nothing overdue
            world.invoice(notDue, LocalDate.of(2072, 4, 1), LocalDate.of(2072, 7, 30), "1000.00");
            world.invoice(notDue, LocalDate.of(2072, 6, 1), LocalDate.of(2072, 7, 30), "600.00");
            run(api);

            JsonNode warning = only(api, over, "DEBT_GROWING");
            assertThat(warning.get("evidence").get("balance").decimalValue()).isEqualByComparingTo("1501.00");
            assertThat(warning.get("evidence").get("balanceBefore").decimalValue()).isEqualByComparingTo("1000.00");
            assertThat(warning.get("evidence").get("growthPercent").asLong()).isEqualTo(50);
            assertThat(warning.get("evidence").get("overdue").decimalValue()).isEqualByComparingTo("1501.00");
            assertThat(warning.get("evidence").get("asOfBefore").asString()).isEqualTo("2072-05-16");
            assertThat(warnings(api, under, null)).isEmpty();
            assertThat(warnings(api, notDue, null)).isEmpty();

            // paid today: the debt is back to nothing and the next run closes the warning
            world.payment(over, DAY, "1501.00");
            run(api);
            assertThat(only(api, over, "DEBT_GROWING").get("status").asString()).isEqualTo("CLOSED");
        } finally {
            clock.reset();
        }
    }

    @Test
    void noContactWithinTheCadenceDismissedWithAReasonClearedByAContactAndBackOnceItRunsOutAgain() {
        ApiClient api = new ApiClient(port);
        WarningWorld world = new WarningWorld(api, jdbc, salesFactTable);
        Company silent = world.company("manager1", "Молчит");
        Company onTime = world.company("manager1", "На связи");
        Company prospect = world.company("manager1", "Будущий клиент");
        world.cadence("manager1", silent, 14);
        world.cadence("manager1", onTime, 14);
        // 15 days before the day with a 14-day cadence: 1 day overdue; 14 days: in time
        world.contact(silent, LocalDate.of(2072, 5, 20));
        world.contact(silent, LocalDate.of(2072, 5, 31));
        world.contact(onTime, LocalDate.of(2072, 6, 1));
        try {
            moveTo(DAY);
            run(api);
            JsonNode warning = only(api, silent, "NO_CONTACT");
            assertThat(warning.get("evidence").get("daysOverdue").asLong()).isEqualTo(1);
            assertThat(warning.get("evidence").get("lastContactDate").asString()).isEqualTo("2072-05-31");
            assertThat(warning.get("evidence").get("cadenceDays").asLong()).isEqualTo(14);
            assertThat(warning.get("evidence").get("cadenceBasis").asString()).isEqualTo("INDIVIDUAL");
            assertThat(warnings(api, onTime, null)).isEmpty();
            // a company without a class or a cadence of its own is overdue in the agenda, not warned about
            assertThat(warnings(api, prospect, null)).isEmpty();
            String id = warning.get("id").asString();

            // the reason is required, at its field
            assertThat(api.as("manager1").post("/api/v1/early-warnings/" + id + "/dismissal", Map.of("reason", "  "))
                    .isProblem(400).errorFields()).containsExactly("reason");
            // a manager of another team, and one of the same team who does not own the client, see nothing
            api.as("manager3").get("/api/v1/early-warnings/" + id).isProblem(404);
            api.as("manager2").post("/api/v1/early-warnings/" + id + "/dismissal", Map.of("reason", "Знаю"))
                    .isProblem(404);
            assertThat(ids(api.as("manager2").get("/api/v1/early-warnings?companyId=" + silent.id()).isJson(200)
                    .json())).isEmpty();
            // the head sees the team's
            assertThat(ids(api.as("head").get("/api/v1/early-warnings?companyId=" + silent.id()).isJson(200).json()))
                    .containsExactly(id);

            JsonNode dismissed = api.as("manager1").post("/api/v1/early-warnings/" + id + "/dismissal",
                    Map.of("reason", "Снабженец в отпуске до конца месяца")).isJson(200).json();
            assertThat(dismissed.get("status").asString()).isEqualTo("DISMISSED");
            assertThat(dismissed.get("dismissal").get("reason").asString())
                    .isEqualTo("Снабженец в отпуске до конца месяца");
            api.as("manager1").post("/api/v1/early-warnings/" + id + "/dismissal", Map.of("reason", "ещё раз"))
                    .isProblem(409);
            assertThat(jdbc.sql("""
                            select new_value from audit_log
                            where entity_type = 'EarlyWarning' and entity_id = :id and field = 'dismissalReason'""")
                    .param("id", id).query(String.class).list()).containsExactly("Снабженец в отпуске до конца месяца");

            // the condition still holds: it stays dismissed, and out of the open list
            run(api);
            assertThat(only(api, silent, "NO_CONTACT").get("status").asString()).isEqualTo("DISMISSED");
            assertThat(ids(api.as("manager1").get("/api/v1/early-warnings?status=open&companyId=" + silent.id())
                    .isJson(200).json())).isEmpty();
            assertThat(ids(api.as("manager1").get("/api/v1/early-warnings?status=dismissed&companyId=" + silent.id())
                    .isJson(200).json())).containsExactly(id);

            // a contact clears it; once the cadence runs out again a new warning opens
            world.contact(silent, LocalDate.of(2072, 6, 14));
            run(api);
            assertThat(only(api, silent, "NO_CONTACT").get("status").asString()).isEqualTo("CLOSED");
            moveTo(LocalDate.of(2072, 7, 15));
            run(api);
        } finally {
            clock.reset();
        }
        List<JsonNode> all = warnings(api, silent, "NO_CONTACT");
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("status").asString()).isEqualTo("OPEN");
        assertThat(all.get(0).get("detectedOn").asString()).isEqualTo("2072-07-15");
        // 31 days since 14 Jun against 14
        assertThat(all.get(0).get("evidence").get("daysOverdue").asLong()).isEqualTo(17);
        assertThat(all.get(1).get("id").asString()).isNotEqualTo(all.get(0).get("id").asString());
    }

    @Test
    void theRunIsForHeadsAndTakesItsLock() {
        ApiClient api = new ApiClient(port);
        api.as("manager1").post("/api/v1/early-warnings/run", Map.of()).isProblem(403);
        SimpleLock held = lockProvider.lock(new LockConfiguration(clock.instant(), "early-warnings",
                Duration.ofMinutes(5), Duration.ZERO)).orElseThrow();
        try {
            api.as("head").post("/api/v1/early-warnings/run", Map.of()).isProblem(409);
        } finally {
            held.unlock();
        }
        assertThat(api.as("director").post("/api/v1/early-warnings/run", Map.of()).isJson(200).json()
                .get("day").asString()).isEqualTo(LocalDate.now(clock.withZone(MOSCOW)).toString());
        api.as("head").get("/api/v1/early-warnings?status=unknown").isProblem(400);
        api.as("head").get("/api/v1/early-warnings/" + UUID.randomUUID()).isProblem(404);
    }

    private void run(ApiClient api) {
        api.as("head").post("/api/v1/early-warnings/run", Map.of()).isJson(200);
    }

    /** The company's warnings of a kind (all kinds: null), as the director sees them, the latest first. */
    private static List<JsonNode> warnings(ApiClient api, Company company, String kind) {
        JsonNode page = api.as("director").get("/api/v1/early-warnings?companyId=" + company.id()
                + (kind == null ? "" : "&kind=" + kind)).isJson(200).json();
        List<JsonNode> list = new ArrayList<>();
        page.get("content").forEach(list::add);
        return list;
    }

    private static JsonNode only(ApiClient api, Company company, String kind) {
        List<JsonNode> list = warnings(api, company, kind);
        assertThat(list).hasSize(1);
        return api.as("director").get("/api/v1/early-warnings/" + list.get(0).get("id").asString()).isJson(200).json();
    }

    private static List<String> kinds(ApiClient api, Company company) {
        return warnings(api, company, null).stream().map(warning -> warning.get("kind").asString()).toList();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(warning -> ids.add(warning.get("id").asString()));
        return ids;
    }

    private void moveTo(LocalDate day) {
        clock.reset();
        clock.moveForward(Duration.between(Instant.now(), day.atTime(12, 0).atZone(MOSCOW).toInstant()));
    }
}
