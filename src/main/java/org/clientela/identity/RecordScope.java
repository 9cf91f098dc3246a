package org.clientela.identity;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Whose records a user may see: everything, or the records owned by a set of users (themselves;
 * a head's whole team). Lists filter with {@link #ownerIds()} in SQL, e.g.
 * {@code where (:everything or owner_id = any(:owners))}; single records ask {@link #includes}.
 */
public final class RecordScope {

    private static final RecordScope EVERYTHING = new RecordScope(null);

    private final Set<UserId> owners;

    private RecordScope(Set<UserId> owners) {
        this.owners = owners;
    }

    public static RecordScope everything() {
        return EVERYTHING;
    }

    public static RecordScope ownedBy(Collection<UserId> owners) {
        return new RecordScope(Set.copyOf(owners));
    }

    public boolean isEverything() {
        return owners == null;
    }

    /** The owners whose records are visible, or empty when everything is. */
    public Optional<Set<UserId>> owners() {
        return Optional.ofNullable(owners);
    }

    /** For SQL {@code = any(?)}: the owners' ids; an empty array when everything is visible. */
    public UUID[] ownerIds() {
        return owners == null ? new UUID[0] : owners.stream().map(UserId::value).toArray(UUID[]::new);
    }

    public boolean includes(UserId owner) {
        return owners == null || (owner != null && owners.contains(owner));
    }

    @Override
    public String toString() {
        return owners == null ? "RecordScope[everything]" : "RecordScope" + owners;
    }
}
