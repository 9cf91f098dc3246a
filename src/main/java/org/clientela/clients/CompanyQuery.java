package org.clientela.clients;

import java.util.UUID;

/**
 * The filters of the company list; {@code null} means "any". {@code q} searches by a name
 * fragment (whatever the legal form and quotes around it), the beginning of an INN, or a contact
 * still at the company: a fragment of their name, their phone in any formatting, their e-mail.
 */
public record CompanyQuery(String q, CompanyStatus status, String segment, String region, UUID ownerId, String tag,
        CompanySource source) {

    public static CompanyQuery all() {
        return new CompanyQuery(null, null, null, null, null, null, null);
    }
}
