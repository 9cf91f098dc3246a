/** The key-accounts screens: the ABC/XYZ analysis with its Pareto chart, matrix, table and export; the key accounts (list, company section) and the service tiers; the early warnings (start-page panel, list, evidence page, company section, dismissal). */
package org.clientela.keyaccounts.web;
