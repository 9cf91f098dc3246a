package org.clientela.keyaccounts;

/** The ABC class of a client: its place in the cumulative share of the period's total, A the best. */
public enum AbcClass {
    A, B, C
}
