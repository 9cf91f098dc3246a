package org.clientela.clients;

/**
 * A company as the current user may see it, for another module answering about a company (its
 * prices, its orders): a company the user may not see is answered as one that does not exist.
 */
public interface VisibleCompanies {

    /** @throws org.clientela.shared.RecordNotFoundException when there is none the user may see */
    CompanyView company(CompanyId id);
}
