package org.clientela.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server run by the application itself, so that a newcomer needs nothing but a
 * JDK. Durable unless {@code ephemeral}: the data directory survives restarts and a JVM killed
 * with {@code kill -9}, whose orphaned postmaster is stopped before the new one starts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE_NAME = "clientela";
    private static final String SUPERUSER = "postgres";
    private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a durable server on {@code dataDirectory}, creating it on first use.
     */
    public static EmbeddedDatabase startDurable(Path dataDirectory, int port) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(directory);
        stopOrphanedPostmaster(directory);
        EmbeddedPostgres.Builder builder = commonSettings(EmbeddedPostgres.builder())
                .setDataDirectory(directory.toFile())
                .setCleanDataDirectory(false)
                // zonky starts postgres with -F (no fsync) and without synchronous commit: a
                // department's orders must survive a power cut, so both go back on
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // PostgreSQL's defaults are for a machine shared with much else: with 128 MB of
                // buffers, one run of the money benchmark read 1.1 million pages from the operating
                // system and wrote 0.54 million back to make room, and with a checkpoint every 1 GB
                // of WAL most of its WAL was whole pages written again after a checkpoint (ADR 2).
                // The WAL buffers follow shared_buffers up to 16 MB
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min");
        if (port > 0) {
            builder.setPort(port);
        }
        log.info("Starting the embedded PostgreSQL on {}", directory);
        return started(builder.start());
    }

    /**
     * Starts a throw-away server in a temporary directory, removed on close; fast and not durable.
     */
    public static EmbeddedDatabase startEphemeral() throws IOException {
        return started(commonSettings(EmbeddedPostgres.builder())
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start());
    }

    private static EmbeddedPostgres.Builder commonSettings(EmbeddedPostgres.Builder builder) {
        return builder
                // Spring closes the database after every bean that uses it; a JVM hook of
                // zonky's own would stop it while those beans are still shutting down
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setServerConfig("timezone", "UTC")
                // the built-in provider gives Unicode-aware lower()/ILIKE for Cyrillic without
                // depending on the operating system's locales
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setLocaleConfig("locale", "C.UTF-8")
                .setPGStartupWait(Duration.ofSeconds(60));
    }

    private static EmbeddedDatabase started(EmbeddedPostgres postgres) throws IOException {
        EmbeddedDatabase database = new EmbeddedDatabase(postgres);
        try {
            database.createApplicationDatabase();
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("Could not create the database " + DATABASE_NAME, e);
        }
        return database;
    }

    private void createApplicationDatabase() throws SQLException {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + DATABASE_NAME + "'").next();
            if (!exists) {
                statement.execute("create database " + DATABASE_NAME);
            }
        }
    }

    public String jdbcUrl() {
        // 127.0.0.1 rather than zonky's "localhost": the server listens on IPv4 loopback only
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE_NAME;
    }

    public String username() {
        return SUPERUSER;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * A JVM killed with {@code kill -9} leaves its postmaster running, and the next start would
     * fail on {@code postmaster.pid}. Stop that orphan, but never a process that is not a postmaster
     * of this very directory.
     */
    static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            // PostgreSQL removes a stale lock file of a dead process by itself
            return;
        }
        if (!isPostmasterOf(pid, dataDirectory)) {
            log.warn("postmaster.pid names process {}, which is not a postmaster of {}: removing the stale file",
                    pid, dataDirectory);
            Files.delete(pidFile);
            return;
        }
        log.warn("Stopping the orphaned postmaster {} of {} left by an earlier run", pid, dataDirectory);
        ProcessHandle postmaster = process.get();
        // SIGTERM is PostgreSQL's "smart" shutdown: the orphan's clients died with the old JVM
        postmaster.destroy();
        try {
            postmaster.onExit().get(ORPHAN_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("The orphaned postmaster {} did not stop in {}; killing it (WAL recovery follows)",
                    pid, ORPHAN_SHUTDOWN_WAIT);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the orphaned postmaster " + pid, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("Could not stop the orphaned postmaster " + pid, e);
        }
    }

    private static boolean isPostmasterOf(long pid, Path dataDirectory) {
        try {
            String commandLine = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
            return commandLine.contains("postgres") && commandLine.contains(dataDirectory.toString());
        } catch (IOException e) {
            return false;
        }
    }
}
