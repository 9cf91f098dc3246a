package org.clientela.keyaccounts.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.clientela.identity.Role;
import org.clientela.identity.UserDirectory;
import org.clientela.platform.DemoDataContributor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This year's approved cooperation plans of the three largest demo key accounts: goals a tenth
 * above last year's sales, actions (one done, one overdue in the first plan, one ahead) and the
 * review of the last whole quarter.
 */
@Component
class AccountPlansDemoData implements DemoDataContributor {

    private static final BigDecimal GROWTH = new BigDecimal("1.10");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final Clock clock;
    private final ZoneId zone;

    AccountPlansDemoData(JdbcClient jdbc, UserDirectory users, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "account-plans";
    }

    /** After the key accounts (960) and their early warnings (970). */
    @Override
    public int order() {
        return 975;
    }

    @Override
    public boolean hasData() {
        return jdbc.sql("select exists (select 1 from account_plan)").query(Boolean.class).single();
    }

    private record KeyAccountRow(UUID company, UUID responsible, BigDecimal revenue, BigDecimal margin) {
    }

    @Override
    public void load() {
        UUID head = users.withRole(Role.HEAD).stream().findFirst().map(user -> user.id().value()).orElse(null);
        if (head == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int year = today.getYear();
        List<KeyAccountRow> accounts = jdbc.sql("""
                        select k.company_id, coalesce(k.kam_id, c.owner_id) as responsible,
                               coalesce(sum(f.revenue), 0) as revenue, coalesce(sum(f.revenue - f.cost), 0) as margin
                        from key_account k
                        join company_ref c on c.id = k.company_id
                        left join sales_fact_month f on f.company_id = k.company_id
                             and f.month between :from and :to
                        where k.is_key and c.archived_at is null and c.merged_into is null
                          and coalesce(k.kam_id, c.owner_id) is not null
                        group by k.company_id, k.kam_id, c.owner_id
                        order by revenue desc, k.company_id
                        limit 3""")
                .param("from", LocalDate.of(year - 1, 1, 1)).param("to", LocalDate.of(year - 1, 12, 1))
                .query((rs, n) -> new KeyAccountRow(rs.getObject("company_id", UUID.class),
                        rs.getObject("responsible", UUID.class), rs.getBigDecimal("revenue"),
                        rs.getBigDecimal("margin")))
                .list();
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < accounts.size(); i++) {
            KeyAccountRow account = accounts.get(i);
            UUID plan = uuid("plan:" + account.company() + ":" + year);
            jdbc.sql("""
                            insert into account_plan (id, company_id, year, status, revenue_goal, margin_goal, assortment_goal,
                                share_of_wallet_goal, share_of_wallet_now, approved_by, approved_at, created_by, created_at, version)
                            values (:id, :company, :year, 'APPROVED', :revenue, :margin, :assortment, 40, 25, :head, :now,
                                :by, :now, 1)""")
                    .param("id", plan).param("company", account.company()).param("year", year)
                    .param("revenue", goal(account.revenue(), "1200000")).param("margin", goal(account.margin(), "240000"))
                    .param("assortment", "Стеклопакеты с мультифункциональным стеклом и тёплой дистанционной рамкой")
                    .param("head", head).param("now", now).param("by", account.responsible()).update();
            action(plan, 1, "Презентация энергосберегающих стеклопакетов для закупщиков клиента", account.responsible(),
                    LocalDate.of(year, 2, 15), "DONE", LocalDate.of(year, 2, 12), "Провели на заводе, клиент запросил КП.", now);
            // the first plan has an action running late, so that the list shows what an overdue one looks like
            action(plan, 2, "Согласовать годовой договор с ретро-бонусом за объём", account.responsible(),
                    i == 0 ? today.minusDays(20) : today.plusDays(20), "IN_PROGRESS", null, "", now);
            action(plan, 3, "Совместный выезд на объект клиента с технологом", account.responsible(),
                    today.plusDays(45), "OPEN", null, "", now);
            int lastQuarter = (today.getMonthValue() - 1) / 3;
            if (lastQuarter >= 1) {
                jdbc.sql("""
                                insert into account_plan_review (plan_id, quarter, comment, written_by, written_at, version)
                                values (:plan, :quarter, :comment, :head, :now, 1)""")
                        .param("plan", plan).param("quarter", lastQuarter)
                        .param("comment", "Объём идёт по плану; ускорить согласование договора, подключить технолога к выезду.")
                        .param("head", head).param("now", now).update();
            }
        }
    }

    /** A tenth above last year's figure, in whole thousands; a new client's plan starts from {@code fallback}. */
    private static BigDecimal goal(BigDecimal lastYear, String fallback) {
        if (lastYear.signum() <= 0) {
            return new BigDecimal(fallback);
        }
        return lastYear.multiply(GROWTH).divide(THOUSAND, 0, RoundingMode.HALF_UP).multiply(THOUSAND).setScale(2);
    }

    private void action(UUID plan, int number, String title, UUID owner, LocalDate deadline, String status,
            LocalDate doneOn, String note, Timestamp now) {
        jdbc.sql("""
                        insert into account_plan_action (id, plan_id, title, owner_id, deadline, status, done_on, note, created_at, version)
                        values (:id, :plan, :title, :owner, :deadline, :status, :doneOn, :note, :now, 0)""")
                .param("id", uuid("action:" + plan + ":" + number)).param("plan", plan).param("title", title)
                .param("owner", owner).param("deadline", deadline).param("status", status).param("doneOn", doneOn)
                .param("note", note).param("now", now).update();
    }

    private static UUID uuid(String key) {
        return UUID.nameUUIDFromBytes(("keyaccounts:" + key).getBytes(StandardCharsets.UTF_8));
    }
}
