package org.clientela.audit;

public enum AuditAction {
    CREATED, UPDATED, DELETED, EXPORTED, MERGED
}
