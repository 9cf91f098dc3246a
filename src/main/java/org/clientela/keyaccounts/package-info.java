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
 * <p>
 * K4: early warnings. A daily run (and one on demand) of one rule per {@link org.clientela.keyaccounts.WarningKind}
 * over the whole department: revenue or order frequency of the last 3 whole months against the
 * client's own 9 months before ({@code sales_fact_month}), assortment groups dropped ({@code sales_fact}),
 * debt growing ({@link org.clientela.receivables.ReceivableBalances}), no contact within the client's
 * cadence ({@link org.clientela.activities.ContactCadences}). One current warning per company and kind, refreshed
 * by each run and closed once its condition clears; a person may dismiss it with a reason.
 * {@link org.clientela.keyaccounts.EarlyWarnings} gives the open ones to other modules.
 * <p>
 * K3: account plans. A key account's cooperation plan for a year: goals (revenue, margin, assortment,
 * share of wallet), actions with owners and deadlines, approval by a head or the director, quarterly
 * reviews; its execution is the year's revenue and margin so far from {@code sales_fact_month}
 * against the goals and the share of the year gone by. Seen by those who see the company and by its KAM.
 * <p>
 * The standing the activities' contact cadences default to ({@link org.clientela.activities.CadenceStanding}):
 * key account, or the ABC class by revenue of the last 12 whole months.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Key accounts")
package org.clientela.keyaccounts;
