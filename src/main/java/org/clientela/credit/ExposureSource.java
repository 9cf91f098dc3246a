package org.clientela.credit;

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
}
