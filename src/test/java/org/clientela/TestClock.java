package org.clientela;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * The application's clock in the integration tests: the real time of the department's zone, which
 * a test may move forward (an invoice falls overdue, a promise's day passes) and must move back in
 * a {@code finally}, as the context is shared. Every bean that asks for a {@link Clock} gets it.
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> offset;

    private TestClock(ZoneId zone, AtomicReference<Duration> offset) {
        this.zone = zone;
        this.offset = offset;
    }

    /** Time jumps forward by {@code duration}, for every bean and request at once. */
    public void moveForward(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
    }

    /** Back to the real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moved time seen from another zone. */
    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(other, offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Configuration(proxyBeanMethods = false)
    @Profile("test")
    static class Setup {

        @Bean
        @Primary
        TestClock testClock(@Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
            return new TestClock(zone, new AtomicReference<>(Duration.ZERO));
        }
    }
}
