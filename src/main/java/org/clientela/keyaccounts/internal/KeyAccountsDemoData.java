package org.clientela.keyaccounts.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.clientela.identity.Role;
import org.clientela.identity.UserDirectory;
import org.clientela.platform.DemoDataContributor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo world's key accounts: the tiers «Платиновый» and «Золотой»; the clients the rule
 * marks on the demo's sales facts, with the gold tier and the demo KAM; and one client marked
 * by the head's decision, with the platinum tier and its manager as the KAM.
 */
@Component
class KeyAccountsDemoData implements DemoDataContributor {

    static final UUID PLATINUM = uuid("service-tier:platinum");
    static final UUID GOLD = uuid("service-tier:gold");

    private final JdbcClient jdbc;
    private final KeyAccountRule rule;
    private final UserDirectory users;
    private final Clock clock;
    private final ZoneId zone;

    KeyAccountsDemoData(JdbcClient jdbc, KeyAccountRule rule, UserDirectory users, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.jdbc = jdbc;
        this.rule = rule;
        this.users = users;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "key-accounts";
    }

    /** After the sales facts (900), which the rule reads, and the sales plans (950). */
    @Override
    public int order() {
        return 960;
    }

    @Override
    public boolean hasData() {
        return jdbc.sql("select exists (select 1 from service_tier)").query(Boolean.class).single();
    }

    @Override
    public void load() {
        tier(PLATINUM, "Платиновый", "5", 2, "Приоритет в очереди производства; отсрочка платежа до 45 дней; "
                + "персональный менеджер по работе с ключевыми клиентами.");
        tier(GOLD, "Золотой", "3", 5, "Приоритет в очереди производства; отсрочка платежа до 30 дней.");
        rule.evaluate(LocalDate.now(clock.withZone(zone)));
        UUID kam = users.withRole(Role.KEY_ACCOUNT_MANAGER).stream().findFirst().map(user -> user.id().value())
                .orElse(null);
        jdbc.sql("update key_account set tier_id = :tier, kam_id = :kam where is_key and basis = 'RULE'")
                .param("tier", GOLD).param("kam", kam).update();
        // the largest client the rule left out: the head decided it is key all the same
        jdbc.sql("""
                        select c.id, c.owner_id from company_ref c join sales_fact f on f.company_id = c.id
                        where c.archived_at is null and c.merged_into is null
                          and not exists (select 1 from key_account k where k.company_id = c.id)
                        group by c.id, c.owner_id order by sum(f.revenue) desc, c.id limit 1""")
                .query((rs, row) -> new UUID[] {rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class)})
                .optional().ifPresent(company -> jdbc.sql("""
                        insert into key_account (company_id, is_key, basis, since, reason, kam_id, tier_id, version)
                        values (:company, true, 'DECISION', :since, :reason, :kam, :tier, 1)""")
                        .param("company", company[0]).param("since", Timestamp.from(Instant.now(clock)))
                        .param("reason", "Стратегический партнёр: заключён рамочный договор на три года")
                        .param("kam", company[1]).param("tier", PLATINUM).update());
    }

    private void tier(UUID id, String name, String discount, int days, String terms) {
        jdbc.sql("""
                        insert into service_tier (id, name, discount_percent, lead_time_days, contract_terms)
                        values (:id, :name, :discount, :days, :terms)""")
                .param("id", id).param("name", name).param("discount", new BigDecimal(discount)).param("days", days)
                .param("terms", terms).update();
    }

    private static UUID uuid(String key) {
        return UUID.nameUUIDFromBytes(("keyaccounts:" + key).getBytes(StandardCharsets.UTF_8));
    }
}
