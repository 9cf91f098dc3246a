package org.clientela.identity;

import java.util.Objects;
import java.util.UUID;

public record TeamId(UUID value) implements java.io.Serializable {

    public TeamId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
