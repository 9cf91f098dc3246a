package org.clientela.clients;

/** The part a contact plays when the company decides to buy. */
public enum DecisionRole {
    /** Signs off the purchase. */
    DECISION_MAKER,
    /** Shapes the decision: an engineer, a technologist, an adviser. */
    INFLUENCER,
    /** Works with the glass units: a foreman, an installer, a buyer placing orders. */
    USER,
    /** Stands between us and the decision maker: a secretary, an assistant. */
    GATEKEEPER
}
