/**
 * Reporting (D1, A4): read models over the other modules' published APIs and tables, and nothing
 * depends on it. The director's, the head's and the administrator's dashboard shows the department
 * (a head's: their team's) — plan vs actual of the month and the quarter, revenue by month against
 * the year before, the ABC×XYZ matrix of the last closed quarter, the ageing of receivables, the
 * clients with the most overdue and the managers' ranking; a manager's shows their own plan, key
 * clients and overdue debts; both show the open early warnings of the clients in view.
 * <p>
 * The meeting brief «Справка к встрече» (A4, page and PDF) is here rather than in activities,
 * where the requirements list it: it reads orders, receivables, sales facts and key accounts, and
 * activities may depend on none of them — key accounts are about to depend on activities (account
 * plans and their meetings), so activities reading key accounts would close a cycle.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package org.clientela.reporting;
