package org.clientela.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /**
     * The one clock of the application, in the department's time zone: "today" — an invoice's due
     * day, an overdue debt, a credit decision — is the department's day everywhere, not UTC's (which
     * in Moscow turns three hours late). Tests replace it to move time.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        return Clock.system(zone);
    }
}
