package org.clientela.keyaccounts.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.clientela.activities.CadenceStanding.Standing;
import org.clientela.activities.ContactCadences;
import org.clientela.activities.OverdueContact;
import org.clientela.keyaccounts.WarningKind;
import org.springframework.stereotype.Component;

/**
 * NO_CONTACT: a client whose last contact is older than its contact cadence (the activities'
 * overdue contacts). Only clients: a company with a class or flagged key, or with an individual
 * cadence; a prospect or a silent company without one waits in its manager's agenda, not among
 * the warnings about clients going away.
 */
@Component
class NoContactRule implements WarningRule {

    private final ContactCadences cadences;

    NoContactRule(ContactCadences cadences) {
        this.cadences = cadences;
    }

    @Override
    public WarningKind kind() {
        return WarningKind.NO_CONTACT;
    }

    @Override
    public Map<UUID, Map<String, Object>> detect(LocalDate day) {
        Map<UUID, Map<String, Object>> found = new HashMap<>();
        for (OverdueContact overdue : cadences.overdueOn(day)) {
            if (overdue.cadence().standing() == Standing.NONE && !overdue.cadence().individual()) {
                continue;
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("daysOverdue", overdue.daysOverdue());
            evidence.put("lastContactDate", overdue.lastContact().toString());
            evidence.put("cadenceDays", overdue.cadence().days());
            evidence.put("cadenceBasis", overdue.cadence().basis());
            found.put(overdue.companyId(), evidence);
        }
        return found;
    }
}
