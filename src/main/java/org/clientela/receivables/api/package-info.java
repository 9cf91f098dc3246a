/** The receivables' REST API: payments, invoices, their import, a company's balance, ageing and DSO. */
package org.clientela.receivables.api;
