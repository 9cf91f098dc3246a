package org.clientela.clients.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserDirectory.UserSummary;
import org.springframework.stereotype.Component;

/**
 * Whom the current user may pick as a company's owner, in the owner filter and the form: the
 * managers and key account managers within their reach. Only a head, the director and an
 * administrator pick an owner; a manager's companies are their own.
 */
@Component
class OwnerChoices {

    private final UserDirectory users;
    private final AccessPolicy accessPolicy;

    OwnerChoices(UserDirectory users, AccessPolicy accessPolicy) {
        this.users = users;
        this.accessPolicy = accessPolicy;
    }

    boolean mayChoose() {
        return CurrentUser.get().hasAny(Role.HEAD, Role.DIRECTOR, Role.ADMIN);
    }

    /** Empty for whoever may not choose. */
    List<UserSummary> owners() {
        if (!mayChoose()) {
            return List.of();
        }
        Map<Object, UserSummary> owners = new LinkedHashMap<>();
        Stream.concat(users.withRole(Role.MANAGER).stream(), users.withRole(Role.KEY_ACCOUNT_MANAGER).stream())
                .filter(user -> accessPolicy.maySee(user.id()))
                .forEach(user -> owners.putIfAbsent(user.id(), user));
        return owners.values().stream().sorted(Comparator.comparing(UserSummary::fullName)).toList();
    }
}
