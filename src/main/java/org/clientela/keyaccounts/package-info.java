/**
 * Key accounts (K1, later K2): the ABC/XYZ classification of the clients by revenue or margin over
 * a period, read from the sales facts ({@code sales_fact}, the salesfacts module's published
 * table). {@link org.clientela.keyaccounts.AbcXyzClasses} classifies the whole department, for the
 * rules that build on it (a key account is class A for two periods); the API and the page classify
 * the clients the user may see through the same code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Key accounts")
package org.clientela.keyaccounts;
