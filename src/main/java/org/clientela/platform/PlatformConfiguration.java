package org.clientela.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

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

    /**
     * Spring Boot's builder of the application's JSON mapper, with its customisations, over a
     * factory that keeps each thread's buffers to itself. Jackson 3 shares them between threads in
     * a concurrent queue by default, made for virtual threads; with 8 clients registering
     * companies, taking them from it was 4 % of the work of a request on our platform threads.
     */
    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(
                JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build());
        customizers.forEach(customizer -> customizer.customize(builder));
        // Jackson 3 reads each property through a method handle held in a field, which the JIT does
        // not inline: 22 of the 55 samples of serialising confirmed orders' replies (JFR, 8 clients
        // confirming). Blackbird reads them through lambdas generated per property instead.
        builder.addModule(new BlackbirdModule());
        return builder;
    }
}
