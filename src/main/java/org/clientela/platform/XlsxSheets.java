package org.clientela.platform;

import java.math.BigDecimal;
import java.util.List;

import org.dhatim.fastexcel.Worksheet;

/**
 * What every XLSX export writes the same way (fastexcel): the content type, a bold header row,
 * amounts as numbers in a money format so that a spreadsheet sums them. Read a workbook back with
 * {@link ImportFile}.
 */
public final class XlsxSheets {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String MONEY = "#,##0.00";

    private XlsxSheets() {
    }

    /** The column headers in bold across {@code row}, each column {@code widths[i]} characters wide. */
    public static void header(Worksheet sheet, int row, List<String> headers, int... widths) {
        for (int column = 0; column < headers.size(); column++) {
            sheet.inlineString(row, column, headers.get(column));
            sheet.style(row, column).bold().wrapText(true).set();
            sheet.width(column, widths[column]);
        }
    }

    /** A number as a number in {@code format}; nothing for {@code null}. */
    public static void number(Worksheet sheet, int row, int column, BigDecimal value, String format) {
        if (value != null) {
            sheet.value(row, column, value);
            sheet.style(row, column).format(format).set();
        }
    }
}
