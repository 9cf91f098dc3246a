package org.clientela.platform.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Runs in a separate JVM for {@link EmbeddedDatabaseRecoveryTest}: starts the durable embedded
 * database on the given directory, commits one row, says READY and waits to be killed.
 */
public final class DatabaseInChildJvm {

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.startDurable(Path.of(args[0]), 0);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists survivor (note text not null)");
            statement.execute("insert into survivor (note) values ('" + args[1] + "')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
