package org.clientela.keyaccounts;

import java.util.List;
import java.util.UUID;

/** The key accounts a person looks after (K2), for the pages of other modules (a manager's dashboard). */
public interface KeyAccountPortfolio {

    /**
     * The companies flagged key now that {@code user} owns or is the KAM of, by name. It checks no
     * access: the caller asks for the current user.
     */
    List<KeyClient> of(UUID user);

    /** @param kamId {@code null} when the account has no KAM */
    record KeyClient(UUID companyId, String name, UUID ownerId, UUID kamId) {
    }
}
