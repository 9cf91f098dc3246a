package org.clientela.catalog.web;

import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may change the catalogue and the price types of companies: the head, the director, the
 * administrator (as the services' {@code @PreAuthorize} says). The forms check first so that
 * others get a plain 403 page instead of a form that would only be refused when sent.
 */
final class Editors {

    private Editors() {
    }

    static boolean mayEdit() {
        return CurrentUser.find().map(user -> user.hasAny(Role.HEAD, Role.DIRECTOR, Role.ADMIN)).orElse(false);
    }

    static void require() {
        if (!mayEdit()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
