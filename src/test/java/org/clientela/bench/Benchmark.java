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
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.clientela.shared.Inn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The speed of the client base on generated data, each figure printed beside the bare-SQL limit
 * of the same work. Starts the application in a JVM of its own (so that its resident memory can be
 * read) on a fresh embedded database under {@code target/bench/}, fills it through the REST API
 * with 8 concurrent clients and measures the list and the search. Results go to
 * {@code target/bench/clients-<time>.json}.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.companies=100000}; the import of a
 * generated CSV takes {@code -Dbench.importRows=100000} rows (0 leaves it out).
 */
public final class Benchmark extends BenchHarness {

    private static final String[] OWNERS = {"manager1", "manager2", "manager3", "kam"};
    private static final String[] WORDS = {"Окна", "Стекло", "Фасад", "Тепло", "Свет", "Дом", "Строй", "Профиль",
            "Альфа", "Вектор", "Горизонт", "Кристалл", "Монолит", "Панорама", "Престиж", "Север"};
    private static final String[] REGIONS = {"Москва", "Тула", "Калуга", "Рязань", "Тверь"};

    private final int companies;
    private final int importRows;

    private Benchmark(int companies, int importRows) {
        this.companies = companies;
        this.importRows = importRows;
    }

    /** {@code -Dbench.suite=money} runs {@link MoneyBenchmark} instead, {@code -Dbench.suite=brief} {@link BriefBenchmark}. */
    public static void main(String[] args) throws Exception {
        if ("money".equals(System.getProperty("bench.suite"))) {
            MoneyBenchmark.main(args);
            return;
        }
        if ("brief".equals(System.getProperty("bench.suite"))) {
            BriefBenchmark.main(args);
            return;
        }
        new Benchmark(Integer.getInteger("bench.companies", 100_000), Integer.getInteger("bench.importRows", 100_000))
                .run();
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        deleteRecursively(work.resolve("data"));
        results.put("companies", companies);
        results.put("importRows", importRows);
        results.put("startedAt", Instant.now().toString());
        startApplication();
        try {
            Map<String, String> tokens = new LinkedHashMap<>();
            for (String owner : OWNERS) {
                tokens.put(owner, token(owner));
            }
            String director = token("director");
            try (Connection sql = connectToDatabase()) {
                create(tokens, sql);
                addPeople(sql);
                list(director, sql);
                search(director, sql);
                importFile(tokens.get("manager1"), sql);
                long rss = residentMemoryMiB(application.pid());
                results.put("applicationRssMiB", rss);
                System.out.printf(Locale.ROOT, "%-68s %10d MiB (target <= 400)%n",
                        "resident memory of the application after the load", rss);
            }
        } finally {
            application.destroy();
            application.waitFor();
        }
        writeResults("clients");
    }

    // --- creation: 8 concurrent API clients, each company one POST --------------------------------

    private void create(Map<String, String> tokens, Connection sql) throws Exception {
        List<String> owners = new ArrayList<>(tokens.values());
        // the first three fifths warm the server up, untimed: a freshly started JVM spends a third of
        // the machine for its first 70 s of this load (some 65 000 registrations here) compiling the
        // request's path, which a department's server, running for weeks, has done. Measured by the
        // CPU of the JIT's thread: 6 to 8 s in each 23 s until then, 0.2 s after.
        int warmUp = companies * 3 / 5;
        createCompanies(0, warmUp, owners, this::companyJson);
        results.put("creationsToWarmUp", warmUp);
        // the timed requests' bodies are written beforehand, as load generators do: the machine's
        // CPU goes to the application and its database, not to the client's JSON
        String[] bodies = new String[companies - warmUp];
        for (int i = warmUp; i < companies; i++) {
            bodies[i - warmUp] = companyJson(i);
        }
        double[] cpuBefore = cpuSeconds();
        long started = System.nanoTime();
        createCompanies(warmUp, companies, owners, i -> bodies[i - warmUp]);
        double seconds = (System.nanoTime() - started) / 1e9;
        double[] cpuAfter = cpuSeconds();

        // the same work in bare SQL, 8 connections, as the application does it: one statement a
        // company, its row in the same table (its indexes as large) and its audit entry together,
        // committed on its own. The token's check is left out, as the application reads it once in
        // two seconds. The rows have a KPP of their own, and go again afterwards; their audit
        // entries stay.
        int sample = Math.min(companies, 20_000);
        AtomicInteger nextSql = new AtomicInteger();
        String owner = ownerId(sql, "manager1");
        long sqlStarted = System.nanoTime();
        runConcurrently(() -> {
            try (Connection connection = connectToDatabase();
                    PreparedStatement insert = connection.prepareStatement("""
                            with created as (
                                insert into company (id, name, legal_form, inn, kpp, region, segment, status, owner_id,
                                    tags, version, created_at)
                                values (?::uuid, ?, 'OOO', ?, '773601002', ?, 'Дилеры', 'PROSPECT', ?::uuid, '{}', 0,
                                    now())
                                on conflict do nothing
                                returning 1)
                            insert into audit_entry (actor, entity_type, entity_id, action, changes)
                            select 'manager1', 'Company', ?, 'CREATED', ?::jsonb from created""")) {
                for (int i = nextSql.getAndIncrement(); i < sample; i = nextSql.getAndIncrement()) {
                    Map<String, Object> company = company(companies + i);
                    String id = java.util.UUID.randomUUID().toString();
                    insert.setString(1, id);
                    insert.setString(2, (String) company.get("name"));
                    insert.setString(3, (String) company.get("inn"));
                    insert.setString(4, (String) company.get("region"));
                    insert.setString(5, owner);
                    insert.setString(6, id);
                    insert.setString(7, createdChanges(List.of("name", "legalForm", "inn", "kpp", "segment", "region",
                            "status", "owner"), List.of((String) company.get("name"), "OOO", (String) company.get("inn"),
                            "773601002", "Дилеры", (String) company.get("region"), "PROSPECT", owner)));
                    insert.executeUpdate();
                }
            }
            return null;
        });
        double sqlSeconds = (System.nanoTime() - sqlStarted) / 1e9;
        try (Statement statement = sql.createStatement()) {
            statement.execute("delete from company where kpp = '773601002'");
        }
        report("create companies through the API, 8 clients, warm server", "per second", (companies - warmUp) / seconds,
                sample / sqlSeconds, ">= 1500");
        reportCpu("creation", cpuBefore, cpuAfter, companies - warmUp);
    }

    /** Companies {@code from} to {@code to} (exclusive), one POST each, by 8 concurrent clients of the owners. */
    private void createCompanies(int from, int to, List<String> owners, IntFunction<String> body) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        runConcurrently(() -> {
            for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                Reply response = post("/api/v1/companies", owners.get(i % owners.size()), body.apply(i));
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("Company " + i + ": " + response.statusCode() + " " + response.body());
                }
            }
            return null;
        });
    }

    /**
     * Three people per company, written in one statement: the figures below are about searching
     * among them, not about registering them. The i-th company's first person has phone
     * +7 (495) 1xx-xx-xx with i in the last six digits.
     */
    private void addPeople(Connection sql) throws Exception {
        try (Statement statement = sql.createStatement()) {
            statement.execute("""
                    insert into contact (id, company_id, full_name, position, phones, phone_digits, emails, version)
                    select gen_random_uuid(), c.id, 'Сотрудник ' || n || ' ' || c.inn, 'Менеджер по закупкам',
                           array['+7 (495) ' || lpad(n::text, 1, '0') || substr(c.inn, 4, 6)],
                           array['7495' || lpad(n::text, 1, '0') || substr(c.inn, 4, 6)],
                           array['buyer' || n || '@' || c.inn || '.example'], 0
                    from company c cross join generate_series(1, 3) as n
                    where c.inn like '6%'
                    """);
            // what the hours after a bulk load do on a real server: without it, autovacuum works
            // through the fresh rows (and the trigram indexes' pending lists) while the reads are timed
            statement.execute("vacuum analyze");
        }
        results.put("contacts", companies * 3);
    }

    /** The phone of the first person at a company, as a person would type it. */
    private String phoneOf(int i) {
        String digits = organisationInn(i * 17 % companies).substring(3, 9);
        return "+7 (495) 1" + digits.substring(0, 2) + "-" + digits.substring(2, 4) + "-" + digits.substring(4, 6);
    }

    private String companyJson(int i) {
        return JSON.writeValueAsString(company(i));
    }

    private Map<String, Object> company(int i) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", WORDS[i % WORDS.length] + "-" + WORDS[(i / WORDS.length) % WORDS.length] + " " + i);
        company.put("legalForm", "OOO");
        company.put("inn", organisationInn(i));
        company.put("kpp", "773601001");
        company.put("region", REGIONS[i % REGIONS.length]);
        company.put("segment", "Дилеры");
        return company;
    }

    // --- the first page of the list ----------------------------------------------------------------

    private void list(String token, Connection sql) throws Exception {
        List<Double> api = timeRequests(token, i -> "/api/v1/companies?size=50&sort=name");
        List<Double> bare = timeSql(sql, i -> List.of(
                "select count(*) from (select 1 from company c where c.archived_at is null limit 10001) counted",
                """
                select c.*, u.full_name as owner_name from company c join app_user u on u.id = c.owner_id
                where c.archived_at is null order by lower(c.name) asc, c.id limit 50 offset 0"""));
        report("first page of the list, 50 rows by name (director: all companies)", "p95 ms", p95(api), p95(bare),
                "<= 10");
        results.put("list.p50.ms", p50(api));
    }

    // --- search --------------------------------------------------------------------------------------

    private void search(String token, Connection sql) throws Exception {
        List<Double> byName = timeRequests(token, i -> "/api/v1/companies?size=50&q=" + encode(nameFragment(i)));
        List<Double> byNameSql = timeSql(sql, i -> searchSql(
                "select n.id from company n where n.archived_at is null and company_name_core(n.name) like '%" + nameFragment(i).toLowerCase(Locale.ROOT)
                        + "%' union select k.company_id from contact k where k.active and lower(k.full_name) like '%"
                        + nameFragment(i).toLowerCase(Locale.ROOT) + "%'", false));
        report("search by a name fragment", "p95 ms", p95(byName), p95(byNameSql), "<= 20");

        List<Double> byInn = timeRequests(token, i -> "/api/v1/companies?size=50&q=" + innPrefix(i));
        List<Double> byInnSql = timeSql(sql, i -> searchSql(
                "select n.id from company n where n.inn like '" + innPrefix(i) + "%'", true));
        report("search by an INN prefix (7 digits)", "p95 ms", p95(byInn), p95(byInnSql), "<= 20");

        List<Double> byPhone = timeRequests(token, i -> "/api/v1/companies?size=50&q=" + encode(phoneOf(i)));
        List<Double> byPhoneSql = timeSql(sql, i -> searchSql(
                "select k.company_id from contact k where k.active and k.phone_digits @> array['"
                        + phoneOf(i).replaceAll("\\D", "") + "']", true));
        report("search by a contact's phone", "p95 ms", p95(byPhone), p95(byPhoneSql), "<= 20");
    }

    /** A fragment of one company's name, as a person types it: the word's end and the number. */
    private String nameFragment(int i) {
        int company = i * 37 % companies;
        String word = WORDS[company % WORDS.length];
        return word.substring(word.length() - 3) + "-" + WORDS[(company / WORDS.length) % WORDS.length] + " " + company;
    }

    private String innPrefix(int i) {
        return organisationInn(i * 31 % companies).substring(0, 7);
    }

    /**
     * The two statements the application runs for a search: the capped count and the first page. A
     * selective search (a number, a phone) fetches its ids first, as the application does.
     */
    private static List<String> searchSql(String ids, boolean selective) {
        String condition = selective ? "c.id = any(array(" + ids + "))" : "c.id in (" + ids + ")";
        return List.of(
                "select count(*) from (select 1 from company c where c.archived_at is null and " + condition
                        + " limit 10001) counted",
                "select c.*, u.full_name as owner_name from company c join app_user u on u.id = c.owner_id "
                        + "where c.archived_at is null and " + condition + " order by lower(c.name) asc, c.id "
                        + "limit 50 offset 0");
    }

    // --- import of a CSV -----------------------------------------------------------------------------

    /**
     * A generated CSV of {@code importRows} companies, each with one person, imported through the
     * API (checked, then written in one transaction with its audit entries), beside COPY of the same
     * rows, people and audit entries (one per company, one per person) into tables of the same shape.
     */
    private void importFile(String token, Connection sql) throws Exception {
        if (importRows <= 0) {
            return;
        }
        Path csv = work.resolve("import-" + importRows + ".csv");
        try (var out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("Название;Организационно-правовая форма;ИНН;КПП;ОГРН / ОГРНИП;Регион;Сегмент;"
                    + "Контактное лицо;Должность;Телефоны;Электронная почта\n");
            for (int i = 0; i < importRows; i++) {
                out.write(importRow(i));
            }
        }
        long started = System.nanoTime();
        Reply reply = upload("/api/v1/companies/import", token, csv);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (reply.statusCode() != 200 || !JSON.readTree(reply.body()).path("committed").asBoolean()) {
            throw new IllegalStateException("Import: " + reply.statusCode() + " "
                    + reply.body().substring(0, Math.min(2000, reply.body().length())));
        }
        long rss = residentMemoryMiB(application.pid());
        results.put("importRssMiB", rss);

        String owner = ownerId(sql, "manager1");
        long sqlStarted = System.nanoTime();
        sql.setAutoCommit(false);
        try (Statement statement = sql.createStatement()) {
            statement.execute("create table bench_import_company (like company including all)");
            statement.execute("create table bench_import_contact (like contact including all)");
            statement.execute("create table bench_import_audit (like audit_entry including all)");
            org.postgresql.copy.CopyManager copy = sql.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            StringBuilder companyRows = new StringBuilder();
            StringBuilder contactRows = new StringBuilder();
            StringBuilder auditRows = new StringBuilder();
            for (int i = 0; i < importRows; i++) {
                String id = java.util.UUID.randomUUID().toString();
                String contactId = java.util.UUID.randomUUID().toString();
                String[] cells = importRow(i).strip().split(";");
                companyRows.append(String.join("\t", id, cells[0], "OOO", cells[2], cells[3], cells[4], cells[5],
                        cells[6], "PROSPECT", owner, "{}", "0")).append('\n');
                contactRows.append(String.join("\t", contactId, id, cells[7], cells[8], "{\"" + cells[9] + "\"}",
                        "{" + cells[9].replaceAll("\\D", "").replaceFirst("^8", "7") + "}", "{" + cells[10] + "}", "0"))
                        .append('\n');
                String companyChanges = createdChanges(List.of("name", "legalForm", "inn", "kpp", "ogrn", "region",
                        "segment", "status", "owner", "importedFrom"), List.of(cells[0], "OOO", cells[2], cells[3],
                        cells[4], cells[5], cells[6], "PROSPECT", owner, csv.getFileName().toString()));
                String contactChanges = createdChanges(List.of("company", "fullName", "position", "phones", "emails"),
                        List.of(id, cells[7], cells[8], cells[9], cells[10]));
                auditRows.append(String.join("\t", "manager1", "Company", id, "CREATED", copyText(companyChanges)))
                        .append('\n');
                auditRows.append(String.join("\t", "manager1", "Contact", contactId, "CREATED",
                        copyText(contactChanges))).append('\n');
                if (i % 10_000 == 9_999 || i == importRows - 1) {
                    copy.copyIn("copy bench_import_company (id, name, legal_form, inn, kpp, ogrn, region, segment, "
                            + "status, owner_id, tags, version) from stdin", new java.io.StringReader(companyRows.toString()));
                    copy.copyIn("copy bench_import_contact (id, company_id, full_name, position, phones, phone_digits, "
                            + "emails, version) from stdin", new java.io.StringReader(contactRows.toString()));
                    copy.copyIn("copy bench_import_audit (actor, entity_type, entity_id, action, changes) from stdin",
                            new java.io.StringReader(auditRows.toString()));
                    companyRows.setLength(0);
                    contactRows.setLength(0);
                    auditRows.setLength(0);
                }
            }
            sql.commit();
            double sqlSeconds = (System.nanoTime() - sqlStarted) / 1e9;
            statement.execute("drop table bench_import_company, bench_import_contact, bench_import_audit");
            sql.commit();
            report("import of a " + importRows + "-row CSV (validated, one person a row)", "s", seconds,
                    sqlSeconds, "<= 30");
        } finally {
            sql.setAutoCommit(true);
        }
        System.out.printf(Locale.ROOT, "%-68s %10d MiB (target <= 400)%n", "resident memory right after the import",
                rss);
    }

    /** A creation's audit entry as the application writes it: the fields in their order, old values null. */
    private static String createdChanges(List<String> fields, List<String> values) {
        ArrayNode changes = JSON.createArrayNode();
        for (int i = 0; i < fields.size(); i++) {
            changes.addObject().put("field", fields.get(i)).putNull("old").put("new", values.get(i));
        }
        return JSON.writeValueAsString(changes);
    }

    /** A value in COPY's text format: JSON has no raw tabs or line breaks, but may have backslashes. */
    private static String copyText(String value) {
        return value.replace("\\", "\\\\");
    }

    /** The i-th row of the import file: a valid INN and OGRN, a person with a phone and an e-mail. */
    private static String importRow(int i) {
        String inn = organisationInn("5", i);
        return String.join(";", "Импорт-" + WORDS[i % WORDS.length] + " " + i, "ООО", inn, "773601001", ogrn(i),
                REGIONS[i % REGIONS.length], "Дилеры", "Покупатель " + i, "Менеджер по закупкам",
                "8 (812) " + String.format("%07d", i), "buyer" + i + "@" + inn + ".example") + "\n";
    }

    private static String ogrn(int i) {
        String base = String.format("1027%08d", i);
        return base + Long.parseLong(base) % 11 % 10;
    }

    /** Streams a file as the part {@code file} of a multipart form. */
    private Reply upload(String path, String token, Path file) throws IOException {
        String boundary = "----clientela-bench";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpURLConnection connection = (HttpURLConnection) uri(path).toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setReadTimeout(600_000);
        connection.setRequestProperty("Authorization", "Bearer " + token);
        connection.setRequestProperty("Content-Type", "multipart/form-data; boundary=" + boundary);
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(head.length + Files.size(file) + tail.length);
        try (OutputStream body = connection.getOutputStream()) {
            body.write(head);
            Files.copy(file, body);
            body.write(tail);
        }
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            return new Reply(status, body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

}
