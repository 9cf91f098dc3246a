package org.clientela.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.clientela.ApiClient;
import org.clientela.ApiClient.Response;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Duplicates through the API (C1): finding the possible ones, merging two, the refusals, two
 * merges racing over one pair, and a listener of {@link CompaniesMerged} writing in, or failing,
 * the merge's own transaction.
 */
@IntegrationTest
class CompanyMergeApiIntegrationTest {

    static final String COMPANIES = "/api/v1/companies";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MergeProbe probe;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void possibleDuplicatesAreTheSameInnWithAnotherKppAndNearlyTheSameNameOnly() {
        String name = ApiClient.unique("Стеклодом");
        Map<String, Object> main = organisation(name, "773601001");
        String id = register("manager1", main);
        String branch = register("manager2", sameInn(main, ApiClient.unique("Филиал"), "771501001"));
        String sameName = register("manager1", organisation("ООО «" + name.toUpperCase() + "»", "773601001"));
        String other = register("manager1", organisation(ApiClient.unique("Зеркальный мир"), "773601001"));
        String foreign = register("manager3", organisation(name + " АО", "773601001"));

        JsonNode found = api.as("manager1").get(COMPANIES + "/" + id + "/duplicates").isJson(200).json();

        Map<String, String> reasons = new LinkedHashMap<>();
        found.forEach(entry -> reasons.put(entry.path("company").path("id").asString(),
                entry.path("reason").asString()));
        // manager1 sees only their own: manager2's branch is the head's to see
        assertThat(reasons).containsEntry(sameName, "SIMILAR_NAME")
                .doesNotContainKeys(id, other, foreign, branch);
        JsonNode headView = api.as("head").get(COMPANIES + "/" + id + "/duplicates").isJson(200).json();
        assertThat(headView.get(0).path("company").path("id").asString()).as("the same INN comes first")
                .isEqualTo(branch);
        assertThat(headView.get(0).path("reason").asString()).isEqualTo("SAME_INN");
        assertThat(ids(headView)).contains(sameName).doesNotContain(id, other, foreign);
        assertThat(ids(api.as("director").get(COMPANIES + "/" + id + "/duplicates").json())).contains(foreign);
        api.as("manager3").get(COMPANIES + "/" + id + "/duplicates").isProblem(404);
    }

    @Test
    void aMergeMovesPeopleDossierTagsAndHistoryToTheSurvivorAndArchivesTheDuplicate() {
        Map<String, Object> main = organisation(ApiClient.unique("Рамы"), "773601001");
        main.put("tags", List.of("окна"));
        String survivor = register("manager1", main);
        Map<String, Object> twin = sameInn(main, "ООО «" + main.get("name") + "»", "771501001");
        twin.put("tags", List.of("фасады", "окна"));
        twin.put("region", "Тула");
        String duplicate = register("manager2", twin);
        addContact("manager1", survivor, "Орлова Анна Павловна");
        String movedOne = addContact("manager2", duplicate, "Белов Игорь Сергеевич");
        addContact("manager2", duplicate, "Зайцева Мария Олеговна");
        writeDossier("manager1", survivor, Map.of("needs", "Стеклопакеты 4-16-4", "version", 0));
        writeDossier("manager2", duplicate, Map.of("needs", "Триплекс для фасадов", "staffSize", 40,
                "interests", "Рыбалка", "keyDates", List.of(Map.of("day", "2027-03-15", "description", "25 лет")),
                "version", 0));
        api.as("manager2").patch(COMPANIES + "/" + duplicate, Map.of("segment", "Дилеры", "version", 0)).isJson(200);

        Response merged = api.as("head").post(COMPANIES + "/" + survivor + "/merge",
                Map.of("duplicateId", duplicate, "survivorVersion", 0, "duplicateVersion", 1)).isJson(200);

        assertThat(merged.json().path("tags").toString()).isEqualTo("[\"окна\",\"фасады\"]");
        assertThat(merged.json().path("version").asLong()).isEqualTo(1);
        assertThat(merged.header("ETag")).isEqualTo("\"1\"");
        assertThat(merged.json().path("region").isMissingNode()).as("requisites are the survivor's own").isTrue();
        List<String> people = new ArrayList<>();
        api.as("manager1").get(COMPANIES + "/" + survivor + "/contacts").isJson(200).json()
                .forEach(contact -> people.add(contact.path("fullName").asString()));
        assertThat(people).containsExactlyInAnyOrder("Орлова Анна Павловна", "Белов Игорь Сергеевич",
                "Зайцева Мария Олеговна");
        assertThat(api.as("manager1").get("/api/v1/contacts/" + movedOne).json().path("companyId").asString())
                .isEqualTo(survivor);

        JsonNode dossier = api.as("manager1").get(COMPANIES + "/" + survivor + "/dossier").isJson(200).json();
        assertThat(dossier.path("needs").asString()).isEqualTo("Стеклопакеты 4-16-4\n\nТриплекс для фасадов");
        assertThat(dossier.path("staffSize").asInt()).isEqualTo(40);
        assertThat(dossier.path("interests").asString()).isEqualTo("Рыбалка");
        assertThat(dossier.path("keyDates").get(0).path("description").asString()).isEqualTo("25 лет");
        assertThat(dossier.path("version").asLong()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from company_key_date where company_id = cast(:id as uuid)")
                .param("id", duplicate).query(Long.class).single()).as("no key date left at the duplicate").isZero();

        JsonNode gone = api.as("manager2").get(COMPANIES + "/" + duplicate).isJson(200).json();
        assertThat(gone.path("archived").asBoolean()).isTrue();
        assertThat(gone.path("mergedInto").asString()).isEqualTo(survivor);
        assertThat(api.as("manager1").get(COMPANIES + "/" + survivor).json().has("mergedInto")).isFalse();
        assertThat(ids(api.as("head").get(COMPANIES + "?q=" + encode((String) main.get("name"))).json()))
                .contains(survivor).doesNotContain(duplicate);
        assertThat(ids(api.as("head").get(COMPANIES + "/" + survivor + "/duplicates").json()))
                .doesNotContain(duplicate);

        assertThat(mergedLines(survivor)).containsExactly("mergedFrom=" + duplicate);
        assertThat(mergedLines(duplicate)).containsExactly("mergedInto=" + survivor);
        JsonNode history = api.as("head").get("/api/v1/audit/Company/" + survivor).isJson(200).json();
        List<String> fromDuplicate = new ArrayList<>();
        history.forEach(line -> {
            if (duplicate.equals(line.path("entityId").asString())) {
                fromDuplicate.add(line.path("action").asString() + " " + line.path("field").asString());
            }
        });
        assertThat(fromDuplicate).as("the duplicate's history in the survivor's")
                .contains("CREATED name", "UPDATED segment", "UPDATED dossier.needs", "MERGED mergedInto");
        List<String> contactHistory = new ArrayList<>();
        api.as("manager1").get("/api/v1/audit/Contact/" + movedOne).json()
                .forEach(line -> contactHistory.add(line.path("field").asString() + ":"
                        + line.path("oldValue").asString() + "→" + line.path("newValue").asString()));
        assertThat(contactHistory).contains("company:" + duplicate + "→" + survivor);
    }

    @Test
    void theResearchNotesOfBothProspectsAreKeptOneAfterTheOther() {
        Map<String, Object> main = organisation(ApiClient.unique("Фасадстрой"), "773601001");
        String survivor = register("manager1", main);
        String duplicate = register("manager1", sameInn(main, main.get("name") + " (филиал)", "771501001"));
        String withoutNotes = register("manager1", sameInn(main, main.get("name") + " (склад)", "771601001"));
        api.as("manager1").put(COMPANIES + "/" + survivor + "/research",
                Map.of("note", "Закупают весной", "version", 0)).isJson(200);
        api.as("manager1").put(COMPANIES + "/" + duplicate + "/research",
                Map.of("note", "Главный инженер за триплекс", "version", 0)).isJson(200);

        api.as("head").post(COMPANIES + "/" + survivor + "/merge",
                Map.of("duplicateId", duplicate, "survivorVersion", 0, "duplicateVersion", 0)).isJson(200);
        api.as("head").post(COMPANIES + "/" + withoutNotes + "/merge",
                Map.of("duplicateId", survivor, "survivorVersion", 0, "duplicateVersion", 1)).isJson(200);

        JsonNode research = api.as("manager1").get(COMPANIES + "/" + withoutNotes + "/research").isJson(200).json();
        assertThat(research.path("note").asString()).isEqualTo("Закупают весной\n\nГлавный инженер за триплекс");
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'Company' and entity_id = :id "
                        + "and field = 'dossier.researchNote'").param("id", withoutNotes).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aCompanyMergedEarlierIntoTheDuplicateLeadsToTheNewSurvivor() {
        String first = register("manager1", organisation(ApiClient.unique("Цепочка"), "773601001"));
        String second = register("manager1", organisation(ApiClient.unique("Цепочка"), "773601001"));
        String third = register("manager1", organisation(ApiClient.unique("Цепочка"), "773601001"));
        merge("director", second, 0, first, 0).isJson(200);

        merge("director", third, 0, second, 1).isJson(200);

        assertThat(api.as("manager1").get(COMPANIES + "/" + first).json().path("mergedInto").asString())
                .isEqualTo(third);
        List<String> entities = new ArrayList<>();
        api.as("manager1").get("/api/v1/audit/Company/" + third).json()
                .forEach(line -> entities.add(line.path("entityId").asString()));
        assertThat(entities).contains(first, second, third);
    }

    @Test
    void onlyAHeadTheDirectorOrAnAdministratorMergesCompaniesTheyMaySee() {
        String survivor = register("manager1", organisation(ApiClient.unique("Право"), "773601001"));
        String duplicate = register("manager1", organisation(ApiClient.unique("Право"), "773601001"));
        String foreign = register("manager3", organisation(ApiClient.unique("Чужое"), "773601001"));

        merge("manager1", survivor, 0, duplicate, 0).isProblem(403);
        merge("manager1", survivor, 0, foreign, 0).isProblem(403);
        merge("head", survivor, 0, foreign, 0).isProblem(404);
        merge("head", foreign, 0, survivor, 0).isProblem(404);
        api.as("head").post(COMPANIES + "/" + randomId() + "/merge",
                Map.of("duplicateId", duplicate, "survivorVersion", 0, "duplicateVersion", 0)).isProblem(404);

        assertUntouched(survivor, duplicate);
        merge("admin", survivor, 0, duplicate, 0).isJson(200);
    }

    @Test
    void aMergeIsRefusedForOneCompanyTwiceAWrongVersionOrNoneAndAGoneDuplicate() {
        String survivor = register("manager1", organisation(ApiClient.unique("Отказ"), "773601001"));
        String duplicate = register("manager1", organisation(ApiClient.unique("Отказ"), "773601001"));
        addContact("manager1", duplicate, "Петров Пётр Петрович");

        assertThat(merge("head", survivor, 0, survivor, 0).isProblem(400).errorFields()).containsExactly("duplicateId");
        api.as("head").post(COMPANIES + "/" + survivor + "/merge", Map.of("duplicateId", duplicate, "survivorVersion", 0))
                .isProblem(428);
        api.as("head").post(COMPANIES + "/" + survivor + "/merge", Map.of("duplicateId", duplicate, "duplicateVersion", 0))
                .isProblem(428);
        merge("head", survivor, 3, duplicate, 0).isProblem(409);
        merge("head", survivor, 0, duplicate, 2).isProblem(409);
        assertUntouched(survivor, duplicate);
        assertThat(contactsAt(duplicate)).isEqualTo(1);

        merge("head", survivor, 0, duplicate, 0).isJson(200);
        Response again = merge("head", survivor, 1, duplicate, 1).isProblem(409);
        assertThat(again.detail()).contains("уже объединена");
        String other = register("manager1", organisation(ApiClient.unique("Отказ"), "773601001"));
        merge("head", duplicate, 1, other, 0).isProblem(409);

        String archived = register("manager1", organisation(ApiClient.unique("Архив"), "773601001"));
        api.as("manager1").delete(COMPANIES + "/" + archived);
        assertThat(merge("head", survivor, 1, archived, 1).isProblem(409).detail()).contains("в архиве");
    }

    @Test
    void twoMergesOfOnePairInOppositeDirectionsQueueUpAndTheSecondIsRefused() throws Exception {
        String a = register("manager1", organisation(ApiClient.unique("Гонка"), "773601001"));
        String b = register("manager2", organisation(ApiClient.unique("Гонка"), "773601001"));
        addContact("manager1", a, "Антонов Антон");
        addContact("manager2", b, "Борисов Борис");
        // the first merge holds its transaction open, so the second one surely arrives meanwhile
        probe.arm(b, MergeProbe.Behaviour.PAUSE);

        CompletableFuture<Response> bIntoA = CompletableFuture.supplyAsync(() -> merge("head", a, 0, b, 0));
        Thread.sleep(300);
        long started = System.nanoTime();
        Response aIntoB = merge("director", b, 0, a, 0);
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        bIntoA.get(30, TimeUnit.SECONDS).isJson(200);
        assertThat(aIntoB.isProblem(409).detail()).contains("уже объединена");
        assertThat(waitedMillis).as("the second merge waited for the first one's locks").isGreaterThan(300);
        assertThat(contactsAt(a)).isEqualTo(2);
        assertThat(contactsAt(b)).isZero();
        assertThat(mergedLines(a)).containsExactly("mergedFrom=" + b);
        assertThat(mergedLines(b)).containsExactly("mergedInto=" + a);
    }

    @Test
    void aPersonOrADossierAddedToTheDuplicateDuringTheMergeWaitsAndIsRefusedNotLost() throws Exception {
        String survivor = register("manager1", organisation(ApiClient.unique("Пока"), "773601001"));
        String duplicate = register("manager1", organisation(ApiClient.unique("Пока"), "773601001"));
        probe.arm(duplicate, MergeProbe.Behaviour.PAUSE);

        CompletableFuture<Response> merging = CompletableFuture.supplyAsync(() -> merge("head", survivor, 0, duplicate, 0));
        Thread.sleep(300);
        Response person = api.as("manager1").post(COMPANIES + "/" + duplicate + "/contacts",
                Map.of("fullName", "Опоздавший Олег"));
        Response dossier = api.as("manager1").put(COMPANIES + "/" + duplicate + "/dossier",
                Map.of("needs", "Запоздалые потребности", "version", 0));

        merging.get(30, TimeUnit.SECONDS).isJson(200);
        person.isProblem(404);
        dossier.isProblem(404);
        assertThat(contactsAt(duplicate)).isZero();
        assertThat(jdbc.sql("select count(*) from company_dossier where company_id = cast(:id as uuid)")
                .param("id", duplicate).query(Long.class).single()).isZero();
    }

    @Test
    void theSameMergeSentTwiceAtOnceSucceedsOnce() throws Exception {
        String a = register("manager1", organisation(ApiClient.unique("Дубль"), "773601001"));
        String b = register("manager1", organisation(ApiClient.unique("Дубль"), "773601001"));
        addContact("manager1", b, "Васильев Василий");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String survivor = i % 2 == 0 ? a : b;
                String duplicate = i % 2 == 0 ? b : a;
                calls.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return merge("head", survivor, 0, duplicate, 0);
                }, pool));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Response> call : calls) {
                statuses.add(call.get(30, TimeUnit.SECONDS).status());
            }

            assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(contactsAt(a) + contactsAt(b)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from company where id in (cast(:a as uuid), cast(:b as uuid)) "
                + "and merged_into is not null").param("a", a).param("b", b).query(Long.class).single()).isOne();
        assertThat(mergedLines(a).size() + mergedLines(b).size()).isEqualTo(2);
    }

    @Test
    void aListenerOfTheEventWritesInTheMergesOwnTransaction() {
        String survivor = register("manager1", organisation(ApiClient.unique("Слушатель"), "773601001"));
        String duplicate = register("manager1", organisation(ApiClient.unique("Слушатель"), "773601001"));
        probe.arm(duplicate, MergeProbe.Behaviour.WRITE);

        merge("head", survivor, 0, duplicate, 0).isJson(200);

        List<Long> probeTransaction = jdbc.sql("select transaction_id from audit_log "
                        + "where entity_type = :probe and entity_id = :id")
                .param("probe", MergeProbe.PROBE).param("id", duplicate).query(Long.class).list();
        List<Long> mergeTransaction = jdbc.sql("select distinct transaction_id from audit_log "
                        + "where entity_type = 'Company' and entity_id = :id and action = 'MERGED'")
                .param("id", duplicate).query(Long.class).list();
        assertThat(probeTransaction).hasSize(1).isEqualTo(mergeTransaction);
    }

    @Test
    void aListenerThatFailsRollsTheWholeMergeBack() {
        Map<String, Object> main = organisation(ApiClient.unique("Откат"), "773601001");
        String survivor = register("manager1", main);
        Map<String, Object> twin = organisation(ApiClient.unique("Откат"), "773601001");
        twin.put("tags", List.of("тендеры"));
        String duplicate = register("manager1", twin);
        addContact("manager1", duplicate, "Григорьев Григорий");
        writeDossier("manager1", duplicate, Map.of("needs", "Витрины", "version", 0));
        probe.arm(duplicate, MergeProbe.Behaviour.FAIL);

        merge("head", survivor, 0, duplicate, 0).isProblem(500);

        assertUntouched(survivor, duplicate);
        assertThat(contactsAt(duplicate)).isEqualTo(1);
        assertThat(api.as("manager1").get(COMPANIES + "/" + survivor).json().path("tags").size()).isZero();
        assertThat(api.as("manager1").get(COMPANIES + "/" + duplicate + "/dossier").json().path("needs").asString())
                .isEqualTo("Витрины");
        assertThat(api.as("manager1").get(COMPANIES + "/" + survivor + "/dossier").json().path("version").asLong())
                .isZero();
        merge("head", survivor, 0, duplicate, 0).isJson(200);
    }

    private void assertUntouched(String survivor, String duplicate) {
        JsonNode kept = api.as("director").get(COMPANIES + "/" + survivor).isJson(200).json();
        JsonNode live = api.as("director").get(COMPANIES + "/" + duplicate).isJson(200).json();
        assertThat(kept.path("version").asLong()).isZero();
        assertThat(live.path("version").asLong()).isZero();
        assertThat(live.path("archived").asBoolean()).isFalse();
        assertThat(live.has("mergedInto")).isFalse();
        assertThat(mergedLines(survivor)).isEmpty();
        assertThat(mergedLines(duplicate)).isEmpty();
    }

    private Response merge(String user, String survivor, long survivorVersion, String duplicate,
            long duplicateVersion) {
        return api.as(user).post(COMPANIES + "/" + survivor + "/merge", Map.of("duplicateId", duplicate,
                "survivorVersion", survivorVersion, "duplicateVersion", duplicateVersion));
    }

    private List<String> mergedLines(String company) {
        return jdbc.sql("select field || '=' || new_value from audit_log where entity_type = 'Company' "
                        + "and entity_id = :id and action = 'MERGED' order by id")
                .param("id", company).query(String.class).list();
    }

    private long contactsAt(String company) {
        return jdbc.sql("select count(*) from contact where company_id = cast(:id as uuid)")
                .param("id", company).query(Long.class).single();
    }

    private String register(String user, Map<String, Object> company) {
        return api.as(user).post(COMPANIES, company).isJson(201).id();
    }

    private String addContact(String user, String company, String fullName) {
        return api.as(user).post(COMPANIES + "/" + company + "/contacts", Map.of("fullName", fullName)).isJson(201)
                .id();
    }

    private void writeDossier(String user, String company, Map<String, Object> dossier) {
        api.as(user).put(COMPANIES + "/" + company + "/dossier", dossier).isJson(200);
    }

    static Map<String, Object> organisation(String name, String kpp) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", name);
        company.put("legalForm", "OOO");
        company.put("inn", CompanyNumbers.organisationInn());
        company.put("kpp", kpp);
        company.put("ogrn", CompanyNumbers.ogrn());
        return company;
    }

    /** Another registration of the same INN: a branch, with its own KPP. */
    static Map<String, Object> sameInn(Map<String, Object> company, String name, String kpp) {
        Map<String, Object> branch = organisation(name, kpp);
        branch.put("inn", company.get("inn"));
        return branch;
    }

    private static List<String> ids(JsonNode node) {
        List<String> ids = new ArrayList<>();
        (node.has("content") ? node.path("content") : node).forEach(entry -> ids.add(
                entry.has("company") ? entry.path("company").path("id").asString() : entry.path("id").asString()));
        return ids;
    }

    private static String randomId() {
        return java.util.UUID.randomUUID().toString();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
