package org.clientela.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the problems of every field of one input before refusing it, so that the user sees
 * all of them at once instead of one per attempt.
 */
public final class InputErrors {

    private final List<InvalidInputException.Problem> problems = new ArrayList<>();

    /** The parsed value, or {@code null} with its problems recorded. */
    public <T> T check(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    public void add(String field, String messageKey, Object... arguments) {
        problems.add(new InvalidInputException.Problem(field, messageKey, arguments));
    }

    public boolean has(String field) {
        return problems.stream().anyMatch(problem -> problem.field().equals(field));
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
