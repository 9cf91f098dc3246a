package org.clientela.clients.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompanyQuery;
import org.clientela.clients.CompanyView;
import org.clientela.identity.AccessPolicy;
import org.clientela.shared.InvalidInputException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports the company list as it is filtered (C5) to XLSX or CSV, in {@link CompanyColumn}s so
 * that the file imports back. Every matching company the user may see is written, streamed from
 * the database to the response in batches, never held in memory as a whole. Each export is
 * recorded in the audit log: the client base is a commercial secret.
 */
@Service
public class CompanyExport {

    /** The formats of an export: what a file is called and how it is served. */
    public enum Format {
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        /** UTF-8 with a BOM, {@code ;} between cells and CRLF between rows: what Excel opens right in Russia. */
        CSV("csv", "text/csv;charset=UTF-8");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        /** {@code xlsx} or {@code csv}, in any case; anything else is refused at the field {@code format}. */
        public static Format of(String name) {
            for (Format format : values()) {
                if (format.extension.equalsIgnoreCase(name == null ? "" : name.strip())) {
                    return format;
                }
            }
            throw new InvalidInputException("format", "clients.export.unknownFormat", "xlsx, csv");
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** Rows fetched from the database at a time, and written out of memory at a time. */
    static final int BATCH = 1_000;

    /** Registration numbers and accounts: digits that are text, whose leading zeros must survive. */
    private static final Set<CompanyColumn> NUMBERS_AS_TEXT = EnumSet.of(CompanyColumn.INN, CompanyColumn.KPP,
            CompanyColumn.OGRN, CompanyColumn.BIK, CompanyColumn.SETTLEMENT_ACCOUNT,
            CompanyColumn.CORRESPONDENT_ACCOUNT);

    private static final CSVFormat CSV_FORMAT = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .setRecordSeparator("\r\n")
            .get();

    private final AccessPolicy accessPolicy;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final JdbcClient streaming;
    private final TransactionTemplate reading;
    private final TransactionTemplate recording;
    private final Clock clock;
    private final ZoneId zone;

    CompanyExport(AccessPolicy accessPolicy, AuditLog auditLog, MessageSource messages, DataSource dataSource,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.accessPolicy = accessPolicy;
        this.auditLog = auditLog;
        this.messages = messages;
        // PostgreSQL hands rows over in batches only with a fetch size, inside a transaction
        JdbcTemplate batched = new JdbcTemplate(dataSource);
        batched.setFetchSize(BATCH);
        this.streaming = JdbcClient.create(batched);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.recording = new TransactionTemplate(transactions);
        this.recording.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.zone = zone;
    }

    /** Today's file name, e.g. {@code companies-2026-11-27.xlsx}. */
    public String fileName(Format format) {
        return "companies-" + LocalDate.now(clock.withZone(zone)) + "." + format.extension();
    }

    /** The {@code Content-Disposition} of today's file: an attachment, never shown in the browser. */
    public String contentDisposition(Format format) {
        return ContentDisposition.attachment().filename(fileName(format)).build().toString();
    }

    /**
     * Checks the sort before anything is written: a wrong one is refused at the field {@code sort},
     * while the answer can still be an error.
     */
    public Sort checkedSort(Sort sort) {
        return CompanyService.PAGING.check(PageRequest.of(0, 1, sort)).getSort();
    }

    /**
     * Writes every company of the query within the current user's scope, in the sort given (see
     * {@link #checkedSort}), headers and labels in {@code locale}.
     *
     * @return the number of companies written
     */
    public long export(CompanyQuery query, Sort sort, Format format, Locale locale, OutputStream out)
            throws IOException {
        CompanyCriteria criteria = CompanyCriteria.of(query, accessPolicy.currentScope());
        PageRequest sorted = CompanyService.PAGING.check(PageRequest.of(0, 1, sort));
        long[] written = {0};
        boolean complete = false;
        try {
            Rows rows = format == Format.XLSX ? new XlsxRows(out, sheetName(locale)) : new CsvRows(out);
            rows.header(headers(locale));
            if (!criteria.nothing()) {
                reading.executeWithoutResult(status -> streaming.sql("""
                                select c.*, u.full_name as owner_name
                                from company c join app_user u on u.id = c.owner_id
                                where %s
                                order by %s
                                """.formatted(criteria.sql(), CompanyService.PAGING.orderBy(sorted, "c.id")))
                        .params(criteria.params())
                        .query((RowCallbackHandler) rs -> {
                            rows.row(cells(CompanyService.fromRow(rs), locale));
                            written[0]++;
                        }));
            }
            // only a complete file is finished: one broken off stays visibly broken, not a short list
            rows.finish();
            complete = true;
        } finally {
            // recorded whatever happened to the download: rows may have left before it broke off
            String description = describe(format, query, sorted.getSort(), written[0], complete);
            recording.executeWithoutResult(status -> auditLog.exported(CompanyService.COMPANY, description));
        }
        return written[0];
    }

    private List<String> headers(Locale locale) {
        List<String> headers = new ArrayList<>();
        for (CompanyColumn column : CompanyColumn.values()) {
            headers.add(messages.getMessage(column.headerKey(), null, column.field(), locale));
        }
        return headers;
    }

    private List<String> cells(CompanyView company, Locale locale) {
        List<String> cells = new ArrayList<>();
        for (CompanyColumn column : CompanyColumn.values()) {
            String value = column.value(company);
            if (value != null && column.labelPrefix() != null) {
                value = messages.getMessage(column.labelPrefix() + value, null, value, locale);
            }
            cells.add(value == null || value.isEmpty() ? null : value);
        }
        return cells;
    }

    private String sheetName(Locale locale) {
        return messages.getMessage("clients.list.heading", null, "Companies", locale);
    }

    /** The format, the filters as the list's parameters, the order and the number of rows. */
    static String describe(Format format, CompanyQuery query, Sort sort, long rows, boolean complete) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("q", query.q());
        filters.put("status", query.status());
        filters.put("segment", query.segment());
        filters.put("region", query.region());
        filters.put("ownerId", query.ownerId());
        filters.put("tag", query.tag());
        filters.put("source", query.source());
        String given = filters.entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getValue().toString().isBlank())
                .map(entry -> entry.getKey() + "=" + entry.getValue().toString().strip())
                .collect(Collectors.joining(", "));
        String order = sort.stream().map(o -> o.getProperty() + " " + o.getDirection().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return format + "; filters: " + (given.isEmpty() ? "none" : given) + "; sort: " + order + "; rows: " + rows
                + (complete ? "" : "; interrupted");
    }

    /**
     * A CSV cell that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -},
     * {@code @}, a tab or a carriage return first) gets a leading apostrophe, as OWASP advises: a
     * client's name must never run as a formula on the computer of whoever opens the file. An
     * import strips the apostrophe before such a character ({@link org.clientela.platform.ImportFile#undefused}).
     */
    static String defused(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** An export file being written, row by row. */
    private interface Rows {

        void header(List<String> cells) throws IOException;

        void row(List<String> cells);

        void finish() throws IOException;
    }

    private static final class CsvRows implements Rows {

        private final CSVPrinter printer;

        CsvRows(OutputStream out) throws IOException {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            this.printer = new CSVPrinter(writer, CSV_FORMAT);
        }

        @Override
        public void header(List<String> cells) throws IOException {
            printer.printRecord(cells);
        }

        @Override
        public void row(List<String> cells) {
            try {
                printer.printRecord(cells.stream().map(CompanyExport::defused).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void finish() throws IOException {
            printer.flush();
        }
    }

    private static final class XlsxRows implements Rows {

        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        XlsxRows(OutputStream out, String sheetName) {
            this.workbook = new Workbook(out, "Clientela", "1.0");
            this.sheet = workbook.newWorksheet(sheetName);
        }

        @Override
        public void header(List<String> cells) {
            CompanyColumn[] columns = CompanyColumn.values();
            for (int i = 0; i < cells.size(); i++) {
                sheet.inlineString(0, i, cells.get(i));
                sheet.style(0, i).bold().set();
                sheet.width(i, width(columns[i]));
                if (NUMBERS_AS_TEXT.contains(columns[i])) {
                    // what someone types into the column later stays text as well
                    sheet.style(i).format("@").set();
                }
            }
            sheet.freezePane(0, 1);
            row = 1;
        }

        /**
         * Every cell is an inline string: never a number that loses a leading zero or the end of a
         * 20-digit account, never a formula, and no table of all strings kept until the end.
         */
        @Override
        public void row(List<String> cells) {
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i) != null) {
                    sheet.inlineString(row, i, cells.get(i));
                }
            }
            row++;
            if (row % BATCH == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void finish() throws IOException {
            workbook.finish();
        }

        private static double width(CompanyColumn column) {
            return switch (column) {
                case NAME, BANK_NAME, OWNER -> 36;
                case LEGAL_ADDRESS, DELIVERY_ADDRESS -> 48;
                case SETTLEMENT_ACCOUNT, CORRESPONDENT_ACCOUNT -> 24;
                case LOST_REASON, TAGS -> 30;
                case INN, OGRN -> 17;
                case KPP, BIK -> 12;
                default -> 18;
            };
        }
    }
}
