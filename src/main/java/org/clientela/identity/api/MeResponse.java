package org.clientela.identity.api;

import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.clientela.identity.Role;
import org.clientela.identity.internal.UserManagement.UserView;

/** The caller: who they are, what they may do, which team they are in ({@code null}: none). */
record MeResponse(UUID id, String username, String fullName, Set<Role> roles,
        @JsonInclude(JsonInclude.Include.ALWAYS) TeamRef team) {

    static MeResponse of(UserView user) {
        return new MeResponse(user.id(), user.username(), user.fullName(), user.roles(),
                TeamRef.of(user.teamId(), user.teamName()));
    }
}
