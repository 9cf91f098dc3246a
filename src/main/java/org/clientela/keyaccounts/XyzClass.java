package org.clientela.keyaccounts;

/** The XYZ class of a client: how steady its monthly values are, X the steadiest. */
public enum XyzClass {
    X, Y, Z
}
