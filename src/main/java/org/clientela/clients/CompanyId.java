package org.clientela.clients;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public record CompanyId(UUID value) implements Serializable {

    public CompanyId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
