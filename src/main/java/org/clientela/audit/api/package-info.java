/**
 * The REST API of the audit log: the history of one record, for whoever may see the record.
 */
package org.clientela.audit.api;
