package org.clientela.salesfacts.internal;

import org.clientela.platform.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo world's orders and returns are written in SQL without events: their facts are built
 * once they are all there, by the rebuild an administrator would run.
 */
@Component
class SalesFactsDemoData implements DemoDataContributor {

    private final SalesFactTable facts;
    private final JdbcClient jdbc;

    SalesFactsDemoData(SalesFactTable facts, JdbcClient jdbc) {
        this.facts = facts;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "sales-facts";
    }

    /** After the orders (400, 500) and their returns (550). */
    @Override
    public int order() {
        return 900;
    }

    @Override
    public boolean hasData() {
        return jdbc.sql("select exists (select 1 from sales_fact)").query(Boolean.class).single();
    }

    @Override
    public void load() {
        facts.rebuild();
    }
}
