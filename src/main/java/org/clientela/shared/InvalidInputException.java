package org.clientela.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that passed the syntax checks but is wrong for the business (an unknown team, a wrong
 * check digit, a sort column that does not exist). Answers 400 with each message at its field;
 * one exception may carry the problems of several fields, so that a form shows them all at once.
 */
public class InvalidInputException extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidInputException(String field, String messageKey, Object... arguments) {
        this(List.of(new Problem(field, messageKey, arguments.clone())));
    }

    public InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(problem -> problem.field() + ": " + problem.messageKey())
                .collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid input needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** One wrong field: its name, the message key and the message's arguments. */
    public record Problem(String field, String messageKey, Object... arguments) {
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The field of the first problem. */
    public String field() {
        return problems.get(0).field();
    }

    public String messageKey() {
        return problems.get(0).messageKey();
    }

    public Object[] arguments() {
        return problems.get(0).arguments().clone();
    }
}
