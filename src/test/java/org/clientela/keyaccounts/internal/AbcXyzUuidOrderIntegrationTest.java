package org.clientela.keyaccounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.clientela.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Equal values are ordered by company id: Java's order of the ids must be PostgreSQL's {@code order by}. */
@IntegrationTest
class AbcXyzUuidOrderIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theClassificationOrdersIdsAsPostgresqlDoes() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(UUID.randomUUID());
        }
        // the halves' sign bits set and not, and ids that differ only in the last byte
        ids.add(UUID.fromString("80000000-0000-0000-0000-000000000000"));
        ids.add(UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff"));
        ids.add(UUID.fromString("00000000-0000-0000-8000-000000000000"));
        ids.add(UUID.fromString("00000000-0000-0000-7fff-ffffffffffff"));
        ids.add(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        ids.add(UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"));

        List<UUID> byDatabase = jdbc.sql("select id from unnest(cast(:ids as uuid[])) as id order by id")
                .param("ids", ids.toArray(UUID[]::new)).query(UUID.class).list();
        List<UUID> byJava = new ArrayList<>(ids);
        byJava.sort(Classification.DATABASE_ORDER);

        assertThat(byJava).containsExactlyElementsOf(byDatabase);
        List<UUID> byUuidCompareTo = new ArrayList<>(ids);
        byUuidCompareTo.sort(UUID::compareTo);
        assertThat(byUuidCompareTo).as("Java's own order differs").isNotEqualTo(byDatabase);
    }
}
