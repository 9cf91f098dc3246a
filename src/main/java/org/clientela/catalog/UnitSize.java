package org.clientela.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/** The size of one glass unit in metres (width × height), for products priced per m² by size. */
public record UnitSize(BigDecimal width, BigDecimal height) {

    public UnitSize {
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(height, "height");
    }

    public BigDecimal area() {
        return width.multiply(height);
    }
}
