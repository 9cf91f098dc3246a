package org.clientela.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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

import tools.jackson.databind.JsonNode;

/**
 * The demo world's money, as its story goes: most invoices paid on time, late payers, a debt in
 * 1–30 days and one over 90, the client over its limit, a broken promise that brought the call
 * forward and holds the client's order, an advance, the collection's tasks open and done.
 */
@IntegrationTest
class ReceivablesDemoDataTest {

    /** The invoices the orders part issued while the demo world loaded, before any test ran. */
    static final String DEMO_INVOICE = " (i.source = 'ORDER' and i.created_at <= "
            + "(select loaded_at from demo_data_contribution where contributor = 'orders')) ";
    static final String DEMO_COMPANY = " (select distinct i.company_id from invoice i where" + DEMO_INVOICE + ") ";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    ApiClient api;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow")));
    }

    @Test
    void mostInvoicesArePaidOnTimeSomeClientsLateAndWhatIsNotDueIsOpen() {
        Map<String, Object> paid = jdbc.sql("select count(*) as due, count(*) filter (where i.settled_on <= i.due_date)"
                        + " as on_time from invoice i where i.due_date < :today and " + DEMO_INVOICE)
                .param("today", today).query().singleRow();
        assertThat((Long) paid.get("on_time") * 2).as("most paid on time").isGreaterThan((Long) paid.get("due"));

        List<UUID> latePayers = jdbc.sql("select i.company_id from invoice i where " + DEMO_INVOICE
                        + " group by i.company_id"
                        + " having count(*) filter (where i.settled_on - i.due_date between 10 and 40) >= 3")
                .query(UUID.class).list();
        assertThat(latePayers).hasSizeBetween(2, 3);
        assertThat(jdbc.sql("select max(i.settled_on - i.due_date) from invoice i where " + DEMO_INVOICE)
                .query(Integer.class).single()).isLessThanOrEqualTo(40);

        assertThat(jdbc.sql("select count(*) from invoice i where i.due_date >= :today and i.paid_amount > 0 and "
                + DEMO_INVOICE).param("today", today).query(Long.class).single()).as("paid before due").isZero();
        assertThat(jdbc.sql("select count(*) from invoice i where i.due_date >= :today and " + DEMO_INVOICE)
                .param("today", today).query(Long.class).single()).as("open, not yet due").isPositive();
    }

    @Test
    void oneClientOwesFromOneToThirtyDaysAnotherOverNinety() {
        List<Integer> oldestOverdue = jdbc.sql("""
                        select max(cast(:today as date) - i.due_date) from invoice i
                        where i.settled_on is null and i.due_date < :today and """ + DEMO_INVOICE + """
                         group by i.company_id""")
                .param("today", today).query(Integer.class).list();

        assertThat(oldestOverdue).anyMatch(days -> days >= 1 && days <= 30).anyMatch(days -> days > 90);
    }

    @Test
    void theClientOverItsLimitPaysOnTimeAndItsHoldSawWhatItOwesAfterItsPayments() {
        Map<String, Object> hold = demoHold("LIMIT_EXCEEDED");
        UUID company = (UUID) hold.get("company_id");
        JsonNode credit = api.as("credit").get("/api/v1/companies/" + company + "/credit").isJson(200).json();

        assertThat(credit.path("exposure").decimalValue()).isGreaterThan(credit.path("limit").decimalValue());
        assertThat((BigDecimal) hold.get("credit_exposure")).as("what the rule saw")
                .isEqualByComparingTo(credit.path("exposure").decimalValue());
        assertThat(overdueInvoicesOf(company)).isZero();
    }

    @Test
    void theBrokenPromiseBroughtTheCallForwardAndTheClientsNewOrderIsHeldForTheDebt() {
        Map<String, Object> broken = jdbc.sql("""
                        select p.id, p.company_id, p.invoice_id, p.recorded_on, p.promised_date, c.owner_id
                        from payment_promise p join company_ref c on c.id = p.company_id
                        where p.status = 'BROKEN' and p.company_id in """ + DEMO_COMPANY)
                .query().singleRow();
        UUID company = (UUID) broken.get("company_id");
        LocalDate promised = date(broken.get("promised_date"));
        JsonNode promise = api.as("credit").get("/api/v1/companies/" + company + "/promises/" + broken.get("id"))
                .isJson(200).json();
        assertThat(promise.path("status").asString()).isEqualTo("BROKEN");
        assertThat(promise.path("paidSoFar").decimalValue()).isZero();
        assertThat(date(broken.get("recorded_on"))).isBefore(promised);
        assertThat(promised).isBefore(today);

        Map<String, Object> raised = jdbc.sql("""
                        select a.kind, a.status, a.created_on, i.due_date + a.days_after_due as its_day, i.settled_on
                        from collection_action a join invoice i on i.id = a.invoice_id
                        where a.raised_by_promise = :promise""")
                .param("promise", broken.get("id")).query().singleRow();
        assertThat(raised.get("kind")).isEqualTo("CALL_TASK");
        assertThat(raised.get("status")).isEqualTo("OPEN");
        assertThat(date(raised.get("created_on"))).isEqualTo(promised.plusDays(1))
                .as("before its day in the schedule").isBefore(date(raised.get("its_day")));
        assertThat(raised.get("settled_on")).isNull();

        Map<String, Object> hold = demoHold("OVERDUE");
        assertThat(hold.get("company_id")).isEqualTo(company);
        String owner = jdbc.sql("select username from app_user where id = :id").param("id", broken.get("owner_id"))
                .query(String.class).single();
        String section = WebSession.loggedIn(port, owner, ApiClient.DEMO_PASSWORD)
                .get("/companies/" + company + "/collection", "HX-Request", "true").body();
        assertThat(section).contains("раньше срока: обещание нарушено", "data-status=\"BROKEN\"");
    }

    @Test
    void aPrepaymentClientHasPaidAnAdvanceAndOwesNothing() {
        UUID company = jdbc.sql("select p.company_id from payment p where p.unallocated > 0 and p.company_id in "
                + DEMO_COMPANY).query(UUID.class).single();

        JsonNode balance = api.as("credit").get("/api/v1/companies/" + company + "/balance").isJson(200).json();

        assertThat(balance.path("unallocated").decimalValue()).isEqualByComparingTo("150000.00");
        assertThat(balance.path("openAmount").decimalValue()).isZero();
        assertThat(api.as("credit").get("/api/v1/companies/" + company + "/credit").isJson(200).json()
                .hasNonNull("limit")).as("a limit").isFalse();
    }

    @Test
    void theCollectionHasTasksOpenAndDoneAndAKeptPromise() {
        Map<String, Object> actions = jdbc.sql("""
                        select count(*) filter (where a.status = 'OPEN') as open,
                               count(*) filter (where a.status = 'OPEN' and a.due_on < :today) as late,
                               count(*) filter (where a.status = 'DONE' and a.done_by is not null
                                                and a.done_at::date > a.created_on) as done_later,
                               count(*) filter (where a.mailed_to is not null) as mailed
                        from collection_action a join invoice i on i.id = a.invoice_id
                        where """ + DEMO_INVOICE)
                .param("today", today).query().singleRow();
        assertThat((Long) actions.get("open")).isGreaterThanOrEqualTo(2);
        assertThat((Long) actions.get("late")).isPositive();
        assertThat((Long) actions.get("done_later")).isGreaterThanOrEqualTo(5);
        assertThat((Long) actions.get("mailed")).isPositive();
        assertThat(jdbc.sql("select count(*) from payment_promise where status = 'KEPT' and company_id in "
                + DEMO_COMPANY).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDemoMoneyKeepsTheLedgersRules() {
        // an invoice's paid amount is the sum of its allocations, its settlement day their latest date
        assertThat(jdbc.sql("""
                        select count(*) from invoice i
                        left join lateral (select coalesce(sum(a.amount), 0) as paid, max(a.payment_date) as latest
                                           from payment_allocation a where a.invoice_id = i.id) a on true
                        where i.company_id in""" + DEMO_COMPANY + """
                          and (i.paid_amount <> a.paid
                               or i.settled_on is distinct from case when i.paid_amount = i.amount
                                                                     then greatest(i.issue_date, a.latest) end)""")
                .query(Long.class).single()).isZero();
        // each allocation carries its payment's date; a payment's rest is what it did not allocate
        assertThat(jdbc.sql("""
                        select count(*) from payment p
                        left join lateral (select coalesce(sum(a.amount), 0) as allocated,
                                                  count(*) filter (where a.payment_date <> p.payment_date) as misdated
                                           from payment_allocation a where a.payment_id = p.id) a on true
                        where p.company_id in""" + DEMO_COMPANY + """
                          and (p.unallocated <> p.amount - a.allocated or a.misdated > 0)""")
                .query(Long.class).single()).isZero();
        // nobody has money left over beside an unpaid invoice
        assertThat(jdbc.sql("""
                        select count(*) from payment p
                        where p.unallocated > 0 and p.company_id in""" + DEMO_COMPANY + """
                          and exists (select 1 from invoice i
                                      where i.company_id = p.company_id and i.settled_on is null)""")
                .query(Long.class).single()).isZero();
    }

    private Map<String, Object> demoHold(String reason) {
        return jdbc.sql("""
                        select o.company_id, o.credit_limit, o.credit_exposure from sales_order o
                        where o.status = 'CREDIT_HOLD' and o.credit_hold_reason = :reason
                          and o.created_at <= (select loaded_at from demo_data_contribution
                                               where contributor = 'orders-credit-holds')""")
                .param("reason", reason).query().singleRow();
    }

    private static LocalDate date(Object column) {
        return ((java.sql.Date) column).toLocalDate();
    }

    private long overdueInvoicesOf(UUID company) {
        return jdbc.sql("""
                        select count(*) from invoice
                        where company_id = :company and settled_on is null and due_date < :today""")
                .param("company", company).param("today", today).query(Long.class).single();
    }
}
