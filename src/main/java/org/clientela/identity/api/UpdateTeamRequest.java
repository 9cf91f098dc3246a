package org.clientela.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A team's new name.
 *
 * @param version the version the caller last saw, unless it is sent as {@code If-Match}
 */
record UpdateTeamRequest(
        @NotBlank(message = "{api.field.required}") @Size(max = 200, message = "{api.field.tooLong}") String name,
        @PositiveOrZero(message = "{api.field.version}") Long version) {
}
