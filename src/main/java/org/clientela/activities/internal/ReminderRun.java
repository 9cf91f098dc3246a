package org.clientela.activities.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.clientela.activities.ActivityType;
import org.clientela.clients.CompanyContacts;
import org.clientela.clients.CompanyId;
import org.clientela.clients.ContactView;
import org.clientela.identity.SystemActor;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserDirectory.UserSummary;
import org.clientela.identity.UserId;
import org.clientela.platform.OutgoingMail;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Mails the owner of each planned activity its reminders as they fall due: at each offset before
 * the planned start, however late the run (the application was down), but never once the activity
 * has started. A reminder is recorded with the start it was for, in the transaction of its mail:
 * it goes once even when two nodes run at the same time, and a moved start arms the reminders
 * again. A cancelled or done activity is reminded of no more. Reminders of one activity that fall
 * due together go as one mail, which says how long there is left.
 */
@Component
public class ReminderRun {

    static final String LOCK = "activity-reminders";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Reminders reminders;
    private final ReminderMail letters;
    private final OutgoingMail mail;
    private final UserDirectory users;
    private final CompanyContacts contacts;
    private final Clock clock;

    ReminderRun(JdbcClient jdbc, TransactionTemplate transactions, Reminders reminders, ReminderMail letters,
            OutgoingMail mail, UserDirectory users, CompanyContacts contacts, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.reminders = reminders;
        this.letters = letters;
        this.mail = mail;
        this.users = users;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** How many reminder mails went; empty when another node (or thread) is running it right now. */
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT5M")
    public Optional<Integer> run() {
        return Optional.of(sendDue());
    }

    /**
     * The work of a run without the lock, as a node does whose lock expired under a slow run: the
     * reminders due now and not sent yet. Each activity's go in a transaction of their own, so that
     * one failing stops no other.
     */
    public int sendDue() {
        Instant now = clock.instant();
        Map<UUID, Due> due = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.id, a.planned_start, o.minutes
                        from activity a
                        left join activity_reminder_settings s on s.user_id = a.owner_id
                        cross join lateral unnest(coalesce(s.minutes_before, cast(:department as integer[]))) o(minutes)
                        where a.status = 'PLANNED' and a.planned_start > :now and a.planned_start <= :horizon
                          and a.planned_start <= cast(:now as timestamptz) + make_interval(mins => o.minutes)
                          and not exists (select 1 from activity_reminder_sent r where r.activity_id = a.id
                              and r.minutes_before = o.minutes and r.planned_start = a.planned_start)
                        order by a.planned_start, a.id""")
                .param("department", reminders.department().toArray(Integer[]::new))
                .param("now", Timestamp.from(now))
                .param("horizon", Timestamp.from(now.plusSeconds(60L * Reminders.MAX_MINUTES)))
                .query(rs -> {
                    Instant start = rs.getTimestamp("planned_start").toInstant();
                    due.computeIfAbsent(rs.getObject("id", UUID.class), id -> new Due(id, start, new ArrayList<>()))
                            .minutes().add(rs.getInt("minutes"));
                });
        int sent = 0;
        for (Due reminder : due.values()) {
            if (Boolean.TRUE.equals(transactions.execute(status -> SystemActor.call(() -> send(reminder, now))))) {
                sent++;
            }
        }
        return sent;
    }

    private record Due(UUID activity, Instant plannedStart, List<Integer> minutes) {
    }

    /** The activity as the mail tells of it. */
    record Activity(UUID id, UUID companyId, String companyName, String legalForm, UUID ownerId, ActivityType type, String subject,
            Instant plannedStart, ZoneId timeZone, String location, Set<UUID> contactIds) {
    }

    private boolean send(Due due, Instant now) {
        // read again, and held, in the transaction: it may have been moved, done or cancelled since
        Optional<Activity> found = jdbc.sql("""
                        select a.id, a.company_id, c.name as company_name, c.legal_form, a.owner_id, a.type, a.subject,
                               a.planned_start, a.time_zone, a.location,
                               array(select ac.contact_id from activity_contact ac where ac.activity_id = a.id) as contacts
                        from activity a
                        join company_ref c on c.id = a.company_id
                        where a.id = :id and a.status = 'PLANNED' and a.planned_start = :start
                        for share of a""")
                .param("id", due.activity()).param("start", Timestamp.from(due.plannedStart()))
                .query((rs, row) -> new Activity(rs.getObject("id", UUID.class),
                        rs.getObject("company_id", UUID.class), rs.getString("company_name"),
                        rs.getString("legal_form"), rs.getObject("owner_id", UUID.class), ActivityType.valueOf(rs.getString("type")),
                        rs.getString("subject"), rs.getTimestamp("planned_start").toInstant(),
                        ZoneId.of(rs.getString("time_zone")), rs.getString("location"),
                        Set.of((UUID[]) rs.getArray("contacts").getArray())))
                .optional();
        Optional<UserSummary> owner = found.flatMap(activity -> users.find(new UserId(activity.ownerId())))
                .filter(UserSummary::enabled).filter(user -> user.email() != null && !user.email().isBlank());
        if (found.isEmpty() || owner.isEmpty()) {
            return false;
        }
        Activity activity = found.get();
        List<Integer> recorded = jdbc.sql("""
                        insert into activity_reminder_sent (activity_id, minutes_before, planned_start, sent_at)
                        select :id, m, :start, :now from unnest(cast(:minutes as integer[])) m order by m desc
                        on conflict do nothing
                        returning minutes_before""")
                .param("id", activity.id()).param("start", Timestamp.from(activity.plannedStart()))
                .param("now", Timestamp.from(now)).param("minutes", due.minutes().toArray(Integer[]::new))
                .query(Integer.class).list();
        if (recorded.isEmpty()) {
            // another node sent them meanwhile
            return false;
        }
        UUID message = mail.send(letters.reminder(activity, owner.get(), participants(activity),
                Reminders.minutesLeft(now, activity.plannedStart())));
        jdbc.sql("""
                        update activity_reminder_sent set mail_id = :mail
                        where activity_id = :id and planned_start = :start and minutes_before = any(:minutes)""")
                .param("mail", message).param("id", activity.id()).param("start", Timestamp.from(activity.plannedStart()))
                .param("minutes", recorded.toArray(Integer[]::new)).update();
        return true;
    }

    /** The people taking part, as the company lists them (the run reads them as the system). */
    private List<ContactView> participants(Activity activity) {
        if (activity.contactIds().isEmpty()) {
            return List.of();
        }
        try {
            return contacts.of(new CompanyId(activity.companyId())).stream()
                    .filter(person -> activity.contactIds().contains(person.id())).toList();
        } catch (RecordNotFoundException e) {
            // an archived company: the reminder still goes, without its people
            return List.of();
        }
    }
}
