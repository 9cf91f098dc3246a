package org.clientela.identity.internal;

import java.util.List;
import java.util.Optional;

import org.clientela.identity.Role;
import org.clientela.identity.TeamId;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcUserDirectory implements UserDirectory {

    private final UserRepository users;
    private final TeamRepository teams;

    JdbcUserDirectory(UserRepository users, TeamRepository teams) {
        this.users = users;
        this.teams = teams;
    }

    @Override
    public Optional<UserSummary> find(UserId id) {
        return users.findById(id.value()).map(JdbcUserDirectory::summary);
    }

    @Override
    public List<UserSummary> withRole(Role role) {
        return users.findAllOrderedByName().stream()
                .filter(user -> user.enabled() && user.roles().contains(role))
                .map(JdbcUserDirectory::summary)
                .toList();
    }

    @Override
    public Optional<String> teamName(TeamId team) {
        return teams.findById(team.value()).map(Team::name);
    }

    static UserSummary summary(User user) {
        return new UserSummary(user.userId(), user.username(), user.fullName(), user.team(), user.enabled(),
                user.email());
    }
}
