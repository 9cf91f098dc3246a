package org.clientela.keyaccounts.web;

import java.util.UUID;

import org.clientela.keyaccounts.internal.KeyAccount;

/**
 * The company section's form of a key-account decision, as the browser sends it.
 *
 * @param key     "true" or "false"
 * @param kamId   a user's id, empty for none
 * @param tierId  a tier's id, empty for none
 * @param version the version the form was filled from, 0 for a company never decided
 */
record KeyAccountForm(String key, String reason, String kamId, String tierId, Long version) {

    /** Filled from the state shown; the reason is always the user's own to write. */
    static KeyAccountForm of(KeyAccount account) {
        return new KeyAccountForm(String.valueOf(account.key()), "",
                account.kamId() == null ? "" : account.kamId().toString(),
                account.tier() == null ? "" : account.tier().id().toString(), account.version());
    }

    Boolean flag() {
        return key == null || key.isBlank() ? null : Boolean.valueOf(key.strip());
    }

    /** An id that is no UUID cannot name a choice offered: the service answers it as an unknown one. */
    UUID kam() {
        return id(kamId);
    }

    UUID tier() {
        return id(tierId);
    }

    long expectedVersion() {
        return version == null ? -1 : version;
    }

    private static UUID id(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }
}
