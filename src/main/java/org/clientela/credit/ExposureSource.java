package org.clientela.credit;

/**
 * A part of a company's credit exposure, contributed as a bean by the module that holds it: the
 * orders module the confirmed orders not yet invoiced, the receivables module the unpaid invoiced
 * amount. The exposure is their sum.
 */
public interface ExposureSource {

    /**
     * This part for every company, as an SQL query over the module's own tables answering the
     * columns {@code company_id uuid, exposure numeric}: at most one row per company, none needed for
     * a company whose part is zero, without parameters, over committed rows only (no cache). The
     * credit module adds up the sources' queries in one statement: for one company under its credit
     * lock, filtered by {@code company_id} (which PostgreSQL carries into each query, to its indexes),
     * or for the thousands of companies of a list.
     */
    String exposureByCompanyQuery();
}
