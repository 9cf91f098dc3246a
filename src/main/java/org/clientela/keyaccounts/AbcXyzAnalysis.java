package org.clientela.keyaccounts;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * An ABC/XYZ analysis of a period (whole months, {@code from} to {@code to} inclusive).
 *
 * @param total     the sum of the clients' positive values: what the shares are of
 * @param matrix    the nine cells, A X first, by ABC then XYZ
 * @param companies the classified clients in the ABC order: value descending, then company id
 */
public record AbcXyzAnalysis(YearMonth from, YearMonth to, Measure measure, Thresholds thresholds, BigDecimal total,
        List<MatrixCell> matrix, List<ClassifiedCompany> companies) {

    public AbcXyzAnalysis {
        matrix = List.copyOf(matrix);
        companies = List.copyOf(companies);
    }

    public MatrixCell cell(AbcClass abc, XyzClass xyz) {
        return matrix.get(abc.ordinal() * XyzClass.values().length + xyz.ordinal());
    }
}
