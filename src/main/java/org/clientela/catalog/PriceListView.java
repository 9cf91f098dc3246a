package org.clientela.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One version of a price list with its entries (those of the request for a list of versions). */
public record PriceListView(UUID id, UUID priceListId, String name, boolean base, int version,
        LocalDate effectiveFrom, String createdBy, List<Entry> entries) {

    public PriceListView {
        entries = List.copyOf(entries);
    }

    public record Entry(UUID productId, String sku, String productName, Unit unit, BigDecimal price) {
    }
}
