package org.clientela.receivables.collection;

import java.sql.Date;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.clientela.clients.ContactView;
import org.clientela.identity.UserDirectory.UserSummary;
import org.clientela.platform.OutgoingMail;
import org.clientela.receivables.reconciliation.OurCompany;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The letters of the collection: the reminder to the client and the escalation to the head. They
 * are written in Russian whatever the language of whoever is logged in: the client is a Russian
 * company, and the run has no user.
 */
@Component
class CollectionMail {

    static final String ABOUT = CollectionActions.ACTION;
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final MessageSource messages;
    private final OurCompany ours;

    CollectionMail(MessageSource messages, OurCompany ours) {
        this.messages = messages;
        this.ours = ours;
    }

    /** A person of the client to remind: one still there with an address, the decision maker first. */
    static Optional<Recipient> recipient(List<ContactView> people) {
        return people.stream()
                .filter(ContactView::active)
                .filter(person -> person.emails() != null && !person.emails().isEmpty())
                .min(Comparator.comparing(ContactView::decisionRole, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(person -> new Recipient(person.fullName(), person.emails().get(0)));
    }

    record Recipient(String name, String address) {
    }

    OutgoingMail.Message reminder(UUID action, Recipient recipient, DueInvoice invoice, long daysOverdue,
            String ownerName) {
        String subject = message("collection.mail.reminder.subject", invoice.number(), Date.valueOf(invoice.issueDate()));
        String body = message("collection.mail.reminder.body", recipient.name(), invoice.number(),
                Date.valueOf(invoice.issueDate()), invoice.amount(), Date.valueOf(invoice.dueDate()), daysOverdue,
                invoice.outstanding(), ownerName, ours.name(), ours.phone());
        return new OutgoingMail.Message(recipient.address(), subject, body, ABOUT, action);
    }

    OutgoingMail.Message escalation(UUID action, UserSummary head, DueInvoice invoice, long daysOverdue,
            String ownerName) {
        String subject = message("collection.mail.escalation.subject", invoice.companyName(), invoice.number(),
                daysOverdue);
        String body = message("collection.mail.escalation.body", head.fullName(), invoice.number(),
                Date.valueOf(invoice.issueDate()), invoice.companyName(), invoice.companyInn(), invoice.amount(),
                daysOverdue, invoice.outstanding(), ownerName);
        return new OutgoingMail.Message(head.email(), subject, body, ABOUT, action);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, RUSSIAN);
    }
}
