package org.clientela.credit;

/** Why an order waits for a credit decision instead of being confirmed. */
public enum CreditHoldReason {
    /** The company has no credit limit: it buys on prepayment. */
    NO_LIMIT,
    /** The order would take the exposure over the limit. */
    LIMIT_EXCEEDED,
    /** The company has an overdue invoice. */
    OVERDUE
}
