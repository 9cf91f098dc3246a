package org.clientela.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts the refusal a user would see: which field, which message. */
final class Refusals {

    private Refusals() {
    }

    static void assertRefused(ThrowingCallable call, String field, String messageKey) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, refusal -> {
            assertThat(refusal.field()).as("field").isEqualTo(field);
            assertThat(refusal.messageKey()).as("message key").isEqualTo(messageKey);
        });
    }
}
