package org.clientela.platform.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that runs when no {@code spring.datasource.url} is given.
 *
 * @param dataDirectory where the database files live; kept across restarts
 * @param ephemeral     a throw-away database in a temporary directory without fsync (tests only)
 * @param port          0 picks a free port on each start
 */
@ConfigurationProperties("clientela.database")
record EmbeddedDatabaseProperties(
        @DefaultValue("data") Path dataDirectory,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("0") int port) {
}
