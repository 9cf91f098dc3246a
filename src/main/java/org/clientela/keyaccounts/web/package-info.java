/** The key-accounts screens: the ABC/XYZ analysis with its Pareto chart, matrix, table and export; the key accounts (list, company section) and the service tiers. */
package org.clientela.keyaccounts.web;
