/**
 * Key accounts (K1, K2): the ABC/XYZ classification of the clients by revenue or margin over
 * a period, read from the sales facts ({@code sales_fact}, the salesfacts module's published
 * table). {@link org.clientela.keyaccounts.AbcXyzClasses} classifies the whole department, for the
 * rules that build on it (a key account is class A for two periods); the API and the page classify
 * the clients the user may see through the same code.
 * <p>
 * K2: a company is a key account by the rule (class A by revenue in each of the last two whole
 * quarters, evaluated daily and on demand) or by a head's or the director's decision, with a KAM
 * and a service tier. The tier's discount reaches the client's price through the catalog's
 * {@code ClientDiscountSource}, which this module implements: the catalog cannot depend on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Key accounts")
package org.clientela.keyaccounts;
