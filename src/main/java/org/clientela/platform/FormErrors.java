package org.clientela.platform;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;

import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.springframework.validation.BindingResult;

/**
 * Puts the service's refusals where the user looks: a wrong value next to its field, a conflict
 * (a taken name, a stale version) above the form. The message keys and arguments are the
 * service's own, so the page says exactly what the API says.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * @param renames service field names that the form calls differently (e.g. the service's
     *                {@code password} is the form's {@code newPassword})
     */
    public static void reject(BindingResult result, InvalidInputException exception, Map<String, String> renames) {
        for (InvalidInputException.Problem problem : exception.problems()) {
            String field = renames.getOrDefault(problem.field(), problem.field());
            if (hasField(result, field)) {
                result.rejectValue(field, problem.messageKey(), problem.arguments(), null);
            } else {
                result.reject(problem.messageKey(), problem.arguments(), null);
            }
        }
    }

    public static void reject(BindingResult result, InvalidInputException exception) {
        reject(result, exception, Map.of());
    }

    public static void reject(BindingResult result, ConflictException exception) {
        result.reject(exception.messageKey(), exception.arguments(), null);
    }

    /** A field of the form, or a path into one: {@code keyDates[2].day} belongs to {@code keyDates}. */
    private static boolean hasField(BindingResult result, String field) {
        Object target = result.getTarget();
        if (target == null || !target.getClass().isRecord()) {
            return false;
        }
        String root = field.split("[\\[.]", 2)[0];
        return Arrays.stream(target.getClass().getRecordComponents()).map(RecordComponent::getName)
                .anyMatch(root::equals);
    }
}
