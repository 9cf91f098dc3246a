package org.clientela.identity.api;

import java.util.UUID;

import org.clientela.identity.internal.UserManagement.TeamView;

/** A team; {@code version} is also sent as the {@code ETag}. */
record TeamResponse(UUID id, String name, long memberCount, long version) {

    static TeamResponse of(TeamView team) {
        return new TeamResponse(team.id(), team.name(), team.memberCount(), team.version());
    }
}
