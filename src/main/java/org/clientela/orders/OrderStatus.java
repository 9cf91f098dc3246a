package org.clientela.orders;

/**
 * Where an order is on its way: a draft, held for a credit decision or confirmed, then in
 * production, ready, shipped, delivered and closed; or cancelled before it was shipped.
 */
public enum OrderStatus {
    DRAFT,
    /** The credit rule held the order at its confirmation: it waits for a person's decision. */
    CREDIT_HOLD,
    CONFIRMED,
    IN_PRODUCTION,
    READY,
    SHIPPED,
    DELIVERED,
    CLOSED,
    CANCELLED;

    /** The step after this one on the way from confirmation to closing, or {@code null}. */
    public OrderStatus next() {
        return switch (this) {
            case CONFIRMED -> IN_PRODUCTION;
            case IN_PRODUCTION -> READY;
            case READY -> SHIPPED;
            case SHIPPED -> DELIVERED;
            case DELIVERED -> CLOSED;
            default -> null;
        };
    }

    /** Nothing has left the factory yet: the order may still be cancelled. */
    public boolean cancellable() {
        return ordinal() < SHIPPED.ordinal();
    }

    /** Confirmed and not cancelled: the order counts in the client's sales (view {@code order_sales_line}). */
    public boolean countsInSales() {
        return ordinal() >= CONFIRMED.ordinal() && this != CANCELLED;
    }

    /** Out of the factory: the client may send part of it back. */
    public boolean returnable() {
        return this == SHIPPED || this == DELIVERED || this == CLOSED;
    }

    /** Promised to the client: the order may be invoiced (once). */
    public boolean invoiceable() {
        return ordinal() >= CONFIRMED.ordinal() && this != CANCELLED;
    }
}
