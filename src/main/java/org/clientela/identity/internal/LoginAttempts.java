package org.clientela.identity.internal;

import java.time.Clock;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@link User#MAX_FAILED_LOGINS} wrong passwords in a row an
 * account is locked for {@link User#LOCK_DURATION}, for the login form and HTTP Basic alike.
 * Counted with single SQL updates, so that parallel guesses cannot slip past the count and a
 * login does not bump the version an administrator is editing.
 */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginAttempts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        if (username == null) {
            return;
        }
        boolean locked = jdbc.sql("""
                        update app_user
                           set failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1 end,
                               locked_until  = case when failed_logins + 1 >= :max then :until else locked_until end
                         where username = :username
                        returning (locked_until is not null and locked_until = :until)
                        """)
                .param("max", User.MAX_FAILED_LOGINS)
                .param("until", java.sql.Timestamp.from(clock.instant().plus(User.LOCK_DURATION)))
                .param("username", username.trim().toLowerCase(Locale.ROOT))
                .query(Boolean.class).optional().orElse(false);
        if (locked) {
            log.warn("User {} locked for {} after {} failed logins", username, User.LOCK_DURATION,
                    User.MAX_FAILED_LOGINS);
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null "
                        + "where username = :username and (failed_logins > 0 or locked_until is not null)")
                .param("username", event.getAuthentication().getName())
                .update();
    }
}
