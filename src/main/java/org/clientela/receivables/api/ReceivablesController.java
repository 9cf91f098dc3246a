package org.clientela.receivables.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.clientela.receivables.internal.Buckets;
import org.clientela.receivables.internal.ReceivablesReports;
import org.clientela.receivables.internal.ReceivablesReports.Ageing;
import org.clientela.receivables.internal.ReceivablesReports.AgeingRow;
import org.clientela.receivables.internal.ReceivablesReports.Balance;
import org.clientela.receivables.internal.ReceivablesReports.CompanyDso;
import org.clientela.receivables.internal.ReceivablesReports.Dso;
import org.clientela.receivables.internal.ReceivablesReports.GroupBy;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.Money;
import org.clientela.shared.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the clients owe: a company's balance at a date (R1), the ageing of receivables and DSO (R2). */
@RestController
@Tag(name = "Receivables", description = "Balances, ageing and DSO of the clients one may see")
class ReceivablesController {

    static final int MAX_PAGE_SIZE = 100;

    private final ReceivablesReports reports;

    ReceivablesController(ReceivablesReports reports) {
        this.reports = reports;
    }

    /**
     * @param balance     invoiced − paid: owed by the client, or (negative) paid in advance
     * @param openAmount  the unpaid part of the invoices unpaid that day
     * @param unallocated payments not set against invoices that day: the client's credit
     */
    record BalanceResponse(UUID companyId, LocalDate asOf, BigDecimal invoiced, BigDecimal paid, BigDecimal balance,
            int openInvoices, BigDecimal openAmount, BigDecimal overdue, BigDecimal unallocated, String currency) {

        static BalanceResponse of(Balance balance) {
            return new BalanceResponse(balance.companyId(), balance.asOf(), balance.invoiced(), balance.paid(),
                    balance.balance(), balance.openInvoices(), balance.openAmount(), balance.overdue(),
                    balance.unallocated(), Money.RUB.getCurrencyCode());
        }
    }

    /** Unpaid amounts by days past their due date. */
    record BucketsResponse(BigDecimal notDue, BigDecimal days1to30, BigDecimal days31to60, BigDecimal days61to90,
            BigDecimal over90, BigDecimal overdue, BigDecimal total) {

        static BucketsResponse of(Buckets buckets) {
            return new BucketsResponse(buckets.notDue(), buckets.days1to30(), buckets.days31to60(),
                    buckets.days61to90(), buckets.over90(), buckets.overdue(), buckets.total());
        }
    }

    /** @param id the company's, the manager's (user) or the team's id */
    record AgeingRowResponse(String id, String name, BucketsResponse buckets) {

        static AgeingRowResponse of(AgeingRow row) {
            return new AgeingRowResponse(row.id(), row.name(), BucketsResponse.of(row.buckets()));
        }
    }

    record AgeingResponse(LocalDate asOf, String groupBy, String currency, BucketsResponse total,
            PageResponse<AgeingRowResponse> rows) {

        static AgeingResponse of(Ageing ageing) {
            return new AgeingResponse(ageing.asOf(), ageing.groupBy().name().toLowerCase(Locale.ROOT),
                    Money.RUB.getCurrencyCode(), BucketsResponse.of(ageing.total()),
                    ageing.rows().map(AgeingRowResponse::of));
        }
    }

    /** @param dso {@code null} when nothing was invoiced in the period */
    record DsoResponse(LocalDate asOf, int days, String formula, BigDecimal receivables, BigDecimal invoiced,
            BigDecimal dso, String currency, PageResponse<CompanyDso> companies) {

        static DsoResponse of(Dso dso) {
            return new DsoResponse(dso.asOf(), dso.days(), DSO_FORMULA, dso.receivables(), dso.invoiced(), dso.dso(),
                    Money.RUB.getCurrencyCode(), dso.companies());
        }
    }

    static final String DSO_FORMULA = "receivables at asOf / invoiced in the `days` days up to asOf × days";

    @GetMapping("/api/v1/companies/{id}/balance")
    @Operation(summary = "A company's balance at the end of a day (today by default)",
            description = "invoiced (issued up to the day) − paid (payments dated up to the day) = balance; the "
                    + "invoices unpaid that day (count, unpaid amount, overdue part) and the client's unallocated "
                    + "credit that day. A day in the future answers 400.")
    BalanceResponse balance(@PathVariable UUID id, @RequestParam(required = false) String asOf) {
        return BalanceResponse.of(reports.balance(id, reports.asOf(asOf)));
    }

    @GetMapping("/api/v1/receivables/aging")
    @Operation(summary = "Ageing of receivables at a day: not due, 1–30, 31–60, 61–90, over 90 days overdue",
            description = """
                    Of the clients one may see, grouped by company, manager or team (groupBy), the lines with the \
                    most overdue first, with the total of all lines. For a past day each invoice counts with what \
                    was unpaid that day (payments dated up to it); invoices paid by then are left out. ownerId: one \
                    manager's clients. Pages: page (from 0), size (at most 100).""")
    AgeingResponse ageing(@RequestParam(required = false) String asOf,
            @RequestParam(required = false) String groupBy, @RequestParam(required = false) UUID ownerId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        checkPage(page, size);
        return AgeingResponse.of(reports.ageing(reports.asOf(asOf), GroupBy.of(groupBy), ownerId, page, size));
    }

    @GetMapping("/api/v1/receivables/dso")
    @Operation(summary = "DSO (days sales outstanding) at a day, overall and per company",
            description = """
                    DSO = receivables at asOf / invoiced in the `days` days up to asOf (asOf included) × days, to a \
                    tenth of a day; receivables are the unpaid part of the invoices unpaid at asOf (as in the \
                    ageing). null when nothing was invoiced in the period. Companies one may see with receivables \
                    or invoices in the period, the largest receivables first; days from 1 to 3650 (90 by default).""")
    DsoResponse dso(@RequestParam(required = false) String asOf, @RequestParam(defaultValue = "90") int days,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        checkPage(page, size);
        return DsoResponse.of(reports.dso(reports.asOf(asOf), days, page, size));
    }

    private static void checkPage(int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "receivables.page.negative");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "receivables.page.size", MAX_PAGE_SIZE);
        }
    }
}
