package org.clientela.salesfacts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.clientela.salesfacts.internal.PartChanges.Cell;
import org.clientela.salesfacts.internal.PartChanges.Change;
import org.clientela.salesfacts.internal.PartChanges.Month;
import org.clientela.salesfacts.internal.PartChanges.Part;
import org.junit.jupiter.api.Test;

/** What replacing an order's parts adds to its cells and months, on figures worked out by hand. */
class PartChangesTest {

    static final UUID COMPANY = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID GLASS = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID FRAMES = UUID.fromString("00000000-0000-0000-0000-0000000000f2");
    static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);
    static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);

    static Part part(UUID group, LocalDate month, String revenue, String cost, String quantity, boolean counted) {
        return new Part(ORDER, group, month, COMPANY, new BigDecimal(revenue), new BigDecimal(cost),
                new BigDecimal(quantity), counted);
    }

    static String figures(Change change) {
        return change.revenue.toPlainString() + " " + change.cost.toPlainString() + " "
                + change.quantity.toPlainString() + " orders " + change.orders + " parts " + change.partsBefore + "→"
                + change.partsAfter;
    }

    @Test
    void aConfirmedOrderAddsItsPartsToTheirCellsAndCountsOnceInItsMonth() {
        PartChanges changes = PartChanges.of(List.of(), List.of(
                part(GLASS, NOVEMBER, "3000.00", "1800.00", "3.000", true),
                part(FRAMES, NOVEMBER, "1250.50", "700.25", "5.000", true)));

        assertThat(figures(changes.cells.get(new Cell(COMPANY, GLASS, NOVEMBER))))
                .isEqualTo("3000.00 1800.00 3.000 orders 1 parts 0→1");
        assertThat(figures(changes.cells.get(new Cell(COMPANY, FRAMES, NOVEMBER))))
                .isEqualTo("1250.50 700.25 5.000 orders 1 parts 0→1");
        // 3000.00 + 1250.50, 1800.00 + 700.25, 3 + 5; one order, though in two cells
        assertThat(figures(changes.months.get(new Month(COMPANY, NOVEMBER))))
                .isEqualTo("4250.50 2500.25 8.000 orders 1 parts 0→2");
    }

    @Test
    void aChangedLineAddsTheDifferenceAndCountsTheOrderNoAgain() {
        PartChanges changes = PartChanges.of(
                List.of(part(GLASS, NOVEMBER, "3000.00", "1800.00", "3.000", true)),
                List.of(part(GLASS, NOVEMBER, "4000.00", "2400.00", "4.000", true)));

        assertThat(figures(changes.cells.get(new Cell(COMPANY, GLASS, NOVEMBER))))
                .isEqualTo("1000.00 600.00 1.000 orders 0 parts 1→1");
        assertThat(figures(changes.months.get(new Month(COMPANY, NOVEMBER))))
                .isEqualTo("1000.00 600.00 1.000 orders 0 parts 1→1");
    }

    @Test
    void theSamePartsAgainChangeNothing() {
        List<Part> parts = List.of(part(GLASS, NOVEMBER, "3000.00", "1800.00", "3.000", true),
                part(FRAMES, NOVEMBER, "1250.50", "700.25", "5.000", true));

        PartChanges changes = PartChanges.of(parts, parts);

        assertThat(changes.cells).isEmpty();
        assertThat(changes.months).isEmpty();
    }

    @Test
    void aCancelledOrderTakesItsPartsAwayAndMayEmptyItsCellsAndMonth() {
        PartChanges changes = PartChanges.of(List.of(
                part(GLASS, NOVEMBER, "3000.00", "1800.00", "3.000", true),
                part(FRAMES, NOVEMBER, "1250.50", "700.25", "5.000", true)), List.of());

        Change glass = changes.cells.get(new Cell(COMPANY, GLASS, NOVEMBER));
        assertThat(figures(glass)).isEqualTo("-3000.00 -1800.00 -3.000 orders -1 parts 1→0");
        assertThat(glass.mayBeEmpty()).isTrue();
        Change november = changes.months.get(new Month(COMPANY, NOVEMBER));
        assertThat(figures(november)).isEqualTo("-4250.50 -2500.25 -8.000 orders -1 parts 2→0");
        assertThat(november.mayBeEmpty()).isTrue();
    }

    @Test
    void aReturnInALaterMonthAddsItsFiguresThereWithoutCountingTheOrder() {
        // November's glass stays as it was; December gets the return of one unit (not counted)
        Part november = part(GLASS, NOVEMBER, "3000.00", "1800.00", "3.000", true);
        PartChanges changes = PartChanges.of(List.of(november),
                List.of(november, part(GLASS, DECEMBER, "-1000.00", "-600.00", "-1.000", false)));

        assertThat(changes.cells).containsOnlyKeys(new Cell(COMPANY, GLASS, DECEMBER));
        assertThat(figures(changes.cells.get(new Cell(COMPANY, GLASS, DECEMBER))))
                .isEqualTo("-1000.00 -600.00 -1.000 orders 0 parts 0→1");
        assertThat(changes.months).containsOnlyKeys(new Month(COMPANY, DECEMBER));
        assertThat(figures(changes.months.get(new Month(COMPANY, DECEMBER))))
                .isEqualTo("-1000.00 -600.00 -1.000 orders 0 parts 0→1");
    }

    @Test
    void anOrderStopsCountingInItsMonthOnlyWhenNoneOfItsPartsThereCounts() {
        // the frames were returned whole (the part no longer counts), the glass still counts
        PartChanges changes = PartChanges.of(List.of(
                part(GLASS, NOVEMBER, "3000.00", "1800.00", "3.000", true),
                part(FRAMES, NOVEMBER, "1250.50", "700.25", "5.000", true)), List.of(
                part(GLASS, NOVEMBER, "3000.00", "1800.00", "3.000", true),
                part(FRAMES, NOVEMBER, "0.00", "0.00", "0.000", false)));

        assertThat(changes.cells).containsOnlyKeys(new Cell(COMPANY, FRAMES, NOVEMBER));
        assertThat(figures(changes.cells.get(new Cell(COMPANY, FRAMES, NOVEMBER))))
                .isEqualTo("-1250.50 -700.25 -5.000 orders -1 parts 1→1");
        assertThat(figures(changes.months.get(new Month(COMPANY, NOVEMBER))))
                .isEqualTo("-1250.50 -700.25 -5.000 orders 0 parts 2→2");
    }
}
