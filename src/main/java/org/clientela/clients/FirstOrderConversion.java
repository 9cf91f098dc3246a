package org.clientela.clients;

/**
 * What the orders module tells the client base when it takes an order (C6): the first order of a
 * prospect makes it an active client. Call it in the transaction that records the order, so that
 * the company's status and the order commit together.
 *
 * <p>Only a {@link CompanyStatus#PROSPECT} changes; the call is idempotent. A dormant client's
 * order is not a first order: whether it wakes up is decided by whoever marks clients dormant from
 * their order history, one owner of that rule. A lost client won back is a person's decision (the
 * reason of the loss is cleared by hand), and an archived company stays archived.
 */
public interface FirstOrderConversion {

    /**
     * Turns a prospect into an active client, audited; any other company is left as it is. The
     * caller has already checked that the ordering user may see the company.
     *
     * @return {@code true} when the company was a prospect and is now active
     * @throws org.clientela.shared.RecordNotFoundException when no such company exists
     */
    boolean convertOnFirstOrder(CompanyId companyId);
}
