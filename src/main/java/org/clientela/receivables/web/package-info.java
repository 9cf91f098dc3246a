/**
 * The receivables' screens: the manager's debt list, the ageing report, the import of payments and
 * invoices, the company page's section of the client's account, and the start page's panel of
 * overdue debts.
 */
package org.clientela.receivables.web;
