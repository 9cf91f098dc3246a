package org.clientela.shared;

/**
 * The request contradicts what is stored: a duplicate or a stale version. Answers 409.
 * {@code messageKey} names the message shown to the user; {@code arguments} fill it.
 */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public ConflictException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
