package org.clientela.platform.web;

import java.util.List;
import java.util.UUID;

import org.clientela.platform.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Records each message and hands it to the SMTP server once the recording transaction commits. */
@Component
class SmtpOutgoingMail implements OutgoingMail {

    private static final Logger log = LoggerFactory.getLogger(SmtpOutgoingMail.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    SmtpOutgoingMail(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender,
            @Value("${clientela.mail.from:clientela@localhost}") String from) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.from = from;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID send(Message message) {
        UUID id = UUID.randomUUID();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        jdbc.sql("""
                        insert into mail_message (id, recipient, subject, body, about_type, about_id, status, created_by)
                        values (:id, :recipient, :subject, :body, :aboutType, :aboutId, 'QUEUED', :createdBy)""")
                .param("id", id).param("recipient", message.recipient()).param("subject", message.subject())
                .param("body", message.body()).param("aboutType", message.aboutType())
                .param("aboutId", message.aboutId())
                .param("createdBy", authentication == null ? null : authentication.getName()).update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deliver(id, message);
            }
        });
        return id;
    }

    /** Runs after the commit, outside any transaction: each update below commits on its own. */
    private void deliver(UUID id, Message message) {
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            mark(id, Status.NOT_CONFIGURED, null);
            return;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(message.recipient());
        mail.setSubject(message.subject());
        mail.setText(message.body());
        try {
            smtp.send(mail);
            mark(id, Status.SENT, null);
        } catch (MailException e) {
            log.warn("Mail {} to {} not sent: {}", id, message.recipient(), e.getMessage());
            mark(id, Status.FAILED, e.getMessage());
        }
    }

    private void mark(UUID id, Status status, String error) {
        jdbc.sql("""
                        update mail_message set status = :status, error = :error,
                            sent_at = case when :status = 'SENT' then now() end
                        where id = :id""")
                .param("status", status.name()).param("error", error).param("id", id).update();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Sent> about(String aboutType, UUID aboutId) {
        return jdbc.sql("""
                        select * from mail_message where about_type = :aboutType and about_id = :aboutId
                        order by created_at, id""")
                .param("aboutType", aboutType).param("aboutId", aboutId)
                .query((rs, row) -> new Sent(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), Status.valueOf(rs.getString("status")),
                        rs.getString("error"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
                .list();
    }
}
