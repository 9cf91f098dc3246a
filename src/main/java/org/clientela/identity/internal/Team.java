package org.clientela.identity.internal;

import java.util.UUID;

import org.clientela.identity.TeamId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A team (department) of the client department; a head sees the records of their team. */
@Table("team")
class Team {

    @Id
    private final UUID id;
    private String name;
    @Version
    private Long version;

    @PersistenceCreator
    Team(UUID id, String name, Long version) {
        this.id = id;
        this.name = name;
        this.version = version;
    }

    static Team create(String name) {
        return new Team(UUID.randomUUID(), name, null);
    }

    void rename(String newName) {
        this.name = newName;
    }

    TeamId teamId() {
        return new TeamId(id);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    long version() {
        return version == null ? 0 : version;
    }
}
