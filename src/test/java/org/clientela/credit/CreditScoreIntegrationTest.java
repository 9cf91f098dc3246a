package org.clientela.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.IntegrationTest;
import org.clientela.clients.CompanyId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The creditworthiness score on small hand-made histories: the facts the receivables module reads
 * of them and the points, grade and proposed limit worked out by hand beside each.
 */
@IntegrationTest
class CreditScoreIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    PaymentHistorySource histories;

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
    void aClientWithoutInvoicesHasNoScoreAndNoProposedLimit() {
        UUID company = data.company("manager1", "Новый клиент");

        JsonNode score = score(company);

        assertThat(score.path("score").isNull() || score.path("score").isMissingNode()).isTrue();
        assertThat(score.path("grade").isMissingNode()).isTrue();
        assertThat(score.path("proposedLimit").isMissingNode()).isTrue();
        assertThat(score.path("points")).isEmpty();
        assertThat(score.path("facts").path("invoiceCount").asInt()).isZero();
    }

    /**
     * One invoice of 100 000 ₽ a month for two years, each paid 5 days before its due date; the
     * newest not due yet; an older one outside the 24 months. In time 23 of 23: 20 + 20; 0 days
     * late: 12 + 8; 26 months of history: 20; 24 invoices: 20. 100 points, A. 2 400 000 ₽ over 24
     * months is 100 000 ₽ a month, × 2 = 200 000 ₽.
     */
    @Test
    void aPerfectPayerScoresAHundred() {
        UUID company = data.company("manager1", "Образцовый плательщик");
        LocalDate old = today.minusDays(800);
        data.invoice(company, "100000.00", old, old.plusDays(30)).paidOn(old.plusDays(25));
        for (int k = 0; k < 24; k++) {
            LocalDate issued = today.minusDays(30L * k + 10);
            CreditTestData.Invoice invoice = data.invoice(company, "100000.00", issued, issued.plusDays(30));
            if (k > 0) {
                invoice.paidOn(issued.plusDays(25));
            }
        }

        PaymentHistory facts = histories.paymentHistory(new CompanyId(company), today);
        assertThat(facts.invoiceCount()).isEqualTo(24);
        assertThat(facts.invoicedAmount().amount()).isEqualByComparingTo("2400000");
        assertThat(facts.dueCount()).isEqualTo(23);
        assertThat(facts.onTimeShareByCount()).isEqualByComparingTo("1");
        assertThat(facts.onTimeShareByAmount()).isEqualByComparingTo("1");
        assertThat(facts.averageDaysLate()).isEqualByComparingTo("0");
        assertThat(facts.firstInvoiceDate()).isEqualTo(old);
        assertThat(facts.monthlyAverageInvoiced().amount()).isEqualByComparingTo("100000");

        JsonNode score = score(company);
        assertThat(score.path("score").asInt()).isEqualTo(100);
        assertThat(score.path("grade").asString()).isEqualTo("A");
        assertThat(points(score)).containsExactly("ON_TIME_BY_COUNT 20/20", "ON_TIME_BY_AMOUNT 20/20",
                "AVERAGE_DAYS_LATE 12/12", "MAX_DAYS_LATE 8/8", "HISTORY_LENGTH 20/20", "VOLUME 20/20",
                "OVERDUE_NOW 0/0");
        assertThat(score.path("proposedLimit").decimalValue()).isEqualByComparingTo("200000");
    }

    /**
     * Twelve invoices of 50 000 ₽, 40 days apart, 14 days' terms; the three oldest paid on their
     * due date, the other nine 25 days late, of one of them 30 000 ₽ on the due date. In time by
     * count 3/12 = 0.25: 5; by amount (150 000 + 30 000) / 600 000 = 0.30: 6; on average 9 × 25 / 12
     * = 18.75 days late: 3; 25 at most: 4; first invoice 480 days ago, 15 months: 14; 12 invoices:
     * 14. 46 points, C. 600 000 ₽ over 16 begun months = 37 500 ₽ a month, × 1, down to 30 000 ₽.
     */
    @Test
    void aChronicLatePayerGetsAC() {
        UUID company = data.company("manager1", "Вечно опаздывает");
        for (int k = 0; k < 12; k++) {
            LocalDate issued = today.minusDays(40L + 40L * k);
            LocalDate due = issued.plusDays(14);
            CreditTestData.Invoice invoice = data.invoice(company, "50000.00", issued, due);
            if (k >= 9) {
                invoice.paidOn(due);
            } else if (k == 8) {
                invoice.paid("30000.00", due).paidOn(due.plusDays(25));
            } else {
                invoice.paidOn(due.plusDays(25));
            }
        }

        PaymentHistory facts = histories.paymentHistory(new CompanyId(company), today);
        assertThat(facts.onTimeShareByCount()).isEqualByComparingTo("0.25");
        assertThat(facts.onTimeShareByAmount()).isEqualByComparingTo("0.30");
        assertThat(facts.averageDaysLate()).isEqualByComparingTo("18.75");
        assertThat(facts.maxDaysLate()).isEqualTo(25);
        assertThat(facts.monthlyAverageInvoiced().amount()).isEqualByComparingTo("37500");

        JsonNode score = score(company);
        assertThat(points(score)).containsExactly("ON_TIME_BY_COUNT 5/20", "ON_TIME_BY_AMOUNT 6/20",
                "AVERAGE_DAYS_LATE 3/12", "MAX_DAYS_LATE 4/8", "HISTORY_LENGTH 14/20", "VOLUME 14/20",
                "OVERDUE_NOW 0/0");
        assertThat(score.path("score").asInt()).isEqualTo(46);
        assertThat(score.path("grade").asString()).isEqualTo("C");
        assertThat(score.path("proposedLimit").decimalValue()).isEqualByComparingTo("30000");
    }

    /**
     * Five invoices of 100 000 ₽ paid on their due dates, and one of 80 000 ₽ due 100 days ago,
     * unpaid. In time 5/6 = 0.8333: 17; by amount 500 000 / 580 000 = 0.8621: 17; 0 days late: 12 +
     * 8; 250 days, 8 months: 8; 6 invoices: 8; that is 70, but a debt 100 days overdue takes 100:
     * 0 points, D, no credit (a proposed limit of 0 ₽).
     */
    @Test
    void aClientWithAnInvoiceHundredDaysOverdueGetsNoCredit() {
        UUID company = data.company("manager1", "Должник");
        for (int k = 0; k < 5; k++) {
            LocalDate issued = today.minusDays(130L + 30L * k);
            data.invoice(company, "100000.00", issued, issued.plusDays(30)).paidOn(issued.plusDays(30));
        }
        data.invoice(company, "80000.00", today.minusDays(130), today.minusDays(100));

        PaymentHistory facts = histories.paymentHistory(new CompanyId(company), today);
        assertThat(facts.overdueCount()).isEqualTo(1);
        assertThat(facts.overdueAmount().amount()).isEqualByComparingTo("80000");
        assertThat(facts.maxDaysOverdue()).isEqualTo(100);
        assertThat(facts.onTimeShareByCount()).isEqualByComparingTo("0.8333");
        assertThat(facts.onTimeShareByAmount()).isEqualByComparingTo("0.8621");
        assertThat(facts.monthlyAverageInvoiced().amount()).isEqualByComparingTo("64444.44");

        JsonNode score = score(company);
        assertThat(points(score)).containsExactly("ON_TIME_BY_COUNT 17/20", "ON_TIME_BY_AMOUNT 17/20",
                "AVERAGE_DAYS_LATE 12/12", "MAX_DAYS_LATE 8/8", "HISTORY_LENGTH 8/20", "VOLUME 8/20",
                "OVERDUE_NOW -100/0");
        assertThat(score.path("score").asInt()).isZero();
        assertThat(score.path("grade").asString()).isEqualTo("D");
        assertThat(score.path("proposedLimit").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void thePaymentHistoriesOfAPageAreReadAtOnceEachCompanyOnItsOwn() {
        UUID paying = data.company("manager1", "Платит");
        UUID silent = data.company("manager1", "Без счетов");
        data.invoice(paying, "10000.00", today.minusDays(20), today.minusDays(10)).paidOn(today.minusDays(12));

        Map<CompanyId, PaymentHistory> both = histories.paymentHistories(
                List.of(new CompanyId(paying), new CompanyId(silent)), today);

        assertThat(both.get(new CompanyId(paying)).invoiceCount()).isEqualTo(1);
        assertThat(both.get(new CompanyId(paying)).paidCount()).isEqualTo(1);
        assertThat(both.get(new CompanyId(silent)).hasHistory()).isFalse();
    }

    private JsonNode score(UUID company) {
        return api.as("manager1").get("/api/v1/companies/" + company + "/credit-score").isJson(200).json();
    }

    private static List<String> points(JsonNode score) {
        List<String> points = new ArrayList<>();
        score.path("points").forEach(point -> points.add(point.path("component").asString() + " "
                + point.path("points").asInt() + "/" + point.path("max").asInt()));
        return points;
    }
}
