package org.clientela.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param name what the token is for, e.g. {@code 1C exchange} */
record CreateTokenRequest(
        @NotBlank(message = "{api.field.required}") @Size(max = 100, message = "{api.field.tooLong}") String name) {
}
