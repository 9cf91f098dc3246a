package org.clientela.receivables.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What an import of payments or invoices found in a file, row by row, and whether it was written.
 * Rows are numbered as a spreadsheet shows them, the header being row 1. The lists hold at most
 * {@link AccountingImport#MAX_LISTED} entries; the counts are of everything.
 *
 * @param rows           the rows with any value (the header not counted)
 * @param toWrite        the rows that are (or would be) written: neither wrong nor already there
 * @param duplicateCount rows already in the database (or earlier in the file): reported, skipped
 * @param valid          no row has a problem: the file can be written
 * @param results        every row's result, in the file's order
 */
public record AccountingImportReport(String fileName, AccountingImport.Kind kind, int rows, int toWrite,
        int duplicateCount, int problemCount, boolean valid, List<String> unknownColumns, List<RowResult> results,
        List<RowProblem> problems, boolean committed) {

    /** What becomes of a row. */
    public enum Status { OK, DUPLICATE, PROBLEM }

    /**
     * One row as read: its payment (date, payment order number) or invoice (issue date, number),
     * the client found by its INN, the amount, and what becomes of it.
     *
     * @param message why it is a duplicate or wrong; {@code null} when it is written
     */
    public record RowResult(int row, Status status, LocalDate date, String number, String inn, UUID companyId,
            String companyName, BigDecimal amount, String message) {
    }

    /** A wrong value: its row, its field, the file's column of it, and why. */
    public record RowProblem(int row, String field, String column, String message) {
    }
}
