package org.clientela.plans.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clientela.audit.AuditLog;
import org.clientela.plans.TargetScope;
import org.clientela.platform.ImportFile;
import org.clientela.platform.XlsxSheets;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.TypedNumber;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan's grid as an XLSX workbook and back (T1: targets entered in a spreadsheet): one row per
 * target — type, id and name identify it, then the four measures. An import checks every row as
 * the grid checks a typed cell, reports each problem at its cell, and writes all rows or none.
 */
@Service
public class PlanWorkbook {

    static final String MISSING_COLUMNS = "plans.import.missingColumns";
    static final String NO_ROWS = "plans.import.noRows";
    static final String TOO_MANY_ROWS = "plans.import.tooManyRows";
    static final String PROBLEM = "plans.import.problem";
    private static final int MAX_ROWS = 10_000;
    private static final Pattern TARGET_FIELD = Pattern.compile("targets\\[(\\d+)]\\.(\\w+)");
    // a spreadsheet keeps a number as a double: 1234.56 computed by a formula may read 1234.5600000000001
    private static final MathContext SPREADSHEET_DIGITS = new MathContext(15);
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    /** The columns, in the export's order; {@code name} is for people and is not read back. */
    private static final List<String> FIELDS = List.of("type", "id", "name", Measure.REVENUE.field(),
            Measure.MARGIN.field(), Measure.ACTIVE_CLIENTS.field(), Measure.NEW_CLIENTS.field());

    private final SalesPlans plans;
    private final AuditLog auditLog;
    private final MessageSource messages;

    PlanWorkbook(SalesPlans plans, AuditLog auditLog, MessageSource messages) {
        this.plans = plans;
        this.auditLog = auditLog;
        this.messages = messages;
    }

    /** E.g. {@code plan-2026-11.xlsx}, as an attachment. */
    public String contentDisposition(PlanView plan) {
        return ContentDisposition.attachment().filename("plan-" + plan.period().code() + ".xlsx").build().toString();
    }

    /** The rows the user sees in the grid, the margin column only for one who sees margins; audited as an export. */
    @Transactional
    public void write(PlanView plan, Locale locale, OutputStream out) throws IOException {
        List<String> fields = FIELDS.stream()
                .filter(field -> plan.marginsVisible() || !field.equals(Measure.MARGIN.field())).toList();
        Workbook workbook = new Workbook(out, "Clientela", "1.0");
        Worksheet sheet = workbook.newWorksheet(message("plans.xlsx.sheet", locale, plan.period().code()));
        XlsxSheets.header(sheet, 0, fields.stream().map(field -> label(field, locale)).toList(),
                fields.stream().mapToInt(field -> switch (field) {
                    case "type" -> 14;
                    case "id" -> 38;
                    case "name" -> 40;
                    default -> 18;
                }).toArray());
        sheet.freezePane(3, 1);
        int row = 1;
        for (PlanRow planRow : plan.rows()) {
            for (int column = 0; column < fields.size(); column++) {
                String field = fields.get(column);
                switch (field) {
                    case "type" -> sheet.inlineString(row, column, planRow.scope().name());
                    case "id" -> {
                        if (planRow.scopeId() != null) {
                            sheet.inlineString(row, column, planRow.scopeId().toString());
                        }
                    }
                    case "name" -> sheet.inlineString(row, column, planRow.scope() == TargetScope.DEPARTMENT
                            ? message("plans.grid.department", locale) : planRow.name());
                    default -> {
                        Measure measure = Measure.ofField(field);
                        Object value = planRow.target().value(measure);
                        if (measure.money()) {
                            XlsxSheets.number(sheet, row, column, (BigDecimal) value, XlsxSheets.MONEY);
                        } else if (value != null) {
                            sheet.value(row, column, (Integer) value);
                        }
                    }
                }
            }
            row++;
        }
        workbook.finish();
        auditLog.exported(SalesPlans.ENTITY, "XLSX; plan " + plan.period().code() + " (" + plan.id() + "); rows: "
                + plan.rows().size());
    }

    /**
     * Reads the table (the first sheet of an XLSX, or a CSV) and sets the targets of its rows; the
     * rows not in the file keep theirs, an empty cell clears its target. With {@code dryRun} nothing
     * is written.
     *
     * @throws InvalidInputException at the field {@code file} for a file that is no table, lacks a
     *                               column or has no rows
     */
    @PreAuthorize(SalesPlans.EDITORS)
    public PlanImportReport importFile(UUID id, long expectedVersion, InputStream content, boolean dryRun,
            Locale locale) {
        Path upload = null;
        try {
            upload = Files.createTempFile("clientela-plan-", ".upload");
            Files.copy(content, upload, StandardCopyOption.REPLACE_EXISTING);
            return new Run(open(upload), locale).importInto(id, expectedVersion, dryRun);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (upload != null) {
                try {
                    Files.deleteIfExists(upload);
                } catch (IOException ignored) {
                    // a temporary file: the system's cleaning removes it if we cannot
                }
            }
        }
    }

    private static ImportFile open(Path upload) {
        try {
            return ImportFile.open(upload);
        } catch (ImportFile.Unreadable unreadable) {
            throw new InvalidInputException("file", unreadable.messageKey(), unreadable.arguments());
        }
    }

    private final class Run {
        private final ImportFile file;
        private final Locale locale;
        private final Map<String, Integer> columns = new HashMap<>();
        private final List<ImportFile.Line> lines = new ArrayList<>();

        Run(ImportFile file, Locale locale) {
            this.file = file;
            this.locale = locale;
            Map<String, String> fieldsByHeader = new HashMap<>();
            for (String field : FIELDS) {
                fieldsByHeader.put(ImportFile.normalise(field), field);
                fieldsByHeader.put(ImportFile.normalise(label(field, RUSSIAN)), field);
                fieldsByHeader.put(ImportFile.normalise(label(field, Locale.ENGLISH)), field);
            }
            List<String> headers = file.headers();
            for (int i = 0; i < headers.size(); i++) {
                String field = fieldsByHeader.get(ImportFile.normalise(headers.get(i)));
                if (field != null) {
                    columns.putIfAbsent(field, i);
                }
            }
            List<String> missing = FIELDS.stream().filter(field -> !field.equals("name"))
                    .filter(field -> !columns.containsKey(field)).map(field -> "«" + label(field, locale) + "»")
                    .toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException("file", MISSING_COLUMNS, String.join(", ", missing));
            }
            file.rows(line -> {
                if (lines.size() == MAX_ROWS) {
                    throw new InvalidInputException("file", TOO_MANY_ROWS, MAX_ROWS);
                }
                lines.add(line);
            });
            if (lines.isEmpty()) {
                throw new InvalidInputException("file", NO_ROWS);
            }
        }

        PlanImportReport importInto(UUID id, long expectedVersion, boolean dryRun) {
            Map<Integer, List<InvalidInputException.Problem>> problems = new LinkedHashMap<>();
            List<TargetInput> inputs = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                Map<Measure, BigDecimal> values = new HashMap<>();
                for (Measure measure : Measure.values()) {
                    String text = cell(lines.get(i), measure.field());
                    if (text.isBlank()) {
                        continue;
                    }
                    try {
                        values.put(measure, number(text));
                    } catch (NumberFormatException e) {
                        problems.computeIfAbsent(i, row -> new ArrayList<>())
                                .add(new InvalidInputException.Problem(measure.field(), SalesPlans.BAD_NUMBER));
                    }
                }
                inputs.add(new TargetInput(cell(lines.get(i), "type"), cell(lines.get(i), "id"),
                        values.get(Measure.REVENUE), values.get(Measure.MARGIN), values.get(Measure.ACTIVE_CLIENTS),
                        values.get(Measure.NEW_CLIENTS)));
            }
            long version = expectedVersion;
            try {
                version = plans.importTargets(id, expectedVersion, inputs, problems.isEmpty() && !dryRun).version();
            } catch (InvalidInputException wrong) {
                for (InvalidInputException.Problem problem : wrong.problems()) {
                    Matcher target = TARGET_FIELD.matcher(problem.field());
                    if (!target.matches()) {
                        throw wrong;
                    }
                    String field = switch (target.group(2)) {
                        case "scope" -> "type";
                        case "scopeId" -> "id";
                        default -> target.group(2);
                    };
                    Object[] arguments = problem.arguments();
                    if (SalesPlans.TWICE.equals(problem.messageKey())) {
                        // the grid counts the rows sent from 1; the file has its own row numbers
                        arguments = new Object[] {lines.get(((Number) arguments[0]).intValue() - 1).number()};
                    }
                    problems.computeIfAbsent(Integer.parseInt(target.group(1)), row -> new ArrayList<>())
                            .add(new InvalidInputException.Problem(field, problem.messageKey(), arguments));
                }
            }
            List<PlanImportReport.Row> rows = new ArrayList<>();
            int problemCount = 0;
            for (int i = 0; i < lines.size(); i++) {
                ImportFile.Line line = lines.get(i);
                List<PlanImportReport.CellProblem> cellProblems = problems.getOrDefault(i, List.of()).stream()
                        .map(problem -> cellProblem(line, problem)).toList();
                problemCount += cellProblems.size();
                rows.add(new PlanImportReport.Row(line.number(), cell(line, "type"), cell(line, "id"),
                        cell(line, "name"), cellProblems));
            }
            return new PlanImportReport(dryRun, problemCount == 0 && !dryRun, version, lines.size(), problemCount,
                    rows);
        }

        private PlanImportReport.CellProblem cellProblem(ImportFile.Line line, InvalidInputException.Problem problem) {
            int column = columns.get(problem.field());
            String cell = columnLetters(column) + line.number();
            String text = messages.getMessage(problem.messageKey(), problem.arguments(), locale);
            return new PlanImportReport.CellProblem(problem.field(), cell, messages.getMessage(PROBLEM,
                    new Object[] {line.number(), file.headers().get(column), cell, text}, locale));
        }

        private String cell(ImportFile.Line line, String field) {
            Integer column = columns.get(field);
            String text = column == null ? null : line.cell(column);
            return text == null ? "" : text.strip();
        }
    }

    /**
     * A number as typed («1 200 000,50») or as a spreadsheet stores it, its binary noise rounded
     * away: with up to 13 digits before the point, 15 significant digits keep the kopecks exact.
     */
    static BigDecimal number(String text) {
        BigDecimal value = TypedNumber.parse(text).stripTrailingZeros();
        if (value.scale() <= 2 || value.precision() - value.scale() > 13) {
            return value;
        }
        BigDecimal rounded = value.round(SPREADSHEET_DIGITS).stripTrailingZeros();
        return rounded.scale() <= 2 ? rounded : value;
    }

    /** {@code A} for the first column, {@code AA} for the 27th. */
    static String columnLetters(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    private String label(String field, Locale locale) {
        String key = switch (field) {
            case "type", "id", "name" -> "plans.xlsx." + field;
            default -> "plans.measure." + Measure.ofField(field);
        };
        return messages.getMessage(key, null, locale);
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
