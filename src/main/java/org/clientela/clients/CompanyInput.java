package org.clientela.clients;

import java.util.List;
import java.util.UUID;

/**
 * What a user or a program gives for a company, unchecked. On an update a {@code null} field
 * keeps its stored value and an empty one clears it.
 */
public record CompanyInput(String name, String legalForm, String inn, String kpp, String ogrn, String legalAddress,
        String deliveryAddress, String bik, String bankName, String settlementAccount, String correspondentAccount,
        String segment, String region, String size, String source, String status, String lostReason, UUID ownerId,
        List<String> tags) {
}
