package org.clientela.identity.api;

import java.util.UUID;

/** A team as a user's attribute: enough to show it and to follow it. */
record TeamRef(UUID id, String name) {

    static TeamRef of(UUID id, String name) {
        return id == null ? null : new TeamRef(id, name);
    }
}
