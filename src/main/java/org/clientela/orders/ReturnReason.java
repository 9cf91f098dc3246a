package org.clientela.orders;

/** Why a client sent goods back (O4). {@link #OTHER} needs a note that says what happened. */
public enum ReturnReason {
    DEFECT,
    WRONG_ITEM,
    DAMAGED_IN_TRANSIT,
    CLIENT_REFUSED,
    OTHER
}
