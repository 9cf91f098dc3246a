package org.clientela.catalog.internal;

import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;

/** Cost prices and margins are a commercial secret of the management (P1). */
final class Margins {

    private Margins() {
    }

    static boolean visible() {
        return CurrentUser.find().map(user -> user.hasAny(Role.HEAD, Role.DIRECTOR, Role.ADMIN)).orElse(false);
    }
}
