package org.clientela.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record CreateTeamRequest(
        @NotBlank(message = "{api.field.required}") @Size(max = 200, message = "{api.field.tooLong}") String name) {
}
