package org.clientela.activities;

/** What kind of contact with the client an activity is. */
public enum ActivityType {
    CALL, MEETING, VISIT, EMAIL, LETTER, PRESENTATION, NEGOTIATION, EVENT
}
