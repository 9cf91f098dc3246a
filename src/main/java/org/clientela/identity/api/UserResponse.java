package org.clientela.identity.api;

import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.clientela.identity.Role;
import org.clientela.identity.internal.UserManagement.UserView;

/** A user as the API shows it; {@code version} is also sent as the {@code ETag}. */
record UserResponse(UUID id, String username, String fullName, String email,
        @JsonInclude(JsonInclude.Include.ALWAYS) TeamRef team, Set<Role> roles, boolean enabled, boolean locked,
        long version) {

    static UserResponse of(UserView user) {
        return new UserResponse(user.id(), user.username(), user.fullName(), user.email(),
                TeamRef.of(user.teamId(), user.teamName()), user.roles(), user.enabled(), user.locked(),
                user.version());
    }
}
