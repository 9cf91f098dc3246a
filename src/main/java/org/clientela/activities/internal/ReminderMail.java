package org.clientela.activities.internal;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.clientela.clients.ContactView;
import org.clientela.identity.UserDirectory.UserSummary;
import org.clientela.platform.OutgoingMail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The reminder mail: what, with whom and when (in the activity's own zone, as the client's
 * calendar has it), where, the people taking part with their phones, and the link to the
 * company. In Russian: the run has no user whose language it could speak.
 */
@Component
class ReminderMail {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", RUSSIAN);

    private final MessageSource messages;
    private final String linkBase;

    ReminderMail(MessageSource messages,
            @Value("${clientela.activities.reminders.link-base:http://localhost:8080}") String linkBase) {
        this.messages = messages;
        this.linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
    }

    OutgoingMail.Message reminder(ReminderRun.Activity activity, UserSummary owner, List<ContactView> people,
            long minutesLeft) {
        String what = message("activities.reminder.what." + activity.type().name(), company(activity));
        String subject = message("activities.reminder.mail.subject", String.valueOf(minutesLeft), what);
        String participants = people.isEmpty() ? message("activities.reminder.mail.nobody")
                : people.stream().map(this::person).collect(Collectors.joining("\n"));
        String body = message("activities.reminder.mail.body", owner.fullName(), String.valueOf(minutesLeft), what,
                activity.subject(), WHEN.format(activity.plannedStart().atZone(activity.timeZone())),
                activity.timeZone().getId(),
                activity.location() == null ? message("activities.reminder.mail.noPlace") : activity.location(),
                participants, linkBase + "/companies/" + activity.companyId());
        return new OutgoingMail.Message(owner.email(), subject, body, ActivityService.ACTIVITY, activity.id());
    }

    /** As a person names a client: ООО "Стеклодом", ИП Иванов, or the bare name when the form is another. */
    private String company(ReminderRun.Activity activity) {
        String form = activity.legalForm();
        if (form == null || form.equals("OTHER")) {
            return activity.companyName();
        }
        if (form.equals("IP")) {
            return message("activities.reminder.company.IP", activity.companyName());
        }
        return message("activities.reminder.company", message("clients.legalForm." + form), activity.companyName());
    }

    private String person(ContactView person) {
        StringBuilder line = new StringBuilder("— ").append(person.fullName());
        if (person.position() != null && !person.position().isBlank()) {
            line.append(", ").append(person.position());
        }
        line.append(": ").append(person.phones() == null || person.phones().isEmpty()
                ? message("activities.reminder.mail.noPhone") : String.join(", ", person.phones()));
        return line.toString();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, RUSSIAN);
    }
}
