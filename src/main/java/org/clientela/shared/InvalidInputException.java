package org.clientela.shared;

/**
 * Input that passed the syntax checks but is wrong for the business (an unknown team, a sort
 * column that does not exist). Answers 400 with the message at {@code field}.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public InvalidInputException(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
