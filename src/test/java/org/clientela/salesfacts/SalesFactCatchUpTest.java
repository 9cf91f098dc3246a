package org.clientela.salesfacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clientela.orders.OrderWorld.ORDERS;
import static org.clientela.orders.OrderWorld.line;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.clientela.orders.OrderWorld;
import org.clientela.salesfacts.internal.SalesFactTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The facts catch up with what was noted but not recomputed when the server stopped: a note
 * committed with its change is taken by the next server's catch-up, without a change on that
 * server to wake it.
 */
@IntegrationTest
class SalesFactCatchUpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    SalesFactTable table;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aChangeNotedBeforeACrashIsRecomputedAfterIt() {
        ApiClient api = new ApiClient(port);
        OrderWorld world = new OrderWorld(api);
        String windows;
        clock.moveForward(Duration.ofDays(-10));
        try {
            windows = world.piece(OrderWorld.ENERGY, "1000.00", "600.00");
        } finally {
            clock.reset();
        }
        String company = world.company("manager1");
        world.limit(company, "10000000.00", 30);
        String order = api.as("manager1").post(ORDERS, OrderWorld.order(company, line(windows, 3))).isJson(201).id();
        api.as("manager1").post(ORDERS + "/" + order + "/confirm", Map.of()).isJson(200);
        String month = LocalDate.now().withDayOfMonth(1).toString();
        String group = jdbc.sql("select assortment_group_id::text from order_line where order_id = :order")
                .param("order", UUID.fromString(order)).query(String.class).single();
        List<String> expected = List.of(SalesFactRows.line(company, group, month, new BigDecimal("3000.00"),
                new BigDecimal("1800.00"), new BigDecimal("3"), 1));
        List<String> expectedMonths = List.of(SalesFactRows.monthLine(company, month, new BigDecimal("3000.00"),
                new BigDecimal("1800.00"), new BigDecimal("3"), 1));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(SalesFactRows.facts(jdbc, Set.of(company))).isEqualTo(expected));

        // the server stopped after the confirmation committed its note and before the catch-up took
        // it: the month's facts are as they were before, the order's parts (which the catch-up
        // writes) too, and the note is still there
        UUID id = UUID.fromString(company);
        jdbc.sql("delete from sales_fact_order where order_id = :order").param("order", UUID.fromString(order)).update();
        jdbc.sql("delete from sales_fact where company_id = :company").param("company", id).update();
        jdbc.sql("delete from sales_fact_month where company_id = :company").param("company", id).update();
        jdbc.sql("delete from sales_fact_running where company_id = :company").param("company", id).update();
        jdbc.sql("insert into sales_fact_pending (order_id, company_id) values (:order, :company)")
                .param("order", UUID.fromString(order)).param("company", id).update();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(SalesFactRows.facts(jdbc, Set.of(company))).isEqualTo(expected));
        assertThat(SalesFactRows.months(jdbc, Set.of(company))).isEqualTo(expectedMonths);
        assertThat(SalesFactRows.running(jdbc, Set.of(company))).isEqualTo(SalesFactRows.runningOfRollup(jdbc,
                Set.of(company)));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(jdbc.sql("select count(*) from sales_fact_pending where order_id = :order")
                        .param("order", UUID.fromString(order)).query(Long.class).single()).isZero());
    }

    @Test
    void aBacklogIsTakenOldestFirstABatchAtATime() {
        // notes of orders that have no lines change no fact; written in a transaction that is rolled
        // back, they stay unseen by the running catch-up, which would take them too
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(
                () -> jdbc.sql("select count(*) from sales_fact_pending").query(Long.class).single() == 0);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into sales_fact_pending (order_id, company_id)
                    select gen_random_uuid(), gen_random_uuid() from generate_series(1, 2500)""").update();
            long newest = jdbc.sql("select max(id) from sales_fact_pending").query(Long.class).single();

            assertThat(table.recomputePending(1000)).isEqualTo(1000);
            assertThat(jdbc.sql("select min(id) from sales_fact_pending").query(Long.class).single())
                    .isEqualTo(newest - 1499);
            assertThat(table.recomputePending(1000)).isEqualTo(1000);
            assertThat(table.recomputePending(1000)).isEqualTo(500);
            assertThat(table.recomputePending(1000)).isZero();
            status.setRollbackOnly();
        });
    }
}
