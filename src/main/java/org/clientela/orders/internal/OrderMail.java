package org.clientela.orders.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.identity.CurrentUser;
import org.clientela.orders.OrderStatus;
import org.clientela.platform.OutgoingMail;
import org.clientela.shared.InputErrors;
import org.clientela.shared.StaleVersionException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the client's contact is told of an order (A5): a mail per event from a template the head
 * words, with the order's number, the company, the status, the day and a note filled in.
 */
@Component
public class OrderMail {

    static final String TEMPLATE = "OrderMailTemplate";
    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 10_000;
    /** The client is written to in Russian, whatever language the sender's screen speaks. */
    private static final Locale CLIENT_LOCALE = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** What an order mail is about: a step of the order, or a problem with it. */
    public enum Event {
        IN_PRODUCTION, READY, SHIPPED, DELIVERED, PROBLEM;

        static Event of(OrderStatus status) {
            return switch (status) {
                case IN_PRODUCTION -> IN_PRODUCTION;
                case READY -> READY;
                case SHIPPED -> SHIPPED;
                case DELIVERED -> DELIVERED;
                default -> null;
            };
        }
    }

    public record Template(Event event, String subject, String body, long version) {
    }

    private final JdbcClient jdbc;
    private final OutgoingMail mail;
    private final MessageSource messages;
    private final AuditLog auditLog;

    OrderMail(JdbcClient jdbc, OutgoingMail mail, MessageSource messages, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.messages = messages;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    public List<Template> templates() {
        return jdbc.sql("select event, subject, body, version from order_mail_template").query((rs, row) ->
                        new Template(Event.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list().stream().sorted(java.util.Comparator.comparing(Template::event)).toList();
    }

    /** Rewords a template (head, administrator); {@code expectedVersion} is the version the user saw. */
    @Transactional
    public Template change(Event event, String subject, String body, long expectedVersion) {
        OrderAccess.require(OrderAccess.mayEditTemplates());
        InputErrors errors = new InputErrors();
        if (subject == null || subject.isBlank()) {
            errors.add("subject", LinePricing.REQUIRED);
        } else if (subject.strip().length() > MAX_SUBJECT) {
            errors.add("subject", "orders.field.tooLong", MAX_SUBJECT);
        }
        if (body == null || body.isBlank()) {
            errors.add("body", LinePricing.REQUIRED);
        } else if (body.strip().length() > MAX_BODY) {
            errors.add("body", "orders.field.tooLong", MAX_BODY);
        }
        errors.throwIfAny();
        Template before = templates().stream().filter(template -> template.event() == event).findFirst().orElseThrow();
        int updated = jdbc.sql("""
                        update order_mail_template set subject = :subject, body = :body, version = version + 1,
                            updated_by = :actor, updated_at = now()
                        where event = :event and version = :expected""")
                .param("subject", subject.strip()).param("body", body.strip()).param("event", event.name())
                .param("actor", CurrentUser.get().id().value()).param("expected", expectedVersion).update();
        if (updated == 0) {
            throw new StaleVersionException(TEMPLATE, event, expectedVersion, before.version());
        }
        auditLog.updated(TEMPLATE, event.name(), AuditChanges.of().field("subject", before.subject(), subject.strip())
                .field("body", before.body(), body.strip()));
        return new Template(event, subject.strip(), body.strip(), expectedVersion + 1);
    }

    /**
     * Writes to the order's contact, if the order is to inform the client and the contact has an
     * address; sent once the caller's transaction commits.
     *
     * @return whether a mail was written
     */
    boolean inform(OrderRow order, Event event, OrderStatus status, String note, LocalDate day) {
        if (!order.informClient() || order.contactEmail() == null || order.contactEmail().isBlank()) {
            return false;
        }
        Template template = jdbc.sql(
                        "select event, subject, body, version from order_mail_template where event = :event")
                .param("event", event.name())
                .query((rs, row) -> new Template(event, rs.getString(2), rs.getString(3), rs.getLong(4))).single();
        String statusName = messages.getMessage("orders.status." + status.name(), null, CLIENT_LOCALE);
        String text = note == null ? "" : note.strip();
        mail.send(new OutgoingMail.Message(order.contactEmail(),
                fill(template.subject(), order, statusName, day, text).strip(),
                fill(template.body(), order, statusName, day, text), OrderService.SALES_ORDER, order.id()));
        return true;
    }

    @Transactional(readOnly = true)
    public List<OutgoingMail.Sent> sent(UUID orderId) {
        return mail.about(OrderService.SALES_ORDER, orderId);
    }

    static String fill(String template, OrderRow order, String status, LocalDate day, String note) {
        return template.replace("{number}", order.number()).replace("{company}", order.companyName())
                .replace("{status}", status).replace("{date}", DAY.format(day)).replace("{note}", note);
    }
}
