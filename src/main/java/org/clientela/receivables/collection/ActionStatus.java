package org.clientela.receivables.collection;

enum ActionStatus {
    OPEN,
    DONE,
    /** The invoice was paid before the action was done. */
    CANCELLED
}
