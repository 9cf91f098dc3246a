package org.clientela.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clientela.orders.OrderWorld.ORDERS;
import static org.clientela.orders.OrderWorld.glassLine;
import static org.clientela.orders.OrderWorld.line;
import static org.clientela.orders.OrderWorld.order;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * An order's work plan (A5) through the API and the order page: the proposed plan, saving it, the
 * rules of dates, visibility, status and versions, and the client told of steps done and problems.
 */
@IntegrationTest
class WorkPlanIntegrationTest {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenMail greenMail;
    @Autowired
    Clock clock;

    ApiClient api;
    OrderWorld world;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        world = new OrderWorld(api);
    }

    /** A confirmed order of manager1's client, taken by the head {@code daysAgo} days back. */
    private String confirmedOrder(String contactEmail, Map<String, Object> line, int daysAgo) {
        String company = world.company("manager1");
        world.limit(company, "1000000.00", 30);
        Map<String, Object> request = order(company, line);
        if (contactEmail != null) {
            request.put("contactId", world.contact("manager1", company, contactEmail));
        }
        request.put("orderDate", today().minusDays(daysAgo).toString());
        String id = api.as("head").post(ORDERS, request).isJson(201).id();
        api.as("manager1").post(ORDERS + "/" + id + "/confirm", Map.of()).isJson(200);
        return id;
    }

    private Map<String, Object> pieceLine() {
        return line(world.piece(OrderWorld.SERVICES, "500.00", null), 1);
    }

    private static Map<String, Object> step(String id, String title, LocalDate due, boolean inform) {
        Map<String, Object> step = new LinkedHashMap<>();
        if (id != null) {
            step.put("id", id);
        }
        step.put("title", title);
        step.put("dueDate", due == null ? null : due.toString());
        step.put("informClient", inform);
        return step;
    }

    private static Map<String, Object> plan(long version, List<Map<String, Object>> steps) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("version", version);
        plan.put("steps", steps);
        return plan;
    }

    /** Today in the department's zone, as the application counts it. */
    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String plansOf(String id) {
        return ORDERS + "/" + id + "/work-plan";
    }

    /** The mails of a test's own domain once {@code count} have come (they are sent after the commit). */
    private MimeMessage[] mailsTo(String domain, int count) throws InterruptedException {
        for (int i = 0; i < 100 && greenMail.getReceivedMessagesForDomain(domain).length < count; i++) {
            Thread.sleep(50);
        }
        return greenMail.getReceivedMessagesForDomain(domain);
    }

    @Test
    void aDraftHasNoPlanAndAConfirmedOrderIsProposedTheConfiguredSteps() {
        String company = world.company("manager1");
        world.limit(company, "1000000.00", 30);
        String glass = world.glassUnit("2000.00", null);
        String draft = api.as("manager1").post(ORDERS, order(company, glassLine(glass, 2, "1.2", "1.5", null)))
                .isJson(201).id();

        String refusal = api.as("manager1").get(plansOf(draft)).isProblem(409).detail();
        assertThat(refusal).contains("План работ ведут по подтверждённому заказу").contains("«Черновик»");
        api.as("manager1").put(plansOf(draft), plan(0, List.of(step(null, "Раскрой", today(), false))))
                .isProblem(409);
        assertThat(jdbc.sql("select count(*) from order_work_plan where order_id = cast(:id as uuid)")
                .param("id", draft).query(Long.class).single()).isZero();

        api.as("manager1").post(ORDERS + "/" + draft + "/confirm", Map.of()).isJson(200);
        JsonNode proposed = api.as("manager1").get(plansOf(draft)).isJson(200).json();
        assertThat(proposed.path("saved").asBoolean()).isFalse();
        assertThat(proposed.path("version").asLong()).isZero();
        assertThat(titles(proposed)).containsExactly("Подтверждение заказа", "Раскрой стекла",
                "Сборка стеклопакетов", "Упаковка", "Отгрузка", "Доставка");
        LocalDate previous = today();
        for (JsonNode step : proposed.path("steps")) {
            LocalDate due = LocalDate.parse(step.path("dueDate").asString());
            assertThat(due).isAfter(previous);
            assertThat(due.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
            assertThat(step.path("status").asString()).isEqualTo("PLANNED");
            previous = due;
        }
        assertThat(proposed.path("steps").get(0).path("informClient").asBoolean()).isTrue();
        assertThat(proposed.path("steps").get(1).path("informClient").asBoolean()).isFalse();

        // services only: nothing to cut or assemble
        String services = confirmedOrder(null, pieceLine(), 0);
        assertThat(titles(api.as("manager1").get(plansOf(services)).isJson(200).json()))
                .containsExactly("Подтверждение заказа", "Упаковка", "Отгрузка", "Доставка");
    }

    @Test
    void aPlanIsSavedInItsOrderAndADateBeforeTheOrderIsRefusedAtItsRowWithNothingWritten() {
        String id = confirmedOrder(null, pieceLine(), 10);
        LocalDate orderDate = today().minusDays(10);

        var refused = api.as("manager1").put(plansOf(id), plan(0, List.of(
                step(null, "Подтверждение заказа", orderDate, false),
                step(null, "Упаковка", orderDate.minusDays(1), false),
                step(null, " ", null, false)))).isProblem(400);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("steps[1].dueDate", "steps[2].title",
                "steps[2].dueDate");
        assertThat(refused.body()).contains("Срок не может быть раньше даты заказа (" + orderDate.format(DAY) + ")");
        assertThat(api.as("manager1").get(plansOf(id)).json().path("saved").asBoolean()).isFalse();

        JsonNode saved = api.as("manager1").put(plansOf(id), plan(0, List.of(
                step(null, "Подтверждение заказа", orderDate, true),
                step(null, "Упаковка", today().plusDays(3), false)))).isJson(200).json();
        assertThat(saved.path("saved").asBoolean()).isTrue();
        assertThat(saved.path("version").asLong()).isEqualTo(1);
        // due on the order's day, ten days ago, and not done: late
        assertThat(saved.path("steps").get(0).path("status").asString()).isEqualTo("LATE");
        assertThat(saved.path("steps").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(saved.path("steps").get(1).path("status").asString()).isEqualTo("PLANNED");

        // reordered, one renamed, one added, none removed: the kept step keeps its id
        String first = saved.path("steps").get(0).path("id").asString();
        String second = saved.path("steps").get(1).path("id").asString();
        JsonNode changed = api.as("production").put(plansOf(id), plan(1, List.of(
                step(second, "Упаковка в плёнку", today().plusDays(4), false),
                step(first, "Подтверждение заказа", orderDate, true),
                step(null, "Доставка", today().plusDays(5), true)))).isJson(200).json();
        assertThat(changed.path("version").asLong()).isEqualTo(2);
        assertThat(titles(changed)).containsExactly("Упаковка в плёнку", "Подтверждение заказа", "Доставка");
        assertThat(changed.path("steps").get(0).path("id").asString()).isEqualTo(second);
        assertThat(changed.path("steps").get(2).path("position").asInt()).isEqualTo(3);

        // a stale version, and a plan of steps removed down to one
        api.as("manager1").put(plansOf(id), plan(1, List.of(step(first, "Подтверждение", orderDate, true))))
                .isProblem(409);
        JsonNode one = api.as("manager1").put(plansOf(id), plan(2, List.of(step(first, "Подтверждение заказа",
                orderDate, true)))).isJson(200).json();
        assertThat(titles(one)).containsExactly("Подтверждение заказа");
        assertThat(jdbc.sql("select count(*) from order_work_step where order_id = cast(:id as uuid)")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(*) from audit_log where entity_type = 'SalesOrder' and entity_id = :id
                          and field = 'workPlan'""")
                .param("id", id).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aPlanIsNotFoundByWhoMayNotSeeTheOrderAndNotChangedByTheCreditController() {
        String id = confirmedOrder(null, pieceLine(), 0);
        Map<String, Object> body = plan(0, List.of(step(null, "Упаковка", today(), false)));
        api.as("manager3").get(plansOf(id)).isProblem(404);
        api.as("manager3").put(plansOf(id), body).isProblem(404);
        api.as("manager1").get(ORDERS + "/" + UUID.randomUUID() + "/work-plan").isProblem(404);
        api.as("credit").get(plansOf(id)).isJson(200);
        api.as("credit").put(plansOf(id), body).isProblem(403);
        api.as("manager1").put(plansOf(id), Map.of("steps", List.of(step(null, "Упаковка", today(), false))))
                .isProblem(428);
        String stepId = api.as("manager1").put(plansOf(id), body).isJson(200).json().path("steps").get(0).path("id")
                .asString();
        api.as("manager3").post(plansOf(id) + "/steps/" + stepId + "/done", Map.of()).isProblem(404);
        api.as("manager1").post(plansOf(id) + "/steps/" + UUID.randomUUID() + "/done", Map.of()).isProblem(404);
        api.as("manager1").post(plansOf(id) + "/steps/" + stepId + "/done", Map.of("version", 0)).isProblem(409);
    }

    @Test
    void aStepDoneAndAProblemAreMailedToTheContactFromTheirTemplatesAndLogged() throws Exception {
        String domain = "plan-" + UUID.randomUUID().toString().substring(0, 8) + ".orders.test";
        String id = confirmedOrder("snab@" + domain, pieceLine(), 5);
        JsonNode order = api.as("manager1").get(ORDERS + "/" + id).json();
        String number = order.path("number").asString();
        String companyName = order.path("companyName").asString();
        LocalDate orderDate = today().minusDays(5);
        LocalDate packingDue = today().plusDays(2);
        JsonNode saved = api.as("manager1").put(plansOf(id), plan(0, List.of(
                step(null, "Подтверждение заказа", orderDate.plusDays(1), true),
                step(null, "Упаковка", packingDue, false),
                step(null, "Отгрузка", today().plusDays(3), true)))).isJson(200).json();
        String confirmation = saved.path("steps").get(0).path("id").asString();
        String packing = saved.path("steps").get(1).path("id").asString();

        // a day done before the order's day or in the future is refused, nothing written
        assertThat(api.as("production").post(plansOf(id) + "/steps/" + confirmation + "/done",
                Map.of("date", orderDate.minusDays(1).toString())).isProblem(400).errorFields()).containsExactly("date");
        assertThat(api.as("production").post(plansOf(id) + "/steps/" + confirmation + "/done",
                Map.of("date", today().plusDays(1).toString())).isProblem(400).errorFields())
                .containsExactly("date");
        assertThat(api.as("manager1").get(plansOf(id)).json().path("version").asLong()).isEqualTo(1);

        JsonNode done = api.as("production").post(plansOf(id) + "/steps/" + confirmation + "/done",
                Map.of("date", orderDate.plusDays(1).toString(), "version", 1)).isJson(200).json();
        assertThat(done.path("clientNotice").asString()).isEqualTo("SENT");
        assertThat(done.path("plan").path("version").asLong()).isEqualTo(2);
        JsonNode doneStep = done.path("plan").path("steps").get(0);
        assertThat(doneStep.path("status").asString()).isEqualTo("DONE");
        assertThat(doneStep.path("overdue").asBoolean()).isFalse();
        assertThat(doneStep.path("doneOn").asString()).isEqualTo(orderDate.plusDays(1).toString());
        api.as("production").post(plansOf(id) + "/steps/" + confirmation + "/done", Map.of()).isProblem(409);

        // a step the client is not told of when done
        assertThat(api.as("production").post(plansOf(id) + "/steps/" + packing + "/problem",
                Map.of("text", " ")).isProblem(400).errorFields()).containsExactly("text");
        JsonNode problem = api.as("production").post(plansOf(id) + "/steps/" + packing + "/problem",
                Map.of("text", "Задерживается плёнка для упаковки, упакуем на день позже")).isJson(200).json();
        assertThat(problem.path("clientNotice").asString()).isEqualTo("SENT");
        assertThat(problem.path("plan").path("steps").get(1).path("status").asString()).isEqualTo("PROBLEM");
        JsonNode quiet = api.as("production").post(plansOf(id) + "/steps/" + packing + "/problem",
                Map.of("text", "Плёнку привезли", "notifyClient", false)).isJson(200).json();
        assertThat(quiet.path("clientNotice").asString()).isEqualTo("NOT_REQUESTED");

        MimeMessage[] mails = mailsTo(domain, 2);
        assertThat(mails).hasSize(2);
        assertThat(mails[0].getSubject()).isEqualTo("Заказ " + number + ": выполнен этап «Подтверждение заказа»");
        assertThat(mails[0].getContent().toString())
                .contains("По вашему заказу " + number + " (" + companyName + ") "
                        + orderDate.plusDays(1).format(DAY) + " выполнен этап «Подтверждение заказа».")
                .contains("Следующий этап — «Упаковка», срок — " + packingDue.format(DAY) + ".");
        assertThat(mails[1].getSubject()).isEqualTo("Заказ " + number + ": важная информация об этапе «Упаковка»");
        assertThat(mails[1].getContent().toString())
                .contains("на этапе «Упаковка» (срок — " + packingDue.format(DAY) + ") возникла сложность:")
                .contains("Задерживается плёнка для упаковки, упакуем на день позже");

        assertThat(jdbc.sql("""
                        select recipient || ' ' || status from mail_message
                        where about_type = 'OrderWorkPlan' and about_id = cast(:id as uuid) order by created_at""")
                .param("id", id).query(String.class).list())
                .containsExactly("snab@" + domain + " SENT", "snab@" + domain + " SENT");

        String page = WebSession.loggedIn(port, "manager1", "demo").get("/orders/" + id).body();
        assertThat(page).contains("id=\"work-plan\"").contains("План работ").contains("Упаковка")
                .contains("Заказ " + number + ": выполнен этап «Подтверждение заказа»").contains("snab@" + domain)
                .contains("Плёнку привезли");
    }

    @Test
    void withoutAContactAddressTheStepIsSavedAndThePageSaysTheClientWasNotInformed() {
        String id = confirmedOrder(null, pieceLine(), 0);
        String stepId = api.as("manager1").put(plansOf(id), plan(0, List.of(
                step(null, "Отгрузка", today().plusDays(1), true)))).isJson(200).json()
                .path("steps").get(0).path("id").asString();
        WebSession session = WebSession.loggedIn(port, "production", "demo");
        HttpResponse<String> card = session.submit("/orders/" + id,
                "/orders/" + id + "/work-plan/steps/" + stepId + "/done", Map.of("date", "", "version", "1"),
                "HX-Request", "true");
        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.body()).contains("id=\"work-plan\"")
                .contains("проинформировать клиента не удалось: у контактного лица заказа нет адреса")
                .contains(">Выполнен<");
        assertThat(jdbc.sql("select status from order_work_step where id = cast(:id as uuid)").param("id", stepId)
                .query(String.class).single()).isEqualTo("DONE");
        assertThat(jdbc.sql("select count(*) from mail_message where about_id = cast(:id as uuid)").param("id", id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void thePlanIsEditedOnThePageWithAWrongDateShownAtItsRow() {
        String id = confirmedOrder(null, pieceLine(), 3);
        WebSession session = WebSession.loggedIn(port, "manager1", "demo");
        String form = session.get("/orders/" + id + "/work-plan/edit").body();
        assertThat(form).contains("id=\"work-plan-form\"").contains("value=\"Подтверждение заказа\"");

        LocalDate early = today().minusDays(4);
        List<String> rows = new ArrayList<>();
        rows.add("key=&position=2&title=" + enc("Упаковка") + "&dueDate=" + today().plusDays(2));
        rows.add("key=&position=1&title=" + enc("Подтверждение заказа") + "&dueDate=" + early + "&inform=1");
        rows.add("key=&position=&title=&dueDate=");
        String body = "version=0&" + String.join("&", rows) + "&_csrf="
                + WebSession.csrfToken(session.get("/orders/" + id).body());
        HttpResponse<String> refused = session.post("/orders/" + id + "/work-plan", body);
        assertThat(refused.body()).contains("id=\"work-plan-form\"")
                .contains("Срок не может быть раньше даты заказа");
        assertThat(api.as("manager1").get(plansOf(id)).json().path("saved").asBoolean()).isFalse();

        String good = body.replace("dueDate=" + early, "dueDate=" + today());
        HttpResponse<String> saved = session.post("/orders/" + id + "/work-plan", good);
        assertThat(saved.statusCode()).isEqualTo(302);
        JsonNode plan = api.as("manager1").get(plansOf(id)).json();
        // ordered by the numbers typed; the second row's box ticked
        assertThat(titles(plan)).containsExactly("Подтверждение заказа", "Упаковка");
        assertThat(plan.path("steps").get(0).path("informClient").asBoolean()).isTrue();
        assertThat(plan.path("steps").get(1).path("informClient").asBoolean()).isFalse();
        assertThat(session.get("/orders/" + id).body()).contains("План работ сохранён.");
    }

    @Test
    void theDemoHasPlansWithStepsDoneAndOneFallenBehind() {
        // the demo's plans are the ones nobody created
        assertThat(jdbc.sql("""
                        select count(*) from order_work_step s join order_work_plan p using (order_id)
                        where p.created_by is null and s.status = 'DONE'""").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("""
                        select count(*) from order_work_step s join order_work_plan p using (order_id)
                        where p.created_by is null and s.status = 'PLANNED' and s.due_date < current_date""")
                .query(Long.class).single()).isPositive();
    }

    private static List<String> titles(JsonNode plan) {
        List<String> titles = new ArrayList<>();
        plan.path("steps").forEach(step -> titles.add(step.path("title").asString()));
        return titles;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
