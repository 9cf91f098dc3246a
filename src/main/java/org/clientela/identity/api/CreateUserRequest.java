package org.clientela.identity.api;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.clientela.identity.Role;
import org.clientela.identity.internal.UserManagement.NewUser;

/**
 * A new user. The username's form, the password's length and the team's existence are checked
 * by the service, with the same messages as in the admin screens.
 */
record CreateUserRequest(
        @NotBlank(message = "{api.field.required}") @Size(max = 64, message = "{api.field.tooLong}") String username,
        @NotBlank(message = "{api.field.required}") @Size(max = 200, message = "{api.field.tooLong}") String fullName,
        @Email(message = "{api.field.email}") @Size(max = 200, message = "{api.field.tooLong}") String email,
        @NotBlank(message = "{api.field.required}") @Size(max = 200, message = "{api.field.tooLong}") String password,
        UUID teamId,
        @NotEmpty(message = "{api.field.required}") Set<@NotNull(message = "{api.field.required}") Role> roles) {

    NewUser toCommand() {
        return new NewUser(username, fullName, email, password, teamId, roles);
    }
}
