package org.clientela.credit;

import java.util.Optional;

import org.clientela.clients.CompanyId;
import org.clientela.shared.Money;

/**
 * A part of a company's credit exposure, contributed as a bean by the module that holds it: the
 * orders module the confirmed orders not yet invoiced, the receivables module the unpaid invoiced
 * amount. The exposure is their sum. An implementation reads committed rows only (no cache): it is
 * asked under the company's credit lock.
 */
public interface ExposureSource {

    Money exposure(CompanyId company);

    /**
     * The same part for every company at once, for the lists that filter and sort by exposure (the
     * clients over their limit): an SQL query over the module's own tables answering the columns
     * {@code company_id uuid, exposure numeric}, at most one row per company, none needed for a
     * company whose part is zero, without parameters. The credit module adds up the sources' queries
     * in one statement, so that a list of thousands of companies costs one query rather than one per
     * company and source. It must answer what {@link #exposure} answers; a source without it (empty)
     * cannot be listed, and the credit lists refuse to run rather than show a part of the exposure.
     */
    default Optional<String> exposureByCompanyQuery() {
        return Optional.empty();
    }
}
