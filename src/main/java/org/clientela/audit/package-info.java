/**
 * The audit log: an append-only record of who changed what and when, written in the transaction
 * of the change. Modules write through {@link org.clientela.audit.AuditLog} and say, through
 * {@link org.clientela.audit.AuditedRecords}, who may read the history of their records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package org.clientela.audit;
