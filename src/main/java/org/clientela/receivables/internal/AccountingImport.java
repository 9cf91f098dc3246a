package org.clientela.receivables.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.clientela.identity.AccessPolicy;
import org.clientela.identity.UserId;
import org.clientela.platform.ImportFile;
import org.clientela.receivables.internal.AccountingImportReport.RowProblem;
import org.clientela.receivables.internal.AccountingImportReport.RowResult;
import org.clientela.receivables.internal.AccountingImportReport.Status;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InputErrors;
import org.clientela.shared.Inn;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.Kpp;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports payments (a bank statement) or invoices from the accounting system, as CSV or XLSX
 * (R1). Each row's client is found by its INN (and KPP); each row is checked as a payment or an
 * invoice entered by hand, and the file is written all or nothing, in one transaction, only when
 * no row has a problem. A payment already recorded (the same client, date, payment order number
 * and amount) or an invoice already there (its number, for the same client, day and amount) is
 * reported as a duplicate and skipped, so that overlapping statements can be imported one after
 * another. Payments are written in the order of their dates, each allocated as it is written.
 */
@Service
public class AccountingImport {

    /** The rows, problems and results listed in a report; all are counted. */
    public static final int MAX_LISTED = 1000;

    private static final Pattern EXCEL_DAY = Pattern.compile("\\d{5}(\\.0+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /** What a file holds, and the fields of its columns (those required marked). */
    public enum Kind {
        PAYMENTS(List.of("date", "reference", "inn", "amount"),
                List.of("date", "reference", "inn", "kpp", "amount", "purpose", "invoiceNumber", "advance")),
        INVOICES(List.of("number", "issueDate", "inn", "amount", "vatAmount"),
                List.of("number", "issueDate", "dueDate", "inn", "kpp", "amount", "vatAmount"));

        private final List<String> required;
        private final List<String> fields;

        Kind(List<String> required, List<String> fields) {
            this.required = required;
            this.fields = fields;
        }

        public List<String> fields() {
            return fields;
        }

        /** The key of a field's header labels: {@code |}-separated, the first one shown. */
        public String headerKey(String field) {
            return "receivables.import." + name().toLowerCase(Locale.ROOT) + "." + field;
        }

        /** {@code payments} or {@code invoices}, any case. */
        public static Kind of(String text) {
            try {
                return valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("kind", "receivables.import.unknownKind", String.valueOf(text));
            }
        }
    }

    /**
     * The file cannot be imported at all, with the reason in the user's language;
     * {@code unsupported} when it is not a table of a kind we read.
     */
    public static final class FileRefused extends RuntimeException {
        private final boolean unsupported;

        FileRefused(boolean unsupported, String message) {
            super(message);
            this.unsupported = unsupported;
        }

        public boolean unsupported() {
            return unsupported;
        }
    }

    /** A row found wrong while being written: the transaction rolls back, nothing is written. */
    private static final class RowRefused extends RuntimeException {
        final transient List<RowProblem> problems;

        RowRefused(List<RowProblem> problems) {
            super("row refused");
            this.problems = problems;
        }
    }

    private final JdbcClient jdbc;
    private final PaymentService payments;
    private final InvoiceService invoices;
    private final Ledger ledger;
    private final AccessPolicy accessPolicy;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final Today today;

    AccountingImport(JdbcClient jdbc, PaymentService payments, InvoiceService invoices, Ledger ledger,
            AccessPolicy accessPolicy, TransactionTemplate transactions, MessageSource messages, Today today) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.invoices = invoices;
        this.ledger = ledger;
        this.accessPolicy = accessPolicy;
        this.transactions = transactions;
        this.messages = messages;
        this.today = today;
    }

    /** Checks every row and writes nothing. */
    @PreAuthorize(InvoiceService.INVOICE_KEEPERS)
    public AccountingImportReport check(Path file, String fileName, Kind kind, Locale locale) {
        return new Run(open(file, locale), fileName, kind, locale).check();
    }

    /** Checks every row and, when none has a problem, writes them all in one transaction. */
    @PreAuthorize(InvoiceService.INVOICE_KEEPERS)
    public AccountingImportReport importFile(Path file, String fileName, Kind kind, Locale locale) {
        Run run = new Run(open(file, locale), fileName, kind, locale);
        AccountingImportReport report = run.check();
        if (!report.valid()) {
            return report;
        }
        try {
            transactions.executeWithoutResult(status -> run.write());
        } catch (RowRefused refused) {
            return run.refused(refused.problems);
        }
        return run.report(true);
    }

    private ImportFile open(Path file, Locale locale) {
        try {
            return ImportFile.open(file);
        } catch (ImportFile.Unreadable e) {
            throw new FileRefused(e.unsupported(), message(locale, e.messageKey(), e.arguments()));
        }
    }

    private String message(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    /** A client as its INN finds it. */
    private record Client(UUID id, String name, String inn, String kpp, UUID owner, boolean archived) {
    }

    /** One row of the file: its values, what they mean once checked, and what becomes of it. */
    private static final class Row {
        final int number;
        final Map<String, String> values;
        final List<RowProblem> problems = new ArrayList<>();
        Status status = Status.OK;
        String message;
        Client client;
        String inn;
        String kpp;
        LocalDate date;
        BigDecimal amount;
        PaymentService.Checked payment;
        InvoiceService.Checked invoice;

        Row(int number, Map<String, String> values) {
            this.number = number;
            this.values = values;
        }

        String value(String field) {
            return values.get(field);
        }

        /** The number a person recognises the row by: the payment order's or the invoice's. */
        String documentNumber() {
            return values.containsKey("reference") ? value("reference") : value("number");
        }
    }

    /** One import of one file. */
    private final class Run {

        private final ImportFile file;
        private final String fileName;
        private final Kind kind;
        private final Locale locale;
        private final Map<String, Integer> columns = new LinkedHashMap<>();
        private final Map<String, String> headers = new HashMap<>();
        private final List<String> unknownColumns = new ArrayList<>();
        private final List<Row> rows = new ArrayList<>();

        Run(ImportFile file, String fileName, Kind kind, Locale locale) {
            this.file = file;
            this.fileName = fileName == null || fileName.isBlank() ? "—" : fileName;
            this.kind = kind;
            this.locale = locale;
            map(file.headers());
        }

        /** Each column's field by its header: a label in Russian or English, or the field's name. */
        private void map(List<String> fileHeaders) {
            Map<String, String> byHeader = new HashMap<>();
            for (String field : kind.fields()) {
                byHeader.putIfAbsent(ImportFile.normalise(field), field);
                for (Locale language : List.of(Locale.forLanguageTag("ru"), Locale.ENGLISH)) {
                    for (String label : messages.getMessage(kind.headerKey(field), null, field, language)
                            .split("\\|")) {
                        byHeader.putIfAbsent(ImportFile.normalise(label), field);
                    }
                }
            }
            for (int i = 0; i < fileHeaders.size(); i++) {
                String field = byHeader.get(ImportFile.normalise(fileHeaders.get(i)));
                if (field != null && !columns.containsKey(field)) {
                    columns.put(field, i);
                    headers.put(field, fileHeaders.get(i));
                } else if (!fileHeaders.get(i).isBlank()) {
                    unknownColumns.add(fileHeaders.get(i));
                }
            }
            List<String> missing = kind.required.stream().filter(field -> !columns.containsKey(field))
                    .map(this::label).toList();
            if (!missing.isEmpty()) {
                throw new FileRefused(false, message(locale, "receivables.import.missingColumns",
                        String.join(", ", missing)));
            }
        }

        /** The field's label in the user's language: the first of its header labels. */
        private String label(String field) {
            return message(locale, kind.headerKey(field)).split("\\|")[0];
        }

        // --- checking --------------------------------------------------------------------------------

        AccountingImportReport check() {
            try {
                file.rows(line -> {
                    Map<String, String> values = new HashMap<>();
                    columns.forEach((field, index) -> {
                        String cell = line.cell(index);
                        values.put(field, cell == null || cell.isBlank() ? null : cell.strip());
                    });
                    Row row = new Row(line.number(), values);
                    parse(row);
                    rows.add(row);
                });
            } catch (ImportFile.Unreadable e) {
                throw new FileRefused(e.unsupported(), message(locale, e.messageKey(), e.arguments()));
            }
            findClients();
            if (kind == Kind.PAYMENTS) {
                checkPayments();
            } else {
                checkInvoices();
            }
            return report(false);
        }

        private void parse(Row row) {
            InputErrors errors = new InputErrors();
            if (row.value("inn") == null) {
                errors.add("inn", Inputs.REQUIRED);
            } else {
                row.inn = errors.check(() -> Inn.parse(row.value("inn"), "inn").value());
            }
            if (row.value("kpp") != null) {
                row.kpp = errors.check(() -> Kpp.parse(row.value("kpp"), "kpp").value());
            }
            if (kind == Kind.PAYMENTS) {
                row.date = Inputs.requiredDate(errors, "date", excelDay(row.value("date")), today.date());
                row.amount = Inputs.positiveAmount(errors, "amount", row.value("amount"));
                String reference = Inputs.text(errors, "reference", row.value("reference"), 64, true);
                String purpose = Inputs.text(errors, "purpose", row.value("purpose"), 1000, false);
                String invoiceNumber = Inputs.text(errors, "invoiceNumber", row.value("invoiceNumber"), 64, false);
                boolean advance = yesOrNo(errors, row.value("advance"));
                row.payment = new PaymentService.Checked(null, row.date, row.amount, reference, purpose,
                        invoiceNumber, advance);
            } else {
                if (row.value("number") == null) {
                    errors.add("number", Inputs.REQUIRED);
                }
                row.invoice = invoices.check(errors, null, new InvoiceInput(null, row.value("number"),
                        excelDay(row.value("issueDate")), excelDay(row.value("dueDate")), row.value("amount"),
                        row.value("vatAmount")), "IMPORT");
                row.date = row.invoice.issueDate();
                row.amount = row.invoice.amount();
            }
            try {
                errors.throwIfAny();
            } catch (InvalidInputException e) {
                e.problems().forEach(problem -> problem(row, problem.field(), problem.messageKey(),
                        problem.arguments()));
            }
        }

        /** Clients by the rows' INNs, among those the user may see; each row gets its one client or a problem. */
        private void findClients() {
            Set<String> inns = new HashSet<>();
            rows.stream().filter(row -> row.inn != null).forEach(row -> inns.add(row.inn));
            if (inns.isEmpty()) {
                return;
            }
            Map<String, List<Client>> byInn = new HashMap<>();
            jdbc.sql("""
                            select id, name, inn, kpp, owner_id, archived_at is not null as archived from company_ref
                            where inn = any(:inns) and merged_into is null""")
                    .param("inns", inns.toArray(String[]::new))
                    .query((rs, n) -> new Client(rs.getObject("id", UUID.class), rs.getString("name"),
                            rs.getString("inn"), rs.getString("kpp"), rs.getObject("owner_id", UUID.class),
                            rs.getBoolean("archived")))
                    .list().stream()
                    .filter(client -> accessPolicy.maySee(new UserId(client.owner())))
                    .forEach(client -> byInn.computeIfAbsent(client.inn(), inn -> new ArrayList<>()).add(client));
            for (Row row : rows) {
                if (row.inn == null || (row.value("kpp") != null && row.kpp == null)) {
                    continue;
                }
                List<Client> found = byInn.getOrDefault(row.inn, List.of()).stream()
                        .filter(client -> row.kpp == null || row.kpp.equals(client.kpp())).toList();
                if (found.isEmpty()) {
                    problem(row, "inn", row.kpp == null ? "receivables.import.unknownInn"
                            : "receivables.import.unknownInnKpp", row.inn, row.kpp);
                } else if (found.size() > 1) {
                    problem(row, "kpp", "receivables.import.severalClients", row.inn);
                } else if (found.get(0).archived()) {
                    problem(row, "inn", "receivables.import.archivedClient", found.get(0).name());
                } else {
                    row.client = found.get(0);
                }
            }
        }

        private void checkPayments() {
            List<Row> ready = rows.stream().filter(row -> row.problems.isEmpty() && row.client != null).toList();
            if (ready.isEmpty()) {
                return;
            }
            // the invoices the rows name must be their clients'
            Set<String> named = new HashSet<>();
            ready.stream().filter(row -> row.payment.invoiceNumber() != null)
                    .forEach(row -> named.add(row.payment.invoiceNumber().toLowerCase(Locale.ROOT)));
            Set<String> known = new HashSet<>();
            if (!named.isEmpty()) {
                jdbc.sql("select company_id, lower(number) as number from invoice where lower(number) = any(:numbers)")
                        .param("numbers", named.toArray(String[]::new))
                        .query(rs -> {
                            known.add(rs.getString("company_id") + "/" + rs.getString("number"));
                        });
            }
            for (Row row : ready) {
                String number = row.payment.invoiceNumber();
                if (number != null && !known.contains(row.client.id() + "/" + number.toLowerCase(Locale.ROOT))) {
                    problem(row, "invoiceNumber", PaymentService.UNKNOWN_INVOICE, number);
                }
            }
            markRecordedPayments(ready);
            // as they will be written: in the order of their dates, each paying what is still owed
            Map<UUID, BigDecimal> owed = new HashMap<>();
            jdbc.sql("""
                            select company_id, sum(amount - paid_amount) as owed from invoice
                            where settled_on is null and company_id = any(:companies) group by company_id""")
                    .param("companies", ready.stream().map(row -> row.client.id()).distinct().toArray(UUID[]::new))
                    .query(rs -> {
                        owed.put(rs.getObject("company_id", UUID.class), rs.getBigDecimal("owed"));
                    });
            for (Row row : inWritingOrder()) {
                BigDecimal left = owed.getOrDefault(row.client.id(), BigDecimal.ZERO);
                if (row.amount.compareTo(left) > 0 && !row.payment.advance()) {
                    problem(row, "amount", PaymentService.OVER_DEBT, row.amount, left);
                } else {
                    owed.put(row.client.id(), left.subtract(row.amount).max(BigDecimal.ZERO));
                }
            }
        }

        /** Rows of payments already recorded, or earlier in the file: duplicates, not written again. */
        private void markRecordedPayments(List<Row> candidates) {
            Set<String> recorded = new HashSet<>();
            jdbc.sql("""
                            select p.company_id, p.payment_date, p.reference, p.amount from payment p
                            join unnest(cast(:companies as uuid[]), cast(:dates as date[])) as k(company_id, payment_date)
                              on p.company_id = k.company_id and p.payment_date = k.payment_date""")
                    .param("companies", candidates.stream().map(row -> row.client.id()).toArray(UUID[]::new))
                    .param("dates", candidates.stream().map(row -> Date.valueOf(row.date))
                            .toArray(Date[]::new))
                    .query(rs -> {
                        recorded.add(paymentKey(rs.getObject("company_id", UUID.class),
                                rs.getObject("payment_date", LocalDate.class), rs.getString("reference"),
                                rs.getBigDecimal("amount")));
                    });
            Map<String, Integer> inFile = new HashMap<>();
            for (Row row : candidates) {
                if (!row.problems.isEmpty()) {
                    continue;
                }
                String key = paymentKey(row.client.id(), row.date, row.payment.reference(), row.amount);
                Integer earlier = inFile.putIfAbsent(key, row.number);
                if (recorded.contains(key)) {
                    duplicate(row, "receivables.import.paymentRecorded");
                } else if (earlier != null) {
                    duplicate(row, "receivables.import.sameAsRow", earlier);
                }
            }
        }

        private void checkInvoices() {
            List<Row> ready = rows.stream().filter(row -> row.problems.isEmpty() && row.client != null).toList();
            if (ready.isEmpty()) {
                return;
            }
            record Existing(UUID company, LocalDate issueDate, BigDecimal amount) {
            }
            Map<String, Existing> existing = new HashMap<>();
            jdbc.sql("select number, company_id, issue_date, amount from invoice where number = any(:numbers)")
                    .param("numbers", ready.stream().map(row -> row.invoice.number()).toArray(String[]::new))
                    .query(rs -> {
                        existing.put(rs.getString("number"), new Existing(rs.getObject("company_id", UUID.class),
                                rs.getObject("issue_date", LocalDate.class), rs.getBigDecimal("amount")));
                    });
            Map<String, Row> inFile = new HashMap<>();
            for (Row row : ready) {
                String number = row.invoice.number();
                Existing there = existing.get(number);
                Row earlier = inFile.putIfAbsent(number, row);
                if (there != null) {
                    if (there.equals(new Existing(row.client.id(), row.date, row.amount))) {
                        duplicate(row, "receivables.import.invoiceRecorded");
                    } else {
                        problem(row, "number", InvoiceService.NUMBER_TAKEN, number);
                    }
                } else if (earlier != null) {
                    if (earlier.client.equals(row.client) && earlier.date.equals(row.date)
                            && earlier.amount.compareTo(row.amount) == 0) {
                        duplicate(row, "receivables.import.sameAsRow", earlier.number);
                    } else {
                        problem(row, "number", "receivables.import.numberTwice", earlier.number);
                    }
                }
            }
        }

        private void problem(Row row, String field, String key, Object... arguments) {
            String column = headers.containsKey(field) ? headers.get(field) : label(field);
            row.problems.add(new RowProblem(row.number, field, column, message(locale, key, arguments)));
            row.status = Status.PROBLEM;
        }

        private void duplicate(Row row, String key, Object... arguments) {
            row.status = Status.DUPLICATE;
            row.message = message(locale, key, arguments);
        }

        // --- writing ---------------------------------------------------------------------------------

        private List<Row> inWritingOrder() {
            return rows.stream().filter(row -> row.status == Status.OK)
                    .sorted(Comparator.comparing((Row row) -> row.date).thenComparingInt(row -> row.number))
                    .toList();
        }

        void write() {
            List<Row> writing = inWritingOrder();
            // every client of the file taken first, in the order PostgreSQL sorts their ids (as a merge
            // locks two companies): two imports, or an import and a merge, never wait in a circle
            writing.stream().map(row -> row.client.id()).distinct().sorted(Ledger.AS_POSTGRESQL_SORTS)
                    .forEach(ledger::lock);
            for (Row row : writing) {
                try {
                    if (kind == Kind.PAYMENTS) {
                        writePayment(row);
                    } else {
                        writeInvoice(row);
                    }
                } catch (InvalidInputException e) {
                    e.problems().forEach(problem -> problem(row, problem.field(), problem.messageKey(),
                            problem.arguments()));
                    throw new RowRefused(row.problems);
                } catch (ConflictException e) {
                    problem(row, "number", e.messageKey(), e.arguments());
                    throw new RowRefused(row.problems);
                }
            }
        }

        private void writePayment(Row row) {
            PaymentService.Checked checked = row.payment;
            boolean recordedMeanwhile = jdbc.sql("""
                            select exists (select 1 from payment where company_id = :company and payment_date = :date
                                           and reference = :reference and amount = :amount)""")
                    .param("company", row.client.id()).param("date", row.date).param("reference", checked.reference())
                    .param("amount", row.amount).query(Boolean.class).single();
            if (recordedMeanwhile) {
                duplicate(row, "receivables.import.paymentRecorded");
                return;
            }
            payments.record(new PaymentService.Checked(row.client.id(), checked.date(), checked.amount(),
                    checked.reference(), checked.purpose(), checked.invoiceNumber(), checked.advance()),
                    PaymentService.Source.IMPORT);
        }

        private void writeInvoice(Row row) {
            InvoiceService.Checked checked = row.invoice;
            invoices.insert(invoices.withDueDate(new InvoiceService.Checked(row.client.id(), checked.number(),
                    checked.issueDate(), checked.dueDate(), checked.amount(), checked.vat(), "IMPORT", null, null)));
        }

        AccountingImportReport refused(List<RowProblem> problems) {
            AccountingImportReport checked = report(false);
            return new AccountingImportReport(checked.fileName(), kind, checked.rows(), checked.toWrite(),
                    checked.duplicateCount(), problems.size(), false, checked.unknownColumns(), checked.results(),
                    problems, false);
        }

        AccountingImportReport report(boolean committed) {
            List<RowResult> results = new ArrayList<>();
            List<RowProblem> problems = new ArrayList<>();
            int problemCount = 0;
            int duplicates = 0;
            int toWrite = 0;
            for (Row row : rows) {
                problemCount += row.problems.size();
                switch (row.status) {
                    case DUPLICATE -> duplicates++;
                    case OK -> toWrite++;
                    default -> { }
                }
                if (results.size() < MAX_LISTED) {
                    String why = row.status == Status.PROBLEM
                            ? String.join(" ", row.problems.stream()
                                    .map(problem -> problem.column() + ": " + problem.message()).toList())
                            : row.message;
                    results.add(new RowResult(row.number, row.status, row.date, row.documentNumber(), row.inn,
                            row.client == null ? null : row.client.id(),
                            row.client == null ? null : row.client.name(), row.amount, why));
                }
                for (RowProblem problem : row.problems) {
                    if (problems.size() < MAX_LISTED) {
                        problems.add(problem);
                    }
                }
            }
            boolean valid = !rows.isEmpty() && problemCount == 0;
            return new AccountingImportReport(fileName, kind, rows.size(), toWrite, duplicates, problemCount, valid,
                    List.copyOf(unknownColumns), results, problems, committed);
        }
    }

    private static String paymentKey(UUID company, LocalDate date, String reference, BigDecimal amount) {
        return company + "/" + date + "/" + reference + "/" + amount.stripTrailingZeros().toPlainString();
    }

    /**
     * A date cell of a workbook, which a spreadsheet keeps as the number of days since 30.12.1899
     * ({@code 45678}), as an ISO date; any other text as it is.
     */
    static String excelDay(String cell) {
        if (cell != null && EXCEL_DAY.matcher(cell).matches()) {
            return EXCEL_EPOCH.plusDays(Long.parseLong(cell.split("\\.")[0])).toString();
        }
        return cell;
    }

    /** Whether a cell says yes («да», «yes», «1», «+»); blank is no; anything else a problem. */
    private static boolean yesOrNo(InputErrors errors, String text) {
        if (text == null) {
            return false;
        }
        String value = ImportFile.normalise(text);
        if (Set.of("да", "yes", "true", "1", "+", "аванс", "advance").contains(value)) {
            return true;
        }
        if (Set.of("нет", "no", "false", "0", "-").contains(value)) {
            return false;
        }
        errors.add("advance", "receivables.import.yesOrNo", text);
        return false;
    }
}
