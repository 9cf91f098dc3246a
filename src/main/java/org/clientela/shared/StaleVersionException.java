package org.clientela.shared;

/**
 * Someone else changed the record since the client read it (its {@code If-Match} or form
 * version is older than the stored one). Answers 409.
 */
public class StaleVersionException extends ConflictException {

    public StaleVersionException(String recordType, Object id, long expected, long actual) {
        super("error.conflict.staleVersion", recordType, id, expected, actual);
    }
}
