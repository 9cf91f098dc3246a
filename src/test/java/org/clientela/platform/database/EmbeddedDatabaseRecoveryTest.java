package org.clientela.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable embedded database survives what a newcomer's laptop does to it: a JVM killed with
 * {@code kill -9} (which leaves the postmaster running) and a plain restart.
 */
class EmbeddedDatabaseRecoveryTest {

    @TempDir
    Path dataDirectory;

    @Test
    void startsAgainAfterTheJvmWasKilledAndKeepsCommittedData() throws Exception {
        Process child = startChild("committed before kill -9");
        long orphanPid = postmasterPid();
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs, the postmaster is orphaned
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        try (EmbeddedDatabase database = EmbeddedDatabase.startDurable(dataDirectory, 0)) {
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(notes(database)).containsExactly("committed before kill -9");
        }
        // and a clean restart after a clean stop
        try (EmbeddedDatabase database = EmbeddedDatabase.startDurable(dataDirectory, 0)) {
            assertThat(notes(database)).containsExactly("committed before kill -9");
        }
    }

    @Test
    void isDurableAndListensOnLoopbackOnly() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.startDurable(dataDirectory, 0);
                Connection connection = connect(database); Statement statement = connection.createStatement()) {
            assertThat(setting(statement, "fsync")).isEqualTo("on");
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(statement, "full_page_writes")).isEqualTo("on");
            assertThat(setting(statement, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(setting(statement, "server_version")).startsWith("17.");
            // Cyrillic case-folding works without the operating system's locales
            ResultSet folded = statement.executeQuery("select lower('ООО «РОМАШКА»') = 'ооо «ромашка»'");
            folded.next();
            assertThat(folded.getBoolean(1)).isTrue();
        }
    }

    @Test
    void leavesALiveProcessAloneThatIsNotItsPostmaster() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            Files.createDirectories(dataDirectory);
            Files.writeString(dataDirectory.resolve("postmaster.pid"), sleeper.pid() + "\n" + dataDirectory + "\n");
            EmbeddedDatabase.stopOrphanedPostmaster(dataDirectory);
            assertThat(sleeper.isAlive()).isTrue();
            assertThat(dataDirectory.resolve("postmaster.pid")).doesNotExist();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    private Process startChild(String note) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DatabaseInChildJvm.class.getName(), dataDirectory.toString(), note)
                .redirectErrorStream(true)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            seen.add(line);
            if (line.equals("READY")) {
                return child;
            }
        }
        throw new AssertionError("The child JVM ended before its database was ready: " + seen);
    }

    private long postmasterPid() throws Exception {
        List<String> lines = Files.readAllLines(dataDirectory.toAbsolutePath().normalize().resolve("postmaster.pid"));
        return Long.parseLong(lines.get(0).trim());
    }

    private static List<String> notes(EmbeddedDatabase database) throws Exception {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select note from survivor")) {
            List<String> notes = new ArrayList<>();
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
            return notes;
        }
    }

    private static Connection connect(EmbeddedDatabase database) throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (ResultSet result = statement.executeQuery("show " + name)) {
            result.next();
            return Optional.ofNullable(result.getString(1)).orElse("");
        }
    }
}
