/** The key-accounts screens: the ABC/XYZ analysis with its Pareto chart, matrix, table and export. */
package org.clientela.keyaccounts.web;
