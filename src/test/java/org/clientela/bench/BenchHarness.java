package org.clientela.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.clientela.shared.Inn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every benchmark of the product needs: the application started in a JVM of its own (so that
 * its resident memory can be read) on a fresh embedded database under {@code target/bench/}, API
 * tokens, plain HTTP calls, the database beside it, and figures printed beside their bare-SQL limit
 * and written as JSON.
 */
abstract class BenchHarness {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final int CLIENTS = 8;
    /**
     * The JVM settings of the measured application, as the README recommends for a department
     * server. glibc keeps the native memory the JVM frees (the JIT compiler's work areas, I/O
     * buffers) for reuse rather than giving it back: the JVM has it trim its heap every 5 s.
     */
    protected static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:TrimNativeHeapInterval=5000");
    /**
     * As the README recommends for a server: glibc gives every thread that allocates its own
     * arena of native memory, and Tomcat's and the pool's threads leave them half used.
     */
    protected static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");
    protected static final int SAMPLES = 500;
    /**
     * A department's server runs for days: figures are taken once the JIT has compiled the path,
     * which its optimising compiler does for a method after some 15 000 calls. With 2 000 warm-up
     * requests the same balance figure came out anywhere from 5.4 to 7.3 ms by what ran before it.
     */
    protected static final int WARM_UP = 20_000;

    /** Each client thread's connection to the application. */
    private static final ThreadLocal<HttpConnection> CONNECTION = new ThreadLocal<>();

    protected final Path work = Path.of("target", "bench");
    protected final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    protected final Map<String, Object> results = new LinkedHashMap<>();
    protected int port;
    protected Process application;

    // --- measuring -------------------------------------------------------------------------------------

    protected interface RequestPath {
        String path(int i);
    }

    protected interface Statements {
        List<String> of(int i);
    }

    protected List<Double> timeRequests(String token, RequestPath request) throws Exception {
        // by 8 clients at once, to be done sooner: the compiler does not mind
        AtomicInteger next = new AtomicInteger();
        runConcurrently(() -> {
            for (int i = next.getAndIncrement(); i < WARM_UP; i = next.getAndIncrement()) {
                get(request.path(SAMPLES + i), token);
            }
            return null;
        });
        // one untimed pass over the requests to be timed: the API's timed requests then find their rows
        // already read, as the bare SQL timed after them on the same rows does; before, the API read
        // them first
        for (int i = 0; i < SAMPLES; i++) {
            get(request.path(i), token);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long started = System.nanoTime();
            Reply response = get(request.path(i), token);
            millis.add((System.nanoTime() - started) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.path(i) + ": " + response.statusCode() + " " + response.body());
            }
        }
        return millis;
    }

    protected static List<Double> timeSql(Connection sql, Statements statements) throws Exception {
        return timeSql(sql, statements, SAMPLES);
    }

    protected static List<Double> timeSql(Connection sql, Statements statements, int samples) throws Exception {
        List<Double> millis = new ArrayList<>();
        try (Statement statement = sql.createStatement()) {
            for (int i = -Math.min(30, samples); i < samples; i++) {
                long started = System.nanoTime();
                for (String query : statements.of(Math.max(i, 0))) {
                    try (ResultSet rows = statement.executeQuery(query)) {
                        while (rows.next()) {
                            rows.getObject(1);
                        }
                    }
                }
                if (i >= 0) {
                    millis.add((System.nanoTime() - started) / 1e6);
                }
            }
        }
        return millis;
    }

    protected void report(String what, String unit, double measured, double bareSql, String target) {
        System.out.printf(Locale.ROOT, "%-68s %10.1f %-10s bare SQL %10.1f   target %s%n", what, measured, unit,
                bareSql, target);
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("unit", unit);
        figure.put("measured", Math.round(measured * 10) / 10.0);
        figure.put("bareSql", Math.round(bareSql * 10) / 10.0);
        figure.put("target", target);
        results.put(what, figure);
    }

    protected static double p95(List<Double> millis) {
        return percentile(millis, 0.95);
    }

    protected static double p50(List<Double> millis) {
        return percentile(millis, 0.50);
    }

    protected static double percentile(List<Double> values, double quantile) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    protected static void runConcurrently(java.util.concurrent.Callable<Void> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                running.add(pool.submit(() -> {
                    try {
                        return work.call();
                    } finally {
                        HttpConnection connection = CONNECTION.get();
                        if (connection != null) {
                            connection.close();
                            CONNECTION.remove();
                        }
                    }
                }));
            }
            for (Future<Void> one : running) {
                one.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    // --- the application and its database ----------------------------------------------------------

    protected void startApplication() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(JVM_OPTIONS);
        // e.g. -Dbench.profile=-XX:StartFlightRecording=filename=target/bench/app.jfr to see where the time goes
        String profile = System.getProperty("bench.profile", "");
        if (!profile.isBlank()) {
            command.add(profile);
        }
        results.put("applicationJvmOptions", String.join(" ", JVM_OPTIONS));
        results.put("requestWarmUps", WARM_UP);
        command.addAll(List.of("-cp",
                System.getProperty("java.class.path"), "org.clientela.ClientelaApplication",
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--clientela.database.data-directory=" + work.resolve("data").resolve("pg").toAbsolutePath(),
                "--logging.level.org.clientela.requests=WARN"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("application.log").toFile());
        builder.environment().putAll(ENVIRONMENT);
        results.put("applicationEnvironment", ENVIRONMENT);
        application = builder.start();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The application did not start: see " + work.resolve("application.log"));
    }

    protected String token(String username) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/me/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        return body.path("token").asString();
    }

    protected Connection connectToDatabase() throws Exception {
        List<String> pid = Files.readAllLines(work.resolve("data").resolve("pg").resolve("postmaster.pid"));
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/clientela",
                "postgres", "");
    }

    protected static String ownerId(Connection sql, String username) throws Exception {
        try (PreparedStatement query = sql.prepareStatement("select id from app_user where username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /**
     * API requests go through a kept-alive connection of the calling thread ({@link HttpConnection}):
     * {@link HttpClient}'s hand-offs between threads cost milliseconds on a 2-core machine, and
     * {@link HttpURLConnection} most of a request's CPU again on the client's side.
     */
    protected Reply post(String path, String token, String json) throws Exception {
        return call("POST", path, token, json);
    }

    protected Reply get(String path, String token) throws Exception {
        return call("GET", path, token, null);
    }

    protected Reply call(String method, String path, String token, String json) throws IOException {
        return call(method, path, token, json, "application/json");
    }

    protected Reply call(String method, String path, String token, String json, String accept) throws IOException {
        HttpConnection connection = CONNECTION.get();
        if (connection == null || connection.port != port) {
            connection = new HttpConnection(port);
            CONNECTION.set(connection);
        }
        return connection.exchange(method, path, token, accept, json);
    }

    protected record Reply(int statusCode, String body) {
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    protected static long residentMemoryMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /**
     * The CPU time, in seconds, that the application and its PostgreSQL (the postmaster of the
     * world's data directory and its children: the connections, the background workers) have used
     * so far: taken before and after a part of the load, the difference is what the part cost the
     * machine, a figure that noisy neighbours move less than a rate. Processes that ended
     * meanwhile (an autovacuum worker) are not counted. The third figure is the part of the
     * application's that its JIT compilers' threads used: what a server running for days no
     * longer spends.
     */
    protected double[] cpuSeconds() throws IOException {
        double app = cpuSecondsOf(application.pid());
        double compilers = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(application.pid()), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                        compilers += cpuSecondsOf(thread);
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        long postmaster = Long.parseLong(Files.readAllLines(
                work.resolve("data").resolve("pg").resolve("postmaster.pid")).get(0).trim());
        double database = cpuSecondsOf(postmaster);
        List<Long> pending = new ArrayList<>(childrenOf(postmaster));
        while (!pending.isEmpty()) {
            long pid = pending.remove(pending.size() - 1);
            database += cpuSecondsOf(pid);
            pending.addAll(childrenOf(pid));
        }
        double client = cpuSecondsOf(ProcessHandle.current().pid());
        // the first line of /proc/stat: the whole machine's time in ticks, by kind (user, nice, system,
        // idle, iowait, irq, softirq, steal; the guests' time after them is already in user and nice)
        String[] machine = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long all = 0;
        for (int kind = 1; kind <= 8; kind++) {
            all += Long.parseLong(machine[kind]);
        }
        long idle = Long.parseLong(machine[4]) + Long.parseLong(machine[5]);
        return new double[] {app, database, compilers, client, (all - idle) / 100.0, all / 100.0};
    }

    /**
     * Prints and records what a part of the load cost the machine's CPU for each of its
     * {@code count} requests, from {@link #cpuSeconds()} before and after it.
     */
    protected void reportCpu(String what, double[] before, double[] after, int count) {
        double application = (after[0] - before[0]) * 1000 / count;
        double database = (after[1] - before[1]) * 1000 / count;
        double compilers = (after[2] - before[2]) * 1000 / count;
        System.out.printf(Locale.ROOT, "%-68s %10.2f ms     PostgreSQL %7.2f ms%n", "CPU per " + what + ", application",
                application, database);
        System.out.printf(Locale.ROOT, "%-68s %10.2f ms%n", "  of which the application's JIT compilers", compilers);
        double client = (after[3] - before[3]) * 1000 / count;
        double busy = (after[4] - before[4]) / (after[5] - before[5]) * 100;
        System.out.printf(Locale.ROOT, "%-68s %10.2f ms     machine busy %5.1f %%%n",
                "  the benchmark's own clients", client, busy);
        results.put("CPU per " + what + ", the benchmark's clients, ms", Math.round(client * 100) / 100.0);
        results.put("CPU per " + what + ", machine busy, %", Math.round(busy * 10) / 10.0);
        results.put("CPU per " + what + ", application, ms", Math.round(application * 100) / 100.0);
        results.put("CPU per " + what + ", application's JIT compilers, ms", Math.round(compilers * 100) / 100.0);
        results.put("CPU per " + what + ", PostgreSQL, ms", Math.round(database * 100) / 100.0);
    }

    private static double cpuSecondsOf(long pid) throws IOException {
        return cpuSecondsOf(Path.of("/proc", Long.toString(pid)));
    }

    /** The CPU time of a process or thread, by its directory under {@code /proc}. */
    private static double cpuSecondsOf(Path process) throws IOException {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // the fields after the command's name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks / 100.0;
        } catch (java.nio.file.NoSuchFileException gone) {
            return 0;
        }
    }

    private static List<Long> childrenOf(long pid) throws IOException {
        List<Long> children = new ArrayList<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return children;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    for (String child : Files.readString(thread.resolve("children")).trim().split(" ")) {
                        if (!child.isEmpty()) {
                            children.add(Long.parseLong(child));
                        }
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return children;
    }

    protected static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    protected void writeResults(String suite) throws IOException {
        Path file = work.resolve(suite + "-" + Instant.now().toString().replace(':', '-') + ".json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println("Written to " + file);
    }

    /** The i-th of a series of valid, distinct organisation INNs. */
    protected static String organisationInn(int i) {
        return organisationInn("6", i);
    }

    protected static String organisationInn(String first, int i) {
        String base = String.format("%s%08d", first, i);
        for (int check = 0; check <= 9; check++) {
            if (Inn.isValid(base + check)) {
                return base + check;
            }
        }
        throw new IllegalStateException("Some check digit always fits");
    }

    // --- a browser's pages -----------------------------------------------------------------------------

    /** A browser's session: the login form posted with its CSRF token; answers the session cookie. */
    protected String logIn(String username) throws Exception {
        HttpURLConnection form = (HttpURLConnection) uri("/login").toURL().openConnection();
        String cookie = sessionCookie(form);
        String html = new String(form.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
                .matcher(html);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        HttpURLConnection login = (HttpURLConnection) uri("/login").toURL().openConnection();
        login.setInstanceFollowRedirects(false);
        login.setRequestMethod("POST");
        login.setRequestProperty("Cookie", cookie);
        login.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        login.setDoOutput(true);
        try (OutputStream body = login.getOutputStream()) {
            body.write(("username=" + encode(username) + "&password=demo&_csrf=" + encode(csrf.group(1)))
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (login.getResponseCode() != 302 || !login.getHeaderField("Location").endsWith("/")) {
            throw new IllegalStateException("Login of " + username + " failed: " + login.getResponseCode());
        }
        String renewed = sessionCookie(login);
        return renewed == null ? cookie : renewed;
    }

    private static String sessionCookie(HttpURLConnection connection) throws IOException {
        connection.getResponseCode();
        List<String> cookies = connection.getHeaderFields().getOrDefault("Set-Cookie", List.of());
        return cookies.stream().map(cookie -> cookie.split(";", 2)[0]).reduce((a, b) -> a + "; " + b).orElse(null);
    }

    /** An HTML page of a logged-in session. */
    protected Reply page(String path, String cookie) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri(path).toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setRequestProperty("Cookie", cookie);
        connection.setRequestProperty("Accept", "text/html");
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Reply(status, body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    protected interface Call {
        Reply call() throws Exception;
    }

    /** A heavy request timed {@code runs} times after two warm-up runs, each checked for 200. */
    protected static List<Double> timeRuns(int runs, Call request) throws Exception {
        return timeRuns(2, runs, request);
    }

    protected static List<Double> timeRuns(int warmUps, int runs, Call request) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = -warmUps; i < runs; i++) {
            long started = System.nanoTime();
            Reply reply = request.call();
            if (reply.statusCode() != 200) {
                throw new IllegalStateException(reply.statusCode() + " " + reply.body());
            }
            if (i >= 0) {
                millis.add((System.nanoTime() - started) / 1e6);
            }
        }
        return millis;
    }
}
