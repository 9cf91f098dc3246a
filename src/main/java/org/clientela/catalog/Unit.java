package org.clientela.catalog;

/** The unit a product is sold and priced in. */
public enum Unit {
    /** Pieces (and services, counted in times). */
    PCS,
    /** Square metres: glass units; their lines are priced by the size of each unit. */
    M2,
    /** Running metres. */
    M
}
