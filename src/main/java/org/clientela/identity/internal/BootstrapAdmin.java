package org.clientela.identity.internal;

import java.util.EnumSet;

import org.clientela.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The first administrator of a production database, which never gets a user with a known
 * password: given by {@code CLIENTELA_BOOTSTRAP_ADMIN_USERNAME} and
 * {@code CLIENTELA_BOOTSTRAP_ADMIN_PASSWORD} (or the same {@code --clientela.bootstrap-admin.*}
 * arguments), created only while no user exists at all. Runs after the demo data.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@EnableConfigurationProperties(BootstrapAdmin.Properties.class)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    @ConfigurationProperties("clientela.bootstrap-admin")
    record Properties(String username, String password, String fullName) {
    }

    private final Properties properties;
    private final UserRepository users;
    private final UserManagement userManagement;

    BootstrapAdmin(Properties properties, UserRepository users, UserManagement userManagement) {
        this.properties = properties;
        this.users = users;
        this.userManagement = userManagement;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (users.count() > 0) {
            if (StringUtils.hasText(properties.username())) {
                log.info("Users exist already: clientela.bootstrap-admin is ignored");
            }
            return;
        }
        if (!StringUtils.hasText(properties.username()) || !StringUtils.hasText(properties.password())) {
            log.warn("No user exists yet. Start once with CLIENTELA_BOOTSTRAP_ADMIN_USERNAME and "
                    + "CLIENTELA_BOOTSTRAP_ADMIN_PASSWORD set to create the first administrator.");
            return;
        }
        String fullName = StringUtils.hasText(properties.fullName()) ? properties.fullName() : "Администратор";
        userManagement.create(new UserManagement.NewUser(properties.username(), fullName, null,
                properties.password(), null, EnumSet.of(Role.ADMIN)));
        log.info("Created the first administrator {}", properties.username());
    }
}
