package org.clientela.identity.internal;

import java.util.HashSet;
import java.util.Set;

import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.RecordScope;
import org.clientela.identity.Role;
import org.clientela.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The department's rule: director, credit controller (who answers for every client's debt) and
 * administrator see everything; a head sees the records of everyone in their team; everybody
 * else the records they own.
 */
@Service
class DepartmentAccessPolicy implements AccessPolicy {

    private final JdbcClient jdbc;

    DepartmentAccessPolicy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RecordScope scopeOf(CurrentUser user) {
        if (user.hasAny(Role.DIRECTOR, Role.ADMIN, Role.CREDIT_CONTROLLER)) {
            return RecordScope.everything();
        }
        Set<UserId> owners = new HashSet<>();
        owners.add(user.id());
        if (user.has(Role.HEAD) && user.team() != null) {
            owners.addAll(jdbc.sql("select id from app_user where team_id = :team")
                    .param("team", user.team().value())
                    .query((rs, row) -> new UserId(rs.getObject("id", java.util.UUID.class)))
                    .list());
        }
        return RecordScope.ownedBy(owners);
    }

    @Override
    public RecordScope currentScope() {
        return CurrentUser.find().map(this::scopeOf).orElseGet(() -> RecordScope.ownedBy(Set.of()));
    }
}
