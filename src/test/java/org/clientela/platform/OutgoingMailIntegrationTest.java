package org.clientela.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.clientela.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;

@IntegrationTest
class OutgoingMailIntegrationTest {

    @Autowired
    OutgoingMail mail;
    @Autowired
    GreenMail greenMail;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aMessageIsSentThroughSmtpOnlyOnceItsTransactionCommits() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("manager1", "demo"));
        try {
            UUID about = UUID.randomUUID();
            String committed = "client-" + about + "@commit.test";
            String rolledBack = "client-" + about + "@rollback.test";
            transactions.executeWithoutResult(status -> mail.send(new OutgoingMail.Message(committed,
                    "Заказ № 17 отгружен", "Здравствуйте! Заказ отгружен.", "Test", about)));
            transactions.executeWithoutResult(status -> {
                mail.send(new OutgoingMail.Message(rolledBack, "Не уйдёт", "—", "Test", about));
                status.setRollbackOnly();
            });

            assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
            MimeMessage[] received = greenMail.getReceivedMessagesForDomain("commit.test");
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("Заказ № 17 отгружен");
            assertThat(greenMail.getReceivedMessagesForDomain("rollback.test")).isEmpty();
            assertThat(mail.about("Test", about)).singleElement().satisfies(sent -> {
                assertThat(sent.recipient()).isEqualTo(committed);
                assertThat(sent.status()).isEqualTo(OutgoingMail.Status.SENT);
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
