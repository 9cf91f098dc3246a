package org.clientela.receivables.collection;

enum PromiseStatus {
    /** Its date has not passed and the payments so far fall short of it. */
    OPEN,
    /** Payments dated from its recording to its date reached its amount. */
    KEPT,
    /** Its date passed without those payments. */
    BROKEN
}
