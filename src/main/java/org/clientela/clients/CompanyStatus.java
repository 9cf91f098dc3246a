package org.clientela.clients;

/** Where a company stands with us: prospect → active → dormant → lost (and back, when won again). */
public enum CompanyStatus {
    /** Not yet buying: a lead being researched and worked. */
    PROSPECT,
    ACTIVE,
    /** Bought before, not lately. */
    DORMANT,
    /** Gone, with the reason recorded. */
    LOST
}
