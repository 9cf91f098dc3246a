package org.clientela;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * A real SMTP server for the integration tests (GreenMail on a free loopback port), and the
 * application's mail sender pointed at it. Tests read what was sent with
 * {@code greenMail.getReceivedMessagesForDomain(…)} — each test with its own recipient addresses,
 * as the context is shared.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
public class TestMailServer {

    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        return greenMail;
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail greenMail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(greenMail.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }
}
