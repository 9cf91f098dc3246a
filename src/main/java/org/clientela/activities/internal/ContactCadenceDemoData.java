package org.clientela.activities.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.clientela.activities.CadenceStanding.Standing;
import org.clientela.identity.Role;
import org.clientela.identity.UserDirectory;
import org.clientela.platform.DemoDataContributor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo world's contact cadences: every company's standing from the key accounts and the classes
 * of its sales; for each manager a few clients last called a while ago, longer than their cadence
 * (so that the agenda and the start page show overdue contacts); two individual cadences.
 */
@Component
class ContactCadenceDemoData implements DemoDataContributor {

    static final int OVERDUE_PER_MANAGER = 3;

    private final JdbcClient jdbc;
    private final ContactCadenceService cadences;
    private final UserDirectory users;
    private final ZoneId zone;

    ContactCadenceDemoData(JdbcClient jdbc, ContactCadenceService cadences, UserDirectory users,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.jdbc = jdbc;
        this.cadences = cadences;
        this.users = users;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "contact-cadences";
    }

    /** After the key accounts (960) and the activities (980); the early warnings (990) read the overdue contacts. */
    @Override
    public int order() {
        return 985;
    }

    @Override
    public boolean hasData() {
        return jdbc.sql("select exists (select 1 from contact_cadence)").query(Boolean.class).single();
    }

    @Override
    public void load() {
        LocalDate today = cadences.today();
        cadences.refreshAll(today);
        Set<UUID> managers = new LinkedHashSet<>();
        for (Role role : List.of(Role.MANAGER, Role.KEY_ACCOUNT_MANAGER)) {
            users.withRole(role).forEach(user -> managers.add(user.id().value()));
        }
        for (UUID manager : managers) {
            // companies the activities' demo left alone, those with a class first
            List<Client> clients = jdbc.sql("""
                            select c.id, cc.standing from company_ref c join contact_cadence cc on cc.company_id = c.id
                            where c.owner_id = :owner and c.archived_at is null and c.merged_into is null
                              and c.status <> 'LOST' and not exists (select 1 from activity a where a.company_id = c.id)
                            order by cc.standing = 'NONE', cc.standing, c.name, c.id limit :limit""")
                    .param("owner", manager).param("limit", OVERDUE_PER_MANAGER)
                    .query((rs, n) -> new Client(rs.getObject("id", UUID.class),
                            Standing.valueOf(rs.getString("standing"))))
                    .list();
            for (int i = 0; i < clients.size(); i++) {
                Client client = clients.get(i);
                call(manager, client.id(), today.minusDays(client.standing().defaultDays() + 2L + 3L * i));
            }
            if (!clients.isEmpty()) {
                // twice as often as its standing asks, and overdue all the more
                Client last = clients.get(clients.size() - 1);
                individually(last.id(), last.standing().defaultDays() / 2,
                        "Клиент запускает новую линию остекления: созваниваемся чаще до первой поставки.", manager);
            }
        }
        // a client the activities' demo meets often, in negotiations about a yearly contract: weekly
        jdbc.sql("select a.company_id from activity a group by a.company_id order by count(*) desc, a.company_id limit 1")
                .query(UUID.class).optional().ifPresent(company -> individually(company, 7,
                        "Идут переговоры о годовом договоре: созваниваемся еженедельно.", null));
    }

    private record Client(UUID id, Standing standing) {
    }

    private void call(UUID owner, UUID company, LocalDate day) {
        Timestamp start = Timestamp.from(day.atTime(LocalTime.of(11, 0)).atZone(zone).toInstant());
        jdbc.sql("""
                        insert into activity (id, company_id, owner_id, type, subject, planned_start, planned_end,
                            time_zone, status, actual_start, late_minutes, outcome, closed_at, created_by)
                        values (:id, :company, :owner, 'CALL', 'Звонок снабженцу: планы закупок', :start,
                            cast(:start as timestamptz) + interval '15 minutes', :zone, 'DONE', :start, 0,
                            'Закупки пока не планируют, просили напомнить о себе позже.', :start, :owner)""")
                .param("id", UUID.nameUUIDFromBytes(("cadences:demo:" + company).getBytes(StandardCharsets.UTF_8)))
                .param("company", company).param("owner", owner).param("start", start).param("zone", zone.getId())
                .update();
    }

    private void individually(UUID company, int days, String reason, UUID by) {
        jdbc.sql("""
                        update contact_cadence set days = :days, reason = :reason, changed_by = :by, version = 1,
                            changed_at = now()
                        where company_id = :company""")
                .param("days", days).param("reason", reason).param("by", by).param("company", company).update();
    }
}
