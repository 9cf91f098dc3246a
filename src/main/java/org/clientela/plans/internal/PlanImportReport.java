package org.clientela.plans.internal;

import java.util.List;

/**
 * What an import of a plan's table found: every row of the file with its problems, each at its
 * cell. Nothing is written unless every row is right ({@code committed}).
 *
 * @param version  the plan's version now (the same as before unless committed)
 * @param rowCount the rows read, the header not counted
 */
public record PlanImportReport(boolean dryRun, boolean committed, long version, int rowCount, int problemCount,
        List<Row> rows) {

    public boolean valid() {
        return problemCount == 0;
    }

    /**
     * One row of the file as it was read.
     *
     * @param row the row's number as a spreadsheet shows it, the header being row 1
     */
    public record Row(int row, String type, String id, String name, List<CellProblem> problems) {
    }

    /**
     * @param field   the column's field: {@code type}, {@code id}, {@code revenue}, {@code margin},
     *                {@code activeClients}, {@code newClients}
     * @param cell    the cell's address, e.g. {@code D5}
     * @param message with the row and the column, e.g. «Строка 5, столбец «Выручка без НДС, ₽» (D5): …»
     */
    public record CellProblem(String field, String cell, String message) {
    }
}
