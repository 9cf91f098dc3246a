package org.clientela.clients.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.clientela.clients.CompanyInput;
import org.clientela.clients.CompanyStatus;
import org.clientela.clients.CompanyView;

/**
 * The company form as the browser sends it: text as typed, enums by name, tags comma-separated.
 * The service checks it all at once; every field is sent, so an empty one clears the stored value.
 *
 * @param version the version the form was filled from ({@code null} on a new company)
 */
record CompanyForm(String name, String legalForm, String inn, String kpp, String ogrn, String legalAddress,
        String deliveryAddress, String bik, String bankName, String settlementAccount, String correspondentAccount,
        String segment, String region, String size, String source, String status, String lostReason, UUID ownerId,
        String tags, Long version) {

    static CompanyForm empty() {
        return new CompanyForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, CompanyStatus.PROSPECT.name(), null, null, null, null);
    }

    static CompanyForm of(CompanyView company) {
        return new CompanyForm(company.name(), company.legalForm().name(), company.inn(), company.kpp(),
                company.ogrn(), company.legalAddress(), company.deliveryAddress(), company.bik(), company.bankName(),
                company.settlementAccount(), company.correspondentAccount(), company.segment(), company.region(),
                company.size(), company.source() == null ? null : company.source().name(), company.status().name(),
                company.lostReason(), company.ownerId(), String.join(", ", company.tags()), company.version());
    }

    CompanyForm withoutOwner() {
        return new CompanyForm(name, legalForm, inn, kpp, ogrn, legalAddress, deliveryAddress, bik, bankName,
                settlementAccount, correspondentAccount, segment, region, size, source, status, lostReason, null, tags,
                version);
    }

    CompanyInput toInput() {
        return new CompanyInput(text(name), text(legalForm), text(inn), text(kpp), text(ogrn), text(legalAddress),
                text(deliveryAddress), text(bik), text(bankName), text(settlementAccount), text(correspondentAccount),
                text(segment), text(region), text(size), text(source), text(status), text(lostReason), ownerId,
                tagList());
    }

    private List<String> tagList() {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return Arrays.stream(tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }

    /** A field the browser left out is empty, not "keep": the form always shows every field. */
    private static String text(String value) {
        return value == null ? "" : value;
    }
}
