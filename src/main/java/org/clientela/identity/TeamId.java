package org.clientela.identity;

import java.util.Objects;
import java.util.UUID;

public record TeamId(UUID value) {

    public TeamId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
