package org.clientela.identity;

import java.util.Objects;
import java.util.UUID;

public record UserId(UUID value) implements java.io.Serializable {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId of(String value) {
        return new UserId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
