package org.clientela.keyaccounts.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.clientela.audit.AuditLog;
import org.clientela.keyaccounts.AbcXyzAnalysis;
import org.clientela.keyaccounts.ClassifiedCompany;
import org.clientela.platform.XlsxSheets;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An ABC/XYZ analysis as an XLSX workbook: every classified client in the ABC order, the figures as
 * numbers (a spreadsheet sums them). Each export is recorded in the audit log: what each client
 * buys from us is a commercial secret.
 */
@Service
public class AbcXyzExport {

    public static final String CONTENT_TYPE = XlsxSheets.CONTENT_TYPE;
    static final String AUDITED_AS = "AbcXyz";
    private static final String MONEY = XlsxSheets.MONEY;
    private static final String PERCENT = "0.00";

    private final AuditLog auditLog;
    private final MessageSource messages;

    AbcXyzExport(AuditLog auditLog, MessageSource messages) {
        this.auditLog = auditLog;
        this.messages = messages;
    }

    /** E.g. {@code abc-xyz-revenue-2025-01-2025-12.xlsx}, as an attachment. */
    public String contentDisposition(AbcXyzAnalysis analysis) {
        return ContentDisposition.attachment().filename("abc-xyz-" + analysis.measure().code() + "-" + analysis.from()
                + "-" + analysis.to() + ".xlsx").build().toString();
    }

    @Transactional
    public void write(AbcXyzAnalysis analysis, Locale locale, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Clientela", "1.0");
        Worksheet sheet = workbook.newWorksheet(message("keyaccounts.abcXyz.sheet", locale));
        sheet.inlineString(0, 0, message("keyaccounts.abcXyz.export.title", locale,
                message("keyaccounts.measure." + analysis.measure(), locale), analysis.from().toString(),
                analysis.to().toString()));
        sheet.style(0, 0).bold().set();
        List<String> headers = List.of(message("keyaccounts.abcXyz.rank", locale),
                message("keyaccounts.abcXyz.company", locale),
                message("keyaccounts.measure." + analysis.measure(), locale),
                message("keyaccounts.abcXyz.share", locale), message("keyaccounts.abcXyz.cumulativeShare", locale),
                message("keyaccounts.abcXyz.abc", locale), message("keyaccounts.abcXyz.cv", locale),
                message("keyaccounts.abcXyz.xyz", locale), message("keyaccounts.abcXyz.previous", locale),
                message("keyaccounts.abcXyz.movement", locale));
        XlsxSheets.header(sheet, 2, headers, 14, 44, 14, 14, 14, 14, 14, 14, 14, 14);
        sheet.freezePane(2, 3);
        int row = 3;
        for (ClassifiedCompany company : analysis.companies()) {
            sheet.value(row, 0, row - 2);
            sheet.inlineString(row, 1, company.companyName());
            XlsxSheets.number(sheet, row, 2, company.value(), MONEY);
            XlsxSheets.number(sheet, row, 3, company.share(), PERCENT);
            XlsxSheets.number(sheet, row, 4, company.cumulativeShare(), PERCENT);
            sheet.inlineString(row, 5, company.abc().name());
            XlsxSheets.number(sheet, row, 6, company.cv(), PERCENT);
            sheet.inlineString(row, 7, company.xyz().name());
            if (company.previousAbc() != null) {
                sheet.inlineString(row, 8, company.previousAbc().name() + company.previousXyz().name());
            }
            sheet.inlineString(row, 9, message("keyaccounts.movement." + company.movement(), locale));
            row++;
        }
        sheet.inlineString(row, 1, message("keyaccounts.abcXyz.total", locale));
        sheet.style(row, 1).bold().set();
        XlsxSheets.number(sheet, row, 2, analysis.total(), MONEY);
        sheet.style(row, 2).bold().format(MONEY).set();
        workbook.finish();
        auditLog.exported(AUDITED_AS, "XLSX; ABC/XYZ by " + analysis.measure().code() + " " + analysis.from() + ".."
                + analysis.to() + "; rows: " + analysis.companies().size());
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
