package org.clientela.receivables.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.clientela.audit.AuditLog;
import org.clientela.receivables.internal.ReceivablesReports.Ageing;
import org.clientela.receivables.internal.ReceivablesReports.AgeingRow;
import org.clientela.receivables.internal.ReceivablesReports.GroupBy;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ageing of receivables as an XLSX workbook: every line of the grouping the user may see,
 * the amounts as numbers (a spreadsheet sums them), the total last. Each export is recorded in the
 * audit log: who owes us what is a commercial secret.
 */
@Service
public class AgeingExport {

    static final String RECEIVABLES = "Receivables";
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String MONEY = "#,##0.00";

    private final ReceivablesReports reports;
    private final AuditLog auditLog;
    private final MessageSource messages;

    AgeingExport(ReceivablesReports reports, AuditLog auditLog, MessageSource messages) {
        this.reports = reports;
        this.auditLog = auditLog;
        this.messages = messages;
    }

    /** The file's name, e.g. {@code aging-2025-03-31-company.xlsx}, as an attachment. */
    public String contentDisposition(Ageing ageing) {
        return ContentDisposition.attachment().filename("aging-" + ageing.asOf() + "-"
                + ageing.groupBy().name().toLowerCase(Locale.ROOT) + ".xlsx").build().toString();
    }

    /** Every line of the ageing, read before anything is written, so a refusal can still be an error page. */
    @Transactional(readOnly = true)
    public Ageing read(LocalDate asOf, GroupBy groupBy) {
        return reports.ageing(asOf, groupBy, null, 0, Integer.MAX_VALUE);
    }

    @Transactional
    public void write(Ageing ageing, Locale locale, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Clientela", "1.0");
        Worksheet sheet = workbook.newWorksheet(message("receivables.ageing.sheet", locale));
        sheet.inlineString(0, 0, message("receivables.ageing.title", locale, ageing.asOf().format(
                "en".equals(locale.getLanguage()) ? DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
                        : DateTimeFormatter.ofPattern("dd.MM.yyyy"))));
        sheet.style(0, 0).bold().set();
        List<String> headers = List.of(message("receivables.ageing.group." + ageing.groupBy().name(), locale),
                message("receivables.bucket.NOT_DUE", locale), message("receivables.bucket.DAYS_1_30", locale),
                message("receivables.bucket.DAYS_31_60", locale), message("receivables.bucket.DAYS_61_90", locale),
                message("receivables.bucket.OVER_90", locale), message("receivables.ageing.overdue", locale),
                message("receivables.ageing.total", locale));
        for (int column = 0; column < headers.size(); column++) {
            sheet.inlineString(2, column, headers.get(column));
            sheet.style(2, column).bold().wrapText(true).set();
            sheet.width(column, column == 0 ? 44 : 17);
        }
        sheet.freezePane(1, 3);
        int row = 3;
        for (AgeingRow line : ageing.rows().content()) {
            sheet.inlineString(row, 0, line.name() == null ? line.id() : line.name());
            amounts(sheet, row, line.buckets(), false);
            row++;
        }
        sheet.inlineString(row, 0, message("receivables.ageing.total", locale));
        sheet.style(row, 0).bold().set();
        amounts(sheet, row, ageing.total(), true);
        workbook.finish();
        auditLog.exported(RECEIVABLES, "XLSX; aging as of " + ageing.asOf() + "; by "
                + ageing.groupBy().name().toLowerCase(Locale.ROOT) + "; rows: " + ageing.rows().content().size());
    }

    private static void amounts(Worksheet sheet, int row, Buckets buckets, boolean bold) {
        List<BigDecimal> values = List.of(buckets.notDue(), buckets.days1to30(), buckets.days31to60(),
                buckets.days61to90(), buckets.over90(), buckets.overdue(), buckets.total());
        for (int i = 0; i < values.size(); i++) {
            sheet.value(row, i + 1, values.get(i));
            var style = sheet.style(row, i + 1).format(MONEY);
            if (bold) {
                style = style.bold();
            }
            style.set();
        }
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
