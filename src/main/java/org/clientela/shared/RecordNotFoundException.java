package org.clientela.shared;

/**
 * The record does not exist, or the current user may not see it: both answer 404 alike, so
 * that nobody learns of a record they may not see.
 */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String recordType, Object id) {
        super(recordType + " " + id + " not found");
    }
}
