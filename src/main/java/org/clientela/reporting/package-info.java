/**
 * Reporting (D1): the dashboards over the other modules' published APIs and tables, and nothing
 * depends on it. The director's, the head's and the administrator's dashboard shows the department
 * (a head's: their team's) — plan vs actual of the month and the quarter, revenue by month against
 * the year before, the ABC×XYZ matrix of the last closed quarter, the ageing of receivables, the
 * clients with the most overdue and the managers' ranking; a manager's shows their own plan, key
 * clients and overdue debts; both show the open early warnings of the clients in view.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package org.clientela.reporting;
