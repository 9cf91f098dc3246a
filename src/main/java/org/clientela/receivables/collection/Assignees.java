package org.clientela.receivables.collection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.clientela.identity.Role;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserDirectory.UserSummary;
import org.clientela.identity.UserId;

/**
 * Who gets an action: the company's owner, and for an escalation the head of the owner's team.
 * A team without a head (or an owner who is the head) escalates to the director; without a
 * director the owner keeps it, so that no action is left without a person. One instance per run:
 * it remembers what it looked up.
 */
final class Assignees {

    private final UserDirectory users;
    private final Map<UUID, Optional<UserSummary>> known = new HashMap<>();
    private List<UserSummary> heads;
    private List<UserSummary> directors;

    Assignees(UserDirectory users) {
        this.users = users;
    }

    Optional<UserSummary> user(UUID id) {
        return known.computeIfAbsent(id, key -> users.find(new UserId(key)));
    }

    /** The person an action of this kind on a company of {@code owner} goes to. */
    UUID assigneeFor(StepKind kind, UUID owner) {
        return kind == StepKind.ESCALATION ? headOf(owner).map(head -> head.id().value()).orElse(owner) : owner;
    }

    Optional<UserSummary> headOf(UUID owner) {
        if (heads == null) {
            heads = users.withRole(Role.HEAD);
            directors = users.withRole(Role.DIRECTOR);
        }
        Optional<UserSummary> ownerSummary = user(owner);
        Optional<UserSummary> head = ownerSummary.filter(summary -> summary.team() != null)
                .flatMap(summary -> heads.stream()
                        .filter(candidate -> Objects.equals(candidate.team(), summary.team()))
                        .filter(candidate -> !candidate.id().value().equals(owner))
                        .findFirst());
        return head.or(() -> directors.stream().filter(director -> !director.id().value().equals(owner)).findFirst());
    }
}
