package org.clientela.clients;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A company as screens, the API and other modules see it.
 *
 * @param mergedInto for a duplicate merged into another company (and so archived), that company;
 *                   otherwise {@code null}
 */
public record CompanyView(UUID id, String name, LegalForm legalForm, String inn, String kpp, String ogrn,
        String legalAddress, String deliveryAddress, String bik, String bankName, String settlementAccount,
        String correspondentAccount, String segment, String region, String size, CompanySource source,
        CompanyStatus status, String lostReason, UUID ownerId, String ownerName, List<String> tags,
        boolean archived, Instant createdAt, long version, UUID mergedInto) {
}
