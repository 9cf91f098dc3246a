package org.clientela.platform.demo;

import java.util.Comparator;
import java.util.List;

import org.clientela.platform.DemoDataContributor;
import org.clientela.platform.database.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo world: on an empty database, every part; on a database that was made a demo
 * database earlier, the parts added since (a newly built module brings its demo data along);
 * on a database with real data, nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(DemoDataProperties.class)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final List<DemoDataContributor> contributors;
    private final boolean enabled;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DemoDataLoader(List<DemoDataContributor> contributors, DemoDataProperties properties,
            ObjectProvider<EmbeddedDatabase> embeddedDatabase, JdbcClient jdbc, TransactionTemplate transaction) {
        this.contributors = contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order)).toList();
        this.enabled = properties.demo() != null ? properties.demo() : embeddedDatabase.getIfAvailable() != null;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!enabled) {
            return;
        }
        boolean demoDatabase = jdbc.sql("select exists(select 1 from demo_data_contribution)")
                .query(Boolean.class).single();
        if (!demoDatabase && contributors.stream().anyMatch(DemoDataContributor::hasData)) {
            log.info("The database holds data that is not demo data: no demo world loaded");
            return;
        }
        for (DemoDataContributor contributor : contributors) {
            transaction.executeWithoutResult(status -> {
                boolean loaded = jdbc.sql("select exists(select 1 from demo_data_contribution where contributor = :name)")
                        .param("name", contributor.name()).query(Boolean.class).single();
                if (!loaded) {
                    contributor.load();
                    // when the load ended, not when its transaction began: what it made was made before
                    jdbc.sql("insert into demo_data_contribution (contributor, loaded_at) values (:name, clock_timestamp())")
                            .param("name", contributor.name()).update();
                    log.info("Demo data loaded: {}", contributor.name());
                }
            });
        }
    }
}
