package org.clientela.activities.internal;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.clientela.audit.AuditLog;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.clientela.identity.UserId;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who reads a calendar feed: nobody is logged in (the secret address is the key), yet the
 * activities' people come from the clients module, which answers as the current user may see.
 * It reads under the audit log's system name with the credit controller's scope, only for the
 * request's thread and only while the feed's own activities are read (the same way as the daily
 * collection run's actor in receivables).
 */
final class FeedReader {

    private static final CurrentUser SYSTEM = new CurrentUser(new UserId(new UUID(0, 0)), AuditLog.SYSTEM_ACTOR,
            "Clientela", Set.of(Role.CREDIT_CONTROLLER), null);

    private FeedReader() {
    }

    static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Holder(), null,
                List.of(new SimpleGrantedAuthority(Role.CREDIT_CONTROLLER.authority()))));
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
