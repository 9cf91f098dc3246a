package org.clientela.clients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A contact, a person at a company, as screens and the API see it; inactive when they left it. */
public record ContactView(UUID id, UUID companyId, String fullName, String position, DecisionRole decisionRole,
        List<String> phones, List<String> emails, String messenger, LocalDate birthday, String notes,
        boolean active, Instant createdAt, long version) {
}
