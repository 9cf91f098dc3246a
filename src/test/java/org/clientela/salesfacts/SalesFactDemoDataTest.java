package org.clientela.salesfacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.clientela.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo world's facts and their monthly rollup are built at the end of its load, with its returns subtracted. */
@IntegrationTest
class SalesFactDemoDataTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoClientsHaveTheirFactsReturnsIncluded() {
        // the demo's clients: the tests' orders are all taken today, the demo's are two years of history
        Set<String> demoClients = new LinkedHashSet<>(jdbc.sql("""
                        select distinct company_id::text from sales_order where created_at < now() - interval '30 days'
                        order by 1""").query(String.class).list());
        assertThat(demoClients).hasSizeGreaterThanOrEqualTo(10);
        List<String> facts = SalesFactRows.facts(jdbc, demoClients);
        assertThat(facts).hasSizeGreaterThan(20).isEqualTo(SalesFactRows.bareAggregate(jdbc, demoClients));
        assertThat(SalesFactRows.months(jdbc, demoClients)).hasSizeGreaterThan(10)
                .isEqualTo(SalesFactRows.bareMonthAggregate(jdbc, demoClients));
        assertThat(SalesFactRows.monthFiguresOfRollup(jdbc, demoClients))
                .isEqualTo(SalesFactRows.monthFiguresOfCells(jdbc, demoClients));
        assertThat(jdbc.sql("""
                        select count(*) from order_return r join sales_order o on o.id = r.order_id
                        where r.created_at < now() - interval '1 day'""")
                .query(Long.class).single()).isEqualTo(3);
    }
}
