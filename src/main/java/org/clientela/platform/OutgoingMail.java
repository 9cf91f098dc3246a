package org.clientela.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Mail the product sends through SMTP. A message is recorded in the caller's transaction and
 * sent once it commits: a rolled-back change sends nothing, and a mail server that is down or
 * not configured is written on the message, never undoes the change it reports.
 */
public interface OutgoingMail {

    /** Records the message and sends it after the caller's transaction commits. */
    UUID send(Message message);

    /** The messages about a record, oldest first. The caller checked that the user may see it. */
    List<Sent> about(String aboutType, UUID aboutId);

    /**
     * @param aboutType the kind of record the message is about, e.g. {@code "SalesOrder"}
     */
    record Message(String recipient, String subject, String body, String aboutType, UUID aboutId) {
    }

    /** A recorded message and what became of it. */
    record Sent(UUID id, String recipient, String subject, String body, Status status, String error,
            Instant createdAt, Instant sentAt) {
    }

    enum Status {
        /** Recorded, not sent yet. */
        QUEUED,
        SENT,
        /** The mail server refused it or could not be reached: the error says why. */
        FAILED,
        /** No mail server is configured ({@code SPRING_MAIL_HOST}). */
        NOT_CONFIGURED
    }
}
