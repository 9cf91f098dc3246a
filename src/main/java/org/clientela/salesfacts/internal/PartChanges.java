package org.clientela.salesfacts.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What replacing some orders' parts ({@code sales_fact_order}) changes in the cells and in the
 * months' rollup rows: the new parts' figures less the old ones', per cell and per month. A cell
 * or a month is the sum of its parts, so adding the difference keeps it so, whatever else is in
 * it: a change costs its own orders' parts, not a read of every order of the month.
 */
final class PartChanges {

    /** An order's part of the facts: its figures in one cell, and whether the order counts there. */
    record Part(UUID order, UUID group, LocalDate month, UUID company, BigDecimal revenue, BigDecimal cost,
            BigDecimal quantity, boolean counted) {
    }

    /** A cell of the facts: a company's assortment group in a month. */
    record Cell(UUID company, UUID group, LocalDate month) {
    }

    /** A company's month, by its first day: a row of the rollup. */
    record Month(UUID company, LocalDate month) {
    }

    /**
     * The difference in a cell or a month: its figures and order count to add, and how many of the
     * changed orders' parts it held before and holds now (whether it may have come into being or
     * emptied).
     */
    static final class Change {
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal quantity = BigDecimal.ZERO;
        int orders;
        int partsBefore;
        int partsAfter;

        private void add(Part part, int sign) {
            BigDecimal by = BigDecimal.valueOf(sign);
            revenue = revenue.add(part.revenue().multiply(by));
            cost = cost.add(part.cost().multiply(by));
            quantity = quantity.add(part.quantity().multiply(by));
            if (sign > 0) {
                partsAfter++;
            } else {
                partsBefore++;
            }
        }

        /** Nothing to write: the same figures, and the same parts, so the row exists as it did. */
        boolean isNone() {
            return revenue.signum() == 0 && cost.signum() == 0 && quantity.signum() == 0 && orders == 0
                    && partsBefore == partsAfter;
        }

        /** It lost every changed order's part: it goes, unless another order's part is in it. */
        boolean mayBeEmpty() {
            return partsAfter == 0;
        }
    }

    final Map<Cell, Change> cells = new LinkedHashMap<>();
    final Map<Month, Change> months = new LinkedHashMap<>();

    private PartChanges() {
    }

    /**
     * The change from the parts {@code before} to the parts {@code after}, both of the same orders.
     * An order counts in a cell when it counts in its part there, and in a month when it counts in
     * any of its parts of the month.
     */
    static PartChanges of(List<Part> before, List<Part> after) {
        PartChanges changes = new PartChanges();
        record OrderMonth(UUID order, Month month) {
        }
        Map<OrderMonth, int[]> countedIn = new LinkedHashMap<>();
        for (int sign : new int[] {-1, 1}) {
            for (Part part : sign < 0 ? before : after) {
                Change cell = changes.cells.computeIfAbsent(new Cell(part.company(), part.group(), part.month()),
                        key -> new Change());
                cell.add(part, sign);
                if (part.counted()) {
                    cell.orders += sign;
                }
                Month month = new Month(part.company(), part.month());
                changes.months.computeIfAbsent(month, key -> new Change()).add(part, sign);
                int[] counted = countedIn.computeIfAbsent(new OrderMonth(part.order(), month), key -> new int[2]);
                if (part.counted()) {
                    counted[sign < 0 ? 0 : 1] = 1;
                }
            }
        }
        countedIn.forEach((orderMonth, counted) -> changes.months.get(orderMonth.month()).orders +=
                counted[1] - counted[0]);
        changes.cells.values().removeIf(Change::isNone);
        changes.months.values().removeIf(Change::isNone);
        return changes;
    }
}
