package org.clientela.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The credit section of the company page, its form, the credit list and the start page panel, as a browser gets them. */
@IntegrationTest
class CreditWebIntegrationTest {

    private static final String NBSP = "\u00a0";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    ApiClient api;
    CreditTestData data;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        data = new CreditTestData(api, jdbc);
        today = LocalDate.now(clock);
    }

    @Test
    void theSectionShowsTermsUtilisationScoreAndHistoryToTheOwnerWithoutTheForm() {
        UUID company = data.company("manager1", "Раздел кредита");
        data.limit(company, "200000", 30);
        data.invoice(company, "190000.00", today.minusDays(40), today.minusDays(10));
        WebSession manager = session("manager1");

        assertThat(manager.get("/companies/" + company).body()).contains("/companies/" + company + "/credit");
        String section = manager.get("/companies/" + company + "/credit").body();

        assertThat(section).contains("id=\"company-credit\"", "200" + NBSP + "000,00" + NBSP + "₽",
                "отсрочка 30 дн.", "190" + NBSP + "000,00" + NBSP + "₽", "есть просроченные счета",
                "Использовано 95 % лимита", "bg-warning", "width: 95.0%", "Тестовый лимит", "Васильева Ольга Николаевна")
                .doesNotContain("id=\"credit-form\"", "data-fill-target");
        // one invoice, 10 days overdue: nothing paid yet, 1 month of history, −15 → 0 points
        assertThat(section).contains("id=\"credit-score\">0<", "Почему такая оценка", "Просрочено сейчас", "10 дн.",
                "пока нечего оценить");
        assertThat(session("manager3").get("/companies/" + company + "/credit").statusCode()).isEqualTo(404);
    }

    @Test
    void theFormChangesTheLimitWithAReasonAndSaysWhatIsWrongAtTheFields() {
        UUID company = data.company("manager1", "Форма лимита");
        WebSession credit = session("credit");
        String page = "/companies/" + company;
        String action = page + "/credit";
        assertThat(credit.get(action).body()).contains("id=\"credit-form\"", "Лимит ещё не устанавливали");

        HttpResponse<String> refused = credit.submit(page, action, form("-5", "400", " ", "0"), "HX-Request", "true");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("data-field=\"amount\"", "Лимит не может быть отрицательным.",
                "data-field=\"paymentTermsDays\"", "Отсрочка — от 0 (предоплата) до 365 дней.", "data-field=\"reason\"",
                "Укажите причину изменения лимита").doesNotContain("credit-saved");
        assertThat(credit.submit(page, action, form("1 000,555", "abc", "Причина", "0"), "HX-Request", "true").body())
                .contains("«1 000,555» — не сумма в рублях", "data-field=\"paymentTermsDays\"");
        assertThat(limit(company)).isNull();

        HttpResponse<String> saved = credit.submit(page, action, form("1 250 000,50", "45", "Новый договор", "0"),
                "HX-Request", "true");
        assertThat(saved.body()).contains("id=\"credit-saved\"", "1" + NBSP + "250" + NBSP + "000,50" + NBSP + "₽",
                "отсрочка 45 дн.", "Новый договор", "name=\"version\" value=\"1\"");
        assertThat(limit(company)).isEqualByComparingTo("1250000.50");

        // the same form sent again, on the version it was filled from, is stale: said above the form
        HttpResponse<String> stale = credit.submit(page, action, form("900000", "45", "Старая вкладка", "0"),
                "HX-Request", "true");
        assertThat(stale.body()).contains("id=\"credit-form-errors\"", "Запись уже изменил кто-то другой", "credit-reload");
        assertThat(limit(company)).isEqualByComparingTo("1250000.50");

        // without htmx, back to the company page once saved
        HttpResponse<String> plain = credit.submit(page, action, form("1000000", "30", "Без скриптов", "1"));
        assertThat(plain.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(plain)).isEqualTo(page);
        assertThat(limit(company)).isEqualByComparingTo("1000000");
    }

    @Test
    void onlyThoseWhoSetLimitsGetTheFormAndNobodyLearnsOfAHiddenCompany() {
        UUID company = data.company("manager1", "Чужой лимит");
        String action = "/companies/" + company + "/credit";

        assertThat(session("manager1").submit("/companies/" + company, action, form("100", "0", "Хочу", "0"))
                .statusCode()).isEqualTo(403);
        assertThat(session("manager3").submit("/credit", action, form("100", "0", "Хочу", "0")).statusCode())
                .isEqualTo(404);
        assertThat(session("head").get(action).body()).contains("id=\"credit-form\"");
        assertThat(session("director").get(action).body()).contains("id=\"credit-form\"");
        assertThat(session("admin").get(action).body()).doesNotContain("id=\"credit-form\"");
        assertThat(limit(company)).isNull();
    }

    /**
     * Four invoices of 60 000 ₽ paid on their due dates, one not yet due: in time 3 of 3 (20 + 20),
     * 0 days late (12 + 8), 4 months of history (4), 4 invoices (4): 68, B. 240 000 ₽ over 5 begun
     * months is 48 000 ₽ a month × 1.5 = 72 000 ₽, down to 70 000 ₽.
     */
    @Test
    void theProposedLimitFillsTheFormInOneClick() {
        UUID company = data.company("manager1", "Предложение");
        for (int k = 0; k < 4; k++) {
            LocalDate issued = today.minusDays(10L + 40L * k);
            CreditTestData.Invoice invoice = data.invoice(company, "60000.00", issued, issued.plusDays(20));
            if (k > 0) {
                invoice.paidOn(issued.plusDays(20));
            }
        }

        String section = session("credit").get("/companies/" + company + "/credit").body();

        assertThat(section).contains("id=\"credit-score\">68<", "credit-grade-B", "70" + NBSP + "000,00" + NBSP + "₽",
                "в среднем 48" + NBSP + "000,00" + NBSP + "₽ в месяц × 1,5",
                "data-fill-target=\"#credit-amount\"", "data-fill-value=\"70000\"", "20 из 20", "4 мес.");
    }

    @Test
    void theCreditListAndTheStartPagePanelShowTheClientsOverTheirLimit() {
        UUID mine = data.company("manager1", "Мой сверх лимита");
        UUID colleagues = data.company("manager2", "Коллеги сверх лимита");
        for (UUID company : new UUID[] {mine, colleagues}) {
            data.limit(company, "10000", 0);
            data.invoice(company, "99999000.00", today, today);
        }

        String list = session("manager1").get("/credit?filter=OVER_LIMIT&sort=utilisation&dir=desc").body();
        assertThat(list).contains("Кредит клиентов", "/companies/" + mine, "bg-danger", "Сверх лимита на 99"
                + NBSP + "989" + NBSP + "000,00" + NBSP + "₽").doesNotContain("/companies/" + colleagues);
        assertThat(session("manager1").get("/credit?filter=OVER_LIMIT", "HX-Request", "true").body())
                .contains("id=\"credit-results\"").doesNotContain("<nav class=\"navbar");

        assertThat(session("manager1").get("/").body()).contains("/credit/over-limit", "Клиенты сверх лимита");
        assertThat(session("admin").get("/").body()).doesNotContain("/credit/over-limit");
        String panel = session("manager1").get("/credit/over-limit").body();
        assertThat(panel).contains("/companies/" + mine, "99" + NBSP + "989" + NBSP + "000,00" + NBSP + "₽")
                .doesNotContain("/companies/" + colleagues);
        assertThat(session("credit").get("/credit/over-limit").body()).contains("/companies/" + mine,
                "/companies/" + colleagues);
    }

    private BigDecimal limit(UUID company) {
        return jdbc.sql("select credit_limit from credit_account where company_id = :id").param("id", company)
                .query(BigDecimal.class).optional().orElse(null);
    }

    private WebSession session(String username) {
        return WebSession.loggedIn(port, username, ApiClient.DEMO_PASSWORD);
    }

    private static Map<String, String> form(String amount, String days, String reason, String version) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", amount);
        form.put("paymentTermsDays", days);
        form.put("reason", reason);
        form.put("version", version);
        return form;
    }
}
