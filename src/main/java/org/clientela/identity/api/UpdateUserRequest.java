package org.clientela.identity.api;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.clientela.identity.Role;
import org.clientela.identity.internal.UserManagement.UserChanges;
import org.clientela.identity.internal.UserManagement.UserView;
import org.clientela.shared.InvalidInputException;

/**
 * A partial change of a user: a field left out (or {@code null}) stays as it is. JSON cannot tell
 * a left-out {@code teamId} from a {@code null} one here, so leaving the team is said explicitly
 * with {@code "withoutTeam": true}. An empty {@code email} removes the address.
 *
 * @param version the version the caller last saw, unless it is sent as {@code If-Match}
 */
record UpdateUserRequest(
        @Size(max = 200, message = "{api.field.tooLong}")
        @Pattern(regexp = "(?s).*\\S.*", message = "{api.field.required}") String fullName,
        @Email(message = "{api.field.email}") @Size(max = 200, message = "{api.field.tooLong}") String email,
        UUID teamId,
        Boolean withoutTeam,
        @Size(min = 1, message = "{api.field.required}") Set<@NotNull(message = "{api.field.required}") Role> roles,
        Boolean enabled,
        @PositiveOrZero(message = "{api.field.version}") Long version) {

    UserChanges applyTo(UserView current) {
        if (teamId != null && Boolean.TRUE.equals(withoutTeam)) {
            throw new InvalidInputException("withoutTeam", "api.user.teamOrWithoutTeam");
        }
        UUID team = Boolean.TRUE.equals(withoutTeam) ? null : teamId != null ? teamId : current.teamId();
        return new UserChanges(
                fullName != null ? fullName : current.fullName(),
                email != null ? email : current.email(),
                team,
                roles != null ? roles : current.roles(),
                enabled != null ? enabled : current.enabled());
    }
}
