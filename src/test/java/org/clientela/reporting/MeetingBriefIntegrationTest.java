package org.clientela.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.TestClock;
import org.clientela.WebSession;
import org.clientela.clients.CompanyNumbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The meeting brief (page and PDF) on 15 June 2094, a year no other test uses, of a client of
 * manager1 built for it: sales in two assortment groups written straight into {@code sales_fact}
 * (the brief reads only that table), orders straight into {@code sales_order}, invoices and the
 * credit limit entered by the credit controller, a meeting planned on 10 June and done on the 11th,
 * an early warning. Each figure worked out by hand beside the part that makes it.
 */
@IntegrationTest
class MeetingBriefIntegrationTest {

    private static final LocalDate PLANNING_DAY = LocalDate.of(2094, 6, 10);
    private static final LocalDate TODAY = LocalDate.of(2094, 6, 15);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void moveTo(LocalDate day) {
        clock.moveForward(Duration.between(clock.instant(), day.atTime(12, 0).atZone(clock.getZone()).toInstant()));
    }

    /** The client's world; answers its id. The clock stands on 15 June 2094 afterwards. */
    private String world(String name) {
        moveTo(PLANNING_DAY);
        String company = company("manager1", name);

        // 10 days to the decision maker's birthday: marked; the influencer's is months away
        contact(company, "Яковлева Анна Сергеевна", "DECISION_MAKER", "1980-06-25", "+7 495 111-22-33");
        contact(company, "Андреев Борис Петрович", "INFLUENCER", "1975-11-02", "+7 495 444-55-66");
        api.as("manager1").put("/api/v1/companies/" + company + "/dossier", Map.of("needs",
                "Стеклопакеты для жилого комплекса\nСроки поставки до двух недель\nДоставка на объект\n"
                        + "Четвёртая строка не видна", "staffSize", 120, "version", 0)).isJson(200);

        // the last 12 whole months are June 2093 – May 2094, the 12 before them June 2092 – May 2093:
        // Фасады 60 000 + 40 000 = 100 000 (cost 70 000) against 80 000 (cost 60 000): +25 %;
        // Двери 30 000 against 40 000: −25 %; total 130 000 against 120 000: +8,3 %;
        // June 2094 (this month) and May 2092 (before both) count in neither
        UUID facades = group("Фасады брифа");
        UUID doors = group("Двери брифа");
        sale(company, facades, "2094-02", "60000.00", "42000.00");
        sale(company, facades, "2093-10", "40000.00", "28000.00");
        sale(company, facades, "2093-02", "80000.00", "60000.00");
        sale(company, facades, "2094-06", "5000.00", "0.00");
        sale(company, doors, "2094-05", "30000.00", "0.00");
        sale(company, doors, "2092-06", "40000.00", "0.00");
        sale(company, doors, "2092-05", "1000.00", "0.00");

        // in production, not invoiced: 3 000 + VAT 600 = 3 600, part of the exposure; a closed one is not shown
        order(company, "БР-" + name.hashCode(), "IN_PRODUCTION", "3000.00", "600.00");
        order(company, "БРЗ-" + name.hashCode(), "CLOSED", "1000.00", "200.00");

        // owed 50 000 due 1 May (45 days overdue on 15 June) and 10 000 due 10 July; limit 200 000:
        // exposure 60 000 + 3 600 = 63 600, left 136 400
        invoice(company, "2094-04-01", "2094-05-01", "50000.00");
        invoice(company, "2094-06-10", "2094-07-10", "10000.00");
        long creditVersion = api.as("credit").get("/api/v1/companies/" + company + "/credit").isJson(200).json()
                .path("version").asLong();
        api.as("credit").put("/api/v1/companies/" + company + "/credit-limit", Map.of("amount", "200000.00",
                "paymentTermsDays", 30, "reason", "Справка к встрече", "version", creditVersion)).isJson(200);

        String meeting = api.as("manager1").post("/api/v1/activities", Map.of("companyId", company, "type", "MEETING",
                "subject", "Обсуждение поставок фасадов", "plannedStart", "2094-06-11T10:00:00+03:00",
                "plannedEnd", "2094-06-11T11:00:00+03:00")).isJson(201).id();

        moveTo(TODAY);
        Map<String, Object> nextStep = new LinkedHashMap<>();
        nextStep.put("subject", "Согласовать пробную партию");
        nextStep.put("plannedStart", "2094-06-20T10:00:00+03:00");
        api.as("manager1").post("/api/v1/activities/" + meeting + "/outcome", Map.of(
                "actualStart", "2094-06-11T10:05:00+03:00", "outcome", "Договорились о пробной поставке фасадов",
                "nextStep", nextStep, "version", 0)).isJson(200);

        warning(company, "OPEN", "{\"daysOverdue\": 45, \"lastContactDate\": \"2094-04-01\", \"cadenceDays\": 30}");
        return company;
    }

    @Test
    void theBriefShowsEachPartWithItsFigures() {
        String name = ApiClient.unique("Справочный клиент");
        String company = world(name);
        String page = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD)
                .get("/companies/" + company + "/brief").body();

        assertThat(part(page, "brief-header")).contains(name, "Действующий");

        String contacts = part(page, "brief-contacts");
        assertThat(contacts.indexOf("Яковлева Анна Сергеевна")).isLessThan(contacts.indexOf("Андреев Борис Петрович"));
        assertThat(contacts).contains("Принимает решение", "+7 495 111-22-33", "день рождения 25.06.2094");
        assertThat(contacts).containsOnlyOnce("brief-birthday");

        assertThat(part(page, "brief-dossier")).contains("Стеклопакеты для жилого комплекса", "Доставка на объект")
                .doesNotContain("Четвёртая строка");

        assertThat(row(page, "Фасады брифа")).contains(rub("100 000,00"), rub("80 000,00"), "+25 %");
        assertThat(row(page, "Двери брифа")).contains(rub("30 000,00"), rub("40 000,00"), "-25 %");
        assertThat(row(page, "total")).contains(rub("130 000,00"), rub("120 000,00"), "+8,3 %");

        String orders = part(page, "brief-orders");
        assertThat(orders).contains("БР-" + name.hashCode(), "В производстве", rub("3 600,00"))
                .doesNotContain("БРЗ-" + name.hashCode());

        String debt = part(page, "brief-debt");
        assertThat(debt).contains(rub("60 000,00"), rub("50 000,00"), "старейшая просрочка — 45 дн.",
                rub("200 000,00"), rub("136 400,00"));

        String activities = part(page, "brief-activities");
        assertThat(activities).contains("Договорились о пробной поставке фасадов", "Согласовать пробную партию",
                "20.06.2094 10:00");

        assertThat(part(page, "brief-warnings")).contains("Нет контакта в срок",
                "Контакт просрочен на 45 дн.: последний — 01.04.2094, периодичность — раз в 30 дн.");
        assertThat(page).doesNotContain("id=\"brief-plan\"");
    }

    @Test
    void marginsShowOnlyToThoseWhoMaySeeThem() {
        String company = world(ApiClient.unique("Маржинальный клиент"));

        String head = WebSession.loggedIn(port, "head", ApiClient.DEMO_PASSWORD).get("/companies/" + company + "/brief")
                .body();
        // Фасады: 100 000 − 70 000 = 30 000 against 80 000 − 60 000 = 20 000
        assertThat(row(head, "Фасады брифа")).contains("brief-margin", rub("30 000,00"), rub("20 000,00"));

        String manager = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD)
                .get("/companies/" + company + "/brief").body();
        assertThat(part(manager, "brief-sales")).doesNotContain("brief-margin", "Маржа");
        assertThat(row(manager, "Фасады брифа")).doesNotContain(rub("30 000,00"), rub("20 000,00"));
    }

    @Test
    void anotherManagersClientIsNotFoundAndThePdfCarriesTheNameInCyrillic() throws IOException {
        String name = ApiClient.unique("Клиент для печати");
        String company = world(name);

        WebSession manager2 = WebSession.loggedIn(port, "manager2", ApiClient.DEMO_PASSWORD);
        assertThat(manager2.get("/companies/" + company + "/brief").statusCode()).isEqualTo(404);
        assertThat(manager2.download("/companies/" + company + "/brief.pdf").statusCode()).isEqualTo(404);

        HttpResponse<byte[]> pdf = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD)
                .download("/companies/" + company + "/brief.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(name, "СПРАВКА К ВСТРЕЧЕ", "Яковлева Анна Сергеевна", "+25 %");
        }
    }

    @Test
    void aKeyAccountShowsItsKamAndTheOpenActionsOfThisYearsPlan() {
        String company = world(ApiClient.unique("Ключевой справочный"));
        api.as("head").put("/api/v1/companies/" + company + "/key-account", Map.of("key", true,
                "reason", "Крупный застройщик", "kamId", user("kam"), "version", 0)).isJson(200);
        String plan = api.as("manager1").post("/api/v1/account-plans", Map.of("companyId", company, "year", 2094,
                "revenueGoal", 500000)).isJson(201).id();
        // on 15 June the one due 1 June is overdue, the one due 1 September is not
        api.as("kam").post("/api/v1/account-plans/" + plan + "/actions", Map.of("title", "Презентация фасадных систем",
                "ownerId", user("kam"), "deadline", "2094-06-01")).isJson(201);
        api.as("kam").post("/api/v1/account-plans/" + plan + "/actions", Map.of("title", "Подписать рамочный договор",
                "ownerId", user("manager1"), "deadline", "2094-09-01")).isJson(201);

        String page = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD)
                .get("/companies/" + company + "/brief").body();
        assertThat(part(page, "brief-header")).contains("id=\"brief-key-account\"", "КАМ: " + fullName("kam"));
        String actions = part(page, "brief-plan");
        assertThat(actions).contains("href=\"/account-plans/" + plan + "\"", "Презентация фасадных систем",
                "Подписать рамочный договор", "01.09.2094");
        assertThat(actions).containsOnlyOnce("просрочено");
        assertThat(actions.indexOf("Презентация фасадных систем")).isLessThan(actions.indexOf("просрочено"))
                .isLessThan(actions.indexOf("Подписать рамочный договор"));
    }

    @Test
    void theCompanyPageAndTheAgendaLeadToTheBrief() {
        String company = company("manager1", ApiClient.unique("Клиент со ссылкой"));
        LocalDateTime tomorrow = LocalDateTime.now(clock).plusDays(1);
        api.as("manager1").post("/api/v1/activities", Map.of("companyId", company, "type", "CALL",
                "subject", "Звонок перед встречей",
                "plannedStart", tomorrow.atZone(clock.getZone()).toOffsetDateTime().toString(),
                "plannedEnd", tomorrow.plusMinutes(15).atZone(clock.getZone()).toOffsetDateTime().toString()))
                .isJson(201);
        WebSession manager1 = WebSession.loggedIn(port, "manager1", ApiClient.DEMO_PASSWORD);
        String link = "href=\"/companies/" + company + "/brief\"";
        assertThat(manager1.get("/companies/" + company).body()).contains("id=\"company-brief\"", link);
        assertThat(manager1.get("/activities").body()).contains(link);
    }

    // --- the world's parts --------------------------------------------------------------------------

    private String company(String owner, String name) {
        return api.as(owner).post("/api/v1/companies", Map.of("name", name, "legalForm", "OOO", "inn",
                CompanyNumbers.organisationInn(), "kpp", "773601001", "status", "ACTIVE")).isJson(201).id();
    }

    private UUID user(String username) {
        return jdbc.sql("select id from app_user where username = :name").param("name", username).query(UUID.class)
                .single();
    }

    private String fullName(String username) {
        return jdbc.sql("select full_name from app_user where username = :name").param("name", username)
                .query(String.class).single();
    }

    private void contact(String company, String fullName, String role, String birthday, String phone) {
        api.as("manager1").post("/api/v1/companies/" + company + "/contacts", Map.of("fullName", fullName,
                "decisionRole", role, "birthday", birthday, "phones", List.of(phone))).isJson(201);
    }

    private UUID group(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into assortment_group (id, name) values (:id, :name)").param("id", id)
                .param("name", ApiClient.unique(name)).update();
        return id;
    }

    private void sale(String company, UUID group, String month, String revenue, String cost) {
        jdbc.sql("""
                        insert into sales_fact (company_id, group_id, month, revenue, cost, quantity, order_count)
                        values (:company, :group, :month, :revenue, :cost, 1, 1)""")
                .param("company", UUID.fromString(company)).param("group", group)
                .param("month", YearMonth.parse(month).atDay(1)).param("revenue", new BigDecimal(revenue))
                .param("cost", new BigDecimal(cost)).update();
    }

    private void order(String company, String number, String status, String withoutVat, String vat) {
        jdbc.sql("""
                        insert into sales_order (id, number, company_id, status, order_date, vat_rate,
                            total_without_vat, vat_amount, total_with_vat, version)
                        values (:id, :number, :company, :status, :date, 20, :net, :vat, :net + :vat, 0)""")
                .param("id", UUID.randomUUID()).param("number", number).param("company", UUID.fromString(company))
                .param("status", status).param("date", PLANNING_DAY).param("net", new BigDecimal(withoutVat))
                .param("vat", new BigDecimal(vat)).update();
    }

    private void invoice(String company, String issued, String due, String amount) {
        api.as("credit").post("/api/v1/invoices", Map.of("companyId", company, "number", ApiClient.unique("СПР"),
                "issueDate", issued, "dueDate", due, "amount", amount, "vatAmount", "0.00")).isJson(201);
    }

    private void warning(String company, String status, String evidence) {
        jdbc.sql("""
                        insert into early_warning (id, company_id, kind, status, detected_on, refreshed_on, evidence)
                        values (:id, :company, 'NO_CONTACT', :status, :day, :day, cast(:evidence as jsonb))""")
                .param("id", UUID.randomUUID()).param("company", UUID.fromString(company)).param("status", status)
                .param("day", TODAY.minusDays(1)).param("evidence", evidence).update();
    }

    // --- reading the page ---------------------------------------------------------------------------

    /** An amount as the page shows it: no-break spaces between the thousands and before the sign. */
    private static String rub(String amount) {
        return amount.replace(' ', '\u00A0') + "\u00A0₽";
    }

    private static String part(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("part " + id).isNotNegative();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }

    /** The sales table's row of the group whose name begins with {@code group} (or the total's). */
    private static String row(String page, String group) {
        Matcher row = Pattern.compile("<tr[^>]*data-group=\"" + Pattern.quote(group) + "[^\"]*\"[^>]*>(.*?)</tr>",
                Pattern.DOTALL).matcher(page);
        assertThat(row.find()).as("row " + group).isTrue();
        return row.group(1);
    }
}
