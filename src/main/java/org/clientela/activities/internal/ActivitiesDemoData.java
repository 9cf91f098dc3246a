package org.clientela.activities.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.clientela.activities.ActivityType;
import org.clientela.identity.Role;
import org.clientela.identity.UserDirectory;
import org.clientela.platform.DemoDataContributor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo world's activities: for each manager's first clients, a visit done two weeks ago on
 * time and a meeting done last week (the first client's 25 minutes late), whose next step, a
 * call, is planned for the coming days, and a meeting tomorrow.
 */
@Component
class ActivitiesDemoData implements DemoDataContributor {

    static final int COMPANIES_PER_MANAGER = 3;

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final Clock clock;
    private final ZoneId zone;

    ActivitiesDemoData(JdbcClient jdbc, UserDirectory users, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "activities";
    }

    /** After the key accounts (960); the contact cadences (985) and the early warnings (990) read activities. */
    @Override
    public int order() {
        return 980;
    }

    @Override
    public boolean hasData() {
        return jdbc.sql("select exists (select 1 from activity)").query(Boolean.class).single();
    }

    @Override
    public void load() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        // a key account manager may be a manager too: each person once
        Set<UUID> managers = new LinkedHashSet<>();
        for (Role role : List.of(Role.MANAGER, Role.KEY_ACCOUNT_MANAGER)) {
            users.withRole(role).forEach(user -> managers.add(user.id().value()));
        }
        for (UUID manager : managers) {
            List<UUID> companies = jdbc.sql("""
                            select id from company_ref
                            where owner_id = :owner and archived_at is null and merged_into is null
                            order by name, id limit :limit""")
                    .param("owner", manager).param("limit", COMPANIES_PER_MANAGER).query(UUID.class).list();
            for (int i = 0; i < companies.size(); i++) {
                load(manager, companies.get(i), today, i);
            }
        }
    }

    private void load(UUID owner, UUID company, LocalDate today, int index) {
        UUID visit = id(company, "visit");
        insert(visit, company, owner, ActivityType.VISIT, "Визит на производство клиента: замеры и образцы",
                at(today.minusDays(14 - index), 10, 0), 90, "г. Москва, ул. Складочная, 1", null);
        done(visit, at(today.minusDays(14 - index), 10, 0), "Сняли размеры для первой партии, оставили образцы "
                + "энергосберегающих стеклопакетов. Клиент ждёт коммерческое предложение.",
                "Обсуждение коммерческого предложения");

        UUID meeting = id(company, "meeting");
        insert(meeting, company, owner, ActivityType.MEETING, "Обсуждение коммерческого предложения",
                at(today.minusDays(7 - index), 14, 0), 60, null, visit);
        ZonedDateTime meetingStart = at(today.minusDays(7 - index), 14, 0);
        done(meeting, index == 0 ? meetingStart.plusMinutes(25) : meetingStart,
                "Согласовали цены на однокамерные стеклопакеты; по двухкамерным клиент просит скидку 3 %.",
                "Позвонить снабженцу: ответ по скидке");

        insert(id(company, "call"), company, owner, ActivityType.CALL, "Позвонить снабженцу: ответ по скидке",
                at(today.plusDays(2 + index), 11, 0), 15, null, meeting);
        insert(id(company, "next-meeting"), company, owner, ActivityType.MEETING,
                "Подписание договора поставки на первый квартал", at(today.plusDays(1), 10 + 2 * index, 0), 60,
                "Офис клиента", null);
    }

    private void insert(UUID id, UUID company, UUID owner, ActivityType type, String subject, ZonedDateTime start,
            int minutes, String location, UUID previous) {
        jdbc.sql("""
                        insert into activity (id, company_id, owner_id, type, subject, planned_start, planned_end,
                            time_zone, location, previous_id, created_by)
                        values (:id, :company, :owner, :type, :subject, :start, :end, :zone, :location, :previous,
                            :owner)""")
                .param("id", id).param("company", company).param("owner", owner).param("type", type.name())
                .param("subject", subject).param("start", Timestamp.from(start.toInstant()))
                .param("end", Timestamp.from(start.plusMinutes(minutes).toInstant())).param("zone", zone.getId())
                .param("location", location).param("previous", previous).update();
    }

    private void done(UUID id, ZonedDateTime actualStart, String outcome, String nextStep) {
        jdbc.sql("""
                        update activity set status = 'DONE', actual_start = :actual, outcome = :outcome,
                            next_step = :nextStep, closed_at = :actual,
                            late_minutes = greatest(0, floor(extract(epoch from (cast(:actual as timestamptz) - planned_start)) / 60))
                        where id = :id""")
                .param("actual", Timestamp.from(actualStart.toInstant())).param("outcome", outcome)
                .param("nextStep", nextStep).param("id", id).update();
    }

    private ZonedDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(zone);
    }

    private static UUID id(UUID company, String key) {
        return UUID.nameUUIDFromBytes(("activities:demo:" + company + ":" + key).getBytes(StandardCharsets.UTF_8));
    }
}
