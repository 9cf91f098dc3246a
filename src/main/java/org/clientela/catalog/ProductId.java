package org.clientela.catalog;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record ProductId(UUID value) implements Serializable {

    public ProductId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
