package org.clientela.activities;

import java.util.List;
import java.util.Optional;

import org.clientela.clients.CompanyId;

/** A company's recent and coming activities, for another module's page about the client (the meeting brief). */
public interface CompanyActivities {

    /**
     * The company's last {@code limit} done activities, the latest started first, with their outcomes
     * and next steps.
     *
     * @throws org.clientela.shared.RecordNotFoundException when the user may not see the company
     */
    List<ActivityView> lastDone(CompanyId company, int limit);

    /**
     * The company's next planned activity: the earliest still planned that has not ended yet (one
     * going on now included).
     *
     * @throws org.clientela.shared.RecordNotFoundException when the user may not see the company
     */
    Optional<ActivityView> nextPlanned(CompanyId company);
}
