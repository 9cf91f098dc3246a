package org.clientela.receivables.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.clientela.receivables.internal.Ledger.OpenInvoice;
import org.clientela.receivables.internal.Ledger.Share;
import org.junit.jupiter.api.Test;

/** How a payment is split over invoices and which invoices its purpose names, without a database. */
class AllocationUnitTest {

    static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    @Test
    void theOldestDebtIsPaidFirstByDueDateThenIssueDateThenNumber() {
        OpenInvoice dueLater = invoice("СЧ-000001", DAY.minusDays(30), DAY.plusDays(5), "100.00", "0");
        OpenInvoice issuedLater = invoice("СЧ-000002", DAY.minusDays(10), DAY, "100.00", "0");
        OpenInvoice numberedLater = invoice("СЧ-000004", DAY.minusDays(20), DAY, "100.00", "0");
        OpenInvoice first = invoice("СЧ-000003", DAY.minusDays(20), DAY, "100.00", "0");
        List<OpenInvoice> invoices = new ArrayList<>(List.of(dueLater, issuedLater, numberedLater, first));

        invoices.sort(Ledger.OLDEST_FIRST);

        assertThat(invoices).containsExactly(first, numberedLater, issuedLater, dueLater);
    }

    @Test
    void aPaymentPaysEachInvoiceInFullWhileTheMoneyLastsAndTheLastInPart() {
        OpenInvoice partlyPaid = invoice("A", DAY, DAY, "1000.00", "400.00");
        OpenInvoice second = invoice("B", DAY, DAY, "500.00", "0");
        OpenInvoice untouched = invoice("C", DAY, DAY, "300.00", "0");

        List<Share> shares = Ledger.plan(new BigDecimal("750.00"), List.of(partlyPaid, second, untouched));

        // 600 still owed on A, then 150 of B's 500
        assertThat(shares).extracting(share -> share.invoice().number() + " " + share.amount())
                .containsExactly("A 600.00", "B 150.00");
        assertThat(Ledger.total(shares)).isEqualByComparingTo("750.00");
        assertThat(Ledger.total(Ledger.plan(new BigDecimal("2000.00"), List.of(partlyPaid, second, untouched))))
                .isEqualByComparingTo("1400.00");
    }

    @Test
    void thePurposeNamesInvoicesByTheirWholeNumberInTheOrderItMentionsThem() {
        OpenInvoice short1 = invoice("СЧ-00012", DAY, DAY, "1.00", "0");
        OpenInvoice long1 = invoice("СЧ-000123", DAY, DAY, "1.00", "0");
        OpenInvoice other = invoice("1С/77", DAY, DAY, "1.00", "0");

        assertThat(PaymentService.mentionedIn("Оплата по счетам 1с/77 и сч-000123 от 01.03.2025, НДС 20%",
                List.of(short1, long1, other))).containsExactly(other, long1);
        assertThat(PaymentService.mentionedIn("Оплата по счёту СЧ-0001234", List.of(short1, long1))).isEmpty();
        assertThat(PaymentService.mentionedIn("СЧ-00012", List.of(short1, long1))).containsExactly(short1);
    }

    @Test
    void daysOverdueFallInTheirBucketsAtTheBoundaries() {
        assertThat(AgeBucket.of(-5)).isEqualTo(AgeBucket.NOT_DUE);
        assertThat(AgeBucket.of(0)).isEqualTo(AgeBucket.NOT_DUE);
        assertThat(AgeBucket.of(1)).isEqualTo(AgeBucket.DAYS_1_30);
        assertThat(AgeBucket.of(30)).isEqualTo(AgeBucket.DAYS_1_30);
        assertThat(AgeBucket.of(31)).isEqualTo(AgeBucket.DAYS_31_60);
        assertThat(AgeBucket.of(60)).isEqualTo(AgeBucket.DAYS_31_60);
        assertThat(AgeBucket.of(61)).isEqualTo(AgeBucket.DAYS_61_90);
        assertThat(AgeBucket.of(90)).isEqualTo(AgeBucket.DAYS_61_90);
        assertThat(AgeBucket.of(91)).isEqualTo(AgeBucket.OVER_90);
    }

    @Test
    void dsoIsReceivablesOverInvoicedTimesDaysToATenth() {
        // 3 100 / 2 500 × 90 = 111.6; 1 000 / 3 000 × 30 = 9.999… → 10.0
        assertThat(ReceivablesReports.dso(new BigDecimal("3100.00"), new BigDecimal("2500.00"), 90))
                .isEqualByComparingTo("111.6");
        assertThat(ReceivablesReports.dso(new BigDecimal("1000.00"), new BigDecimal("3000.00"), 30))
                .isEqualByComparingTo("10.0");
        assertThat(ReceivablesReports.dso(new BigDecimal("1000.00"), BigDecimal.ZERO, 30)).isNull();
    }

    @Test
    void aSpreadsheetsDateCellReadsAsItsDay() {
        // 45 717 days after 30.12.1899
        assertThat(AccountingImport.excelDay("45717")).isEqualTo("2025-03-01");
        assertThat(AccountingImport.excelDay("45717.0")).isEqualTo("2025-03-01");
        assertThat(AccountingImport.excelDay("01.03.2025")).isEqualTo("01.03.2025");
        assertThat(AccountingImport.excelDay("123")).isEqualTo("123");
    }

    @Test
    void clientsAreLockedInTheOrderPostgresqlSortsTheirIds() {
        UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
        UUID low = UUID.fromString("10000000-0000-0000-0000-000000000000");

        assertThat(List.of(high, low).stream().sorted(Ledger.AS_POSTGRESQL_SORTS)).containsExactly(low, high);
        // where Java's own order of uuids, signed, would lock them the other way round
        assertThat(high.compareTo(low)).isNegative();
    }

    private static OpenInvoice invoice(String number, LocalDate issued, LocalDate due, String amount, String paid) {
        return new OpenInvoice(UUID.randomUUID(), number, issued, due, new BigDecimal(amount), new BigDecimal(paid));
    }
}
