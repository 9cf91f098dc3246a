package org.clientela.clients.internal;

import java.util.List;
import java.util.UUID;

/**
 * What an import found in a file, row by row, and whether it was written. Rows are numbered as a
 * spreadsheet shows them, the header being row 1. The lists are capped at
 * {@link CompanyImport#MAX_LISTED}; the counts are of everything.
 *
 * @param rows          the rows with any value (the header not counted)
 * @param companies     the companies those rows make (rows of one INN and KPP are one company)
 * @param contacts      the contact persons among them
 * @param valid         no row has a problem and none is a duplicate: the file can be written
 * @param columns       each column of the file and the field it fills ({@code null}: ignored)
 * @param preview       the first rows, each with a summary and whether it passed
 */
public record ImportReport(String fileName, int rows, int companies, int contacts, boolean valid,
        int problemCount, List<RowProblem> problems, int duplicateCount, List<Duplicate> duplicates,
        List<String> unknownColumns, List<Column> columns, List<PreviewRow> preview, boolean committed) {

    /** A wrong value: its row, its field (API name), the file's column of it (or the field's label), and why. */
    public record RowProblem(int row, String field, String column, String message) {
    }

    /**
     * A company already in the client base. The existing company is named only to those who may
     * see it; the message says whom to ask otherwise.
     */
    public record Duplicate(int row, String inn, String kpp, UUID existingCompanyId, String existingName,
            String message) {
    }

    public record Column(int index, String header, String field) {
    }

    public record PreviewRow(int row, String name, String inn, String kpp, String contact, boolean ok) {
    }

    ImportReport committed(boolean written) {
        return new ImportReport(fileName, rows, companies, contacts, valid, problemCount, problems, duplicateCount,
                duplicates, unknownColumns, columns, preview, written);
    }
}
