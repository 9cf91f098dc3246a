package org.clientela.receivables.collection;

import java.sql.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.clientela.platform.OutgoingMail;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The collection's history of a company, newest first: every action as it was created, mailed,
 * done or cancelled, every promise as it was recorded and found kept or broken, with who did it.
 */
@Component
class CollectionHistory {

    /** @param who the person's name, or the system's when the daily run did it */
    record Entry(Instant at, String who, String text) {
    }

    private final MessageSource messages;
    private final OutgoingMail mail;

    CollectionHistory(MessageSource messages, OutgoingMail mail) {
        this.messages = messages;
        this.mail = mail;
    }

    List<Entry> of(List<ActionView> actions, List<PromiseView> promises) {
        String system = message("collection.history.system");
        List<Entry> entries = new ArrayList<>();
        for (ActionView action : actions) {
            Object kind = kind(action.kind());
            entries.add(new Entry(action.createdAt(), system, action.raised()
                    ? message("collection.history.raised", kind, action.invoiceNumber(), action.assigneeName())
                    : message("collection.history.created", kind, action.invoiceNumber(), action.daysAfterDue(),
                            action.assigneeName())));
            if (action.mailedTo() != null) {
                for (OutgoingMail.Sent sent : mail.about(CollectionMail.ABOUT, action.id())) {
                    entries.add(new Entry(sent.sentAt() != null ? sent.sentAt() : sent.createdAt(), system,
                            message("collection.history.mailed", sent.recipient(), sent.subject(),
                                    new DefaultMessageSourceResolvable("collection.mail.status." + sent.status()))));
                }
            }
            if (action.doneAt() != null && action.doneBy() != null) {
                entries.add(new Entry(action.doneAt(), action.doneByName(),
                        message("collection.history.done", kind, action.invoiceNumber(), action.outcome())));
            }
            if (action.cancelledAt() != null) {
                entries.add(new Entry(action.cancelledAt(), system,
                        message("collection.history.cancelled", kind, action.invoiceNumber())));
            }
        }
        for (PromiseView promise : promises) {
            String text = promise.invoiceNumber() == null
                    ? message("collection.history.promise", promise.amount(), Date.valueOf(promise.promisedDate()))
                    : message("collection.history.promiseForInvoice", promise.amount(),
                            Date.valueOf(promise.promisedDate()), promise.invoiceNumber());
            if (promise.madeBy() != null) {
                text += " " + message("collection.history.promiseMadeBy", promise.madeBy());
            }
            entries.add(new Entry(promise.recordedAt(), promise.recordedByName(), text));
            if (promise.checkedAt() != null) {
                entries.add(new Entry(promise.checkedAt(), system, message("collection.history.promise." + promise.status(),
                        Date.valueOf(promise.promisedDate()), promise.paidSoFar())));
            }
        }
        entries.sort(Comparator.comparing(Entry::at).reversed());
        return entries;
    }

    private static DefaultMessageSourceResolvable kind(StepKind kind) {
        return new DefaultMessageSourceResolvable("collection.kind." + kind.name());
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
