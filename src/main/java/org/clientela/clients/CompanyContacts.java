package org.clientela.clients;

import java.util.List;

/**
 * The people of a company as the current user may see them, for another module that writes to
 * the client (an order's status, a payment reminder).
 */
public interface CompanyContacts {

    /**
     * The people of the company, those still there first.
     *
     * @throws org.clientela.shared.RecordNotFoundException when the user may not see the company
     */
    List<ContactView> of(CompanyId company);
}
