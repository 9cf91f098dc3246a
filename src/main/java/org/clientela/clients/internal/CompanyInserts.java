package org.clientela.clients.internal;

/** Registering a company in one statement, where the generic save costs more than the work itself. */
interface CompanyInserts {

    /**
     * Inserts a new company unless its INN and KPP are already taken, in one statement that
     * leaves the transaction usable either way.
     *
     * @return {@code false} when another company holds its INN and KPP
     */
    boolean insertUnlessDuplicate(Company company);
}
