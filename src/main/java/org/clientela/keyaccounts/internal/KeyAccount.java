package org.clientela.keyaccounts.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A company's key-account state (K2). A company nobody decided anything about is not key,
 * without a basis, at version 0.
 *
 * @param basis  who made the flag as it is: the rule or a person's decision; {@code null} never decided
 * @param since  when the flag became as it is
 * @param reason why: the rule's words or the person's
 * @param kamName the KAM's full name, {@code null} without a KAM
 * @param tier   {@code null} without a tier
 */
public record KeyAccount(UUID companyId, boolean key, Basis basis, Instant since, String reason, UUID kamId,
        String kamName, ServiceTier tier, long version) {

    public enum Basis {
        RULE, DECISION
    }

    static KeyAccount none(UUID companyId) {
        return new KeyAccount(companyId, false, null, null, null, null, null, null, 0);
    }

    /** An unmarking by decision: the rule does not mark the company again until a person marks it. */
    public boolean ruleBlocked() {
        return !key && basis == Basis.DECISION;
    }
}
