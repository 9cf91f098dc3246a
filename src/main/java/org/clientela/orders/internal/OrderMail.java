package org.clientela.orders.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private static final String NOTE = "{note}";

    /**
     * What an order mail is about: a step of the order, or a problem with it; a step of its work
     * plan done, or a problem on one.
     */
    public enum Event {
        IN_PRODUCTION, READY, SHIPPED, DELIVERED, PROBLEM, STEP_DONE, STEP_PROBLEM;

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
        if (!order.informClient() || !hasAddress(order)) {
            return false;
        }
        write(order, event, Map.of("{status}", statusName(status), "{date}", DAY.format(day),
                NOTE, note == null ? "" : note.strip()), OrderService.SALES_ORDER);
        return true;
    }

    /**
     * Writes to the order's contact of a step of its work plan, logged about the plan
     * ({@link WorkPlanService#WORK_PLAN}); the caller checked that the order informs its client and
     * that the contact has an address.
     */
    void informOfStep(OrderRow order, Event event, String step, LocalDate due, String note, LocalDate day) {
        write(order, event, Map.of("{status}", statusName(order.status()), "{date}", DAY.format(day),
                NOTE, note == null ? "" : note.strip(), "{step}", step, "{due}", DAY.format(due)),
                WorkPlanService.WORK_PLAN);
    }

    static boolean hasAddress(OrderRow order) {
        return order.contactEmail() != null && !order.contactEmail().isBlank();
    }

    private void write(OrderRow order, Event event, Map<String, String> values, String aboutType) {
        Template template = jdbc.sql(
                        "select event, subject, body, version from order_mail_template where event = :event")
                .param("event", event.name())
                .query((rs, row) -> new Template(event, rs.getString(2), rs.getString(3), rs.getLong(4))).single();
        mail.send(new OutgoingMail.Message(order.contactEmail(), fill(template.subject(), order, values).strip(),
                fill(template.body(), order, values), aboutType, order.id()));
    }

    /** A day as the client reads it in a mail. */
    static String day(LocalDate day) {
        return DAY.format(day);
    }

    String clientText(String key, Object... arguments) {
        return messages.getMessage(key, arguments, CLIENT_LOCALE);
    }

    private String statusName(OrderStatus status) {
        return clientText("orders.status." + status.name());
    }

    @Transactional(readOnly = true)
    public List<OutgoingMail.Sent> sent(UUID orderId) {
        return mail.about(OrderService.SALES_ORDER, orderId);
    }

    /** The mails about the order's work plan, oldest first. The caller checked that the user may see it. */
    @Transactional(readOnly = true)
    public List<OutgoingMail.Sent> sentOfWorkPlan(UUID orderId) {
        return mail.about(WorkPlanService.WORK_PLAN, orderId);
    }

    static String fill(String template, OrderRow order, Map<String, String> values) {
        String text = template.replace("{number}", order.number()).replace("{company}", order.companyName());
        for (Map.Entry<String, String> value : values.entrySet()) {
            if (!value.getKey().equals(NOTE)) {
                text = text.replace(value.getKey(), value.getValue());
            }
        }
        // the note last: braces a person typed into it are not placeholders
        return text.replace(NOTE, values.getOrDefault(NOTE, ""));
    }
}
