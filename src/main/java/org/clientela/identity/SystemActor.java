package org.clientela.identity;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.clientela.audit.AuditLog;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who a scheduled run is (the collection, the activity reminders): nobody logged in, yet it must
 * read the people of every company to write to them (the clients module answers as the current
 * user may see). It acts as the credit controller's scope under the audit log's system name, so
 * that its changes read "system", and only for the run's own thread and duration.
 */
public final class SystemActor {

    private static final CurrentUser SYSTEM = new CurrentUser(new UserId(new UUID(0, 0)), AuditLog.SYSTEM_ACTOR,
            "Clientela", Set.of(Role.CREDIT_CONTROLLER), null);

    private SystemActor() {
    }

    public static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Holder(),
                null, List.of(new SimpleGrantedAuthority(Role.CREDIT_CONTROLLER.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private record Holder() implements CurrentUser.Holder, Principal {

        @Override
        public CurrentUser currentUser() {
            return SYSTEM;
        }

        @Override
        public String getName() {
            return SYSTEM.username();
        }
    }
}
