package org.clientela.keyaccounts;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.clientela.clients.CompanyId;

/**
 * A company's key-account standing (K2) and the actions still to do in its account plan (K3), for
 * another module's page about the client (the meeting brief). It checks no access: the caller asks
 * for a company the user may see (whoever sees the company sees its account plan).
 */
public interface CompanyKeyAccount {

    /** The company's key-account state now; empty when it is not a key account. */
    Optional<KeyAccountState> keyAccount(CompanyId company);

    /** The account plan of the company for {@code year}, with its actions still to do by deadline; empty without one. */
    Optional<PlanActions> pendingPlanActions(CompanyId company, int year);

    /**
     * @param kamName  {@code null} without a KAM
     * @param tierName {@code null} without a service tier
     */
    record KeyAccountState(String kamName, String tierName) {
    }

    record PlanActions(UUID planId, int year, List<PendingAction> actions) {
    }

    /**
     * An action neither done nor dropped.
     *
     * @param overdue its deadline has passed
     */
    record PendingAction(String title, String ownerName, LocalDate deadline, boolean inProgress, boolean overdue) {
    }
}
