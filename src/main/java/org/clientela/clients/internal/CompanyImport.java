package org.clientela.clients.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanyInput;
import org.clientela.clients.ContactInput;
import org.clientela.clients.internal.Company.CompanyDetails;
import org.clientela.clients.internal.Contact.ContactDetails;
import org.clientela.clients.internal.ImportColumns.Target;
import org.clientela.clients.internal.ImportReport.Column;
import org.clientela.clients.internal.ImportReport.Duplicate;
import org.clientela.clients.internal.ImportReport.PreviewRow;
import org.clientela.clients.internal.ImportReport.RowProblem;
import org.clientela.identity.AccessPolicy;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.clientela.identity.UserDirectory;
import org.clientela.identity.UserId;
import org.clientela.platform.ImportFile;
import org.clientela.platform.ImportFile.Line;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports companies, each with an optional contact person, from a CSV or XLSX file: every row
 * goes through the same checks as a company typed in by hand, within the same access rules, and
 * the file is written all or nothing, in one transaction, only when no row has a problem. A
 * company already in the client base is reported, never merged.
 *
 * <p>The file is read as a stream, twice: once to check it, keeping only each company's
 * INN/KPP and a fingerprint of its fields, and once to write it in batches; so 100 000 rows
 * take little memory and a few statements per thousand rows.
 */
@Service
public class CompanyImport {

    /** The problems and duplicates listed in a report; all are counted. */
    public static final int MAX_LISTED = 1000;
    static final int PREVIEW_ROWS = 100;
    private static final int BATCH = 1000;
    private static final String LIST_SEPARATOR = "[,;]";
    /** Joins the elements of a list cell for {@code string_to_array}: it cannot occur in a checked value. */
    private static final String UNIT = "\u001F";

    private final ImportColumns columns;
    private final CompanyService companyService;
    private final AccessPolicy accessPolicy;
    private final UserDirectory userDirectory;
    private final AuditLog auditLog;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final Clock clock;

    CompanyImport(ImportColumns columns, CompanyService companyService, AccessPolicy accessPolicy,
            UserDirectory userDirectory, AuditLog auditLog, JdbcClient jdbc, TransactionTemplate transactions,
            MessageSource messages, Clock clock) {
        this.columns = columns;
        this.companyService = companyService;
        this.accessPolicy = accessPolicy;
        this.userDirectory = userDirectory;
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The file cannot be imported at all, with the reason in the user's language;
     * {@code unsupported} when it is not a table of a kind we read (an image, a PDF, an old .xls).
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

    /** A row failed its check while being written (a value its sibling rows completed): nothing is written. */
    private static final class RowRefused extends RuntimeException {
        final transient List<RowProblem> problems;

        RowRefused(List<RowProblem> problems) {
            super("row refused");
            this.problems = problems;
        }
    }

    /** The header row of a file, for a person to map. */
    public List<String> headers(Path file, Locale locale) {
        return open(file, locale).headers();
    }

    /** The field each column would fill by its header: index → field. */
    public Map<Integer, String> suggestedMapping(List<String> headers) {
        Map<Integer, String> mapping = new LinkedHashMap<>();
        columns.suggest(headers).forEach((index, target) -> mapping.put(index, target.field()));
        return mapping;
    }

    /**
     * Checks every row and writes nothing.
     *
     * @param mapping column index (0-based) → field; {@code null} to go by the headers
     */
    public ImportReport check(Path file, String fileName, Map<Integer, String> mapping, Locale locale,
            ImportProgress progress) {
        return reading(locale, () -> new Run(open(file, locale), fileName, mapping, locale, progress).check());
    }

    /** Checks every row and, when none has a problem, writes them all in one transaction. */
    public ImportReport importFile(Path file, String fileName, Map<Integer, String> mapping, Locale locale,
            ImportProgress progress) {
        return reading(locale, () -> {
            Run run = new Run(open(file, locale), fileName, mapping, locale, progress);
            ImportReport report = run.check();
            if (!report.valid()) {
                return report;
            }
            try {
                transactions.executeWithoutResult(status -> run.write());
            } catch (RowRefused refused) {
                return run.refused(report, refused.problems);
            }
            return report.committed(true);
        });
    }

    private ImportFile open(Path file, Locale locale) {
        return reading(locale, () -> ImportFile.open(file));
    }

    /** A file found unreadable at any point, opening or halfway through, is refused with the reason. */
    private <T> T reading(Locale locale, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ImportFile.Unreadable e) {
            throw new FileRefused(e.unsupported(), message(locale, e.messageKey(), e.arguments()));
        }
    }

    private String message(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    /** What is known of a company of the file after the first reading. */
    private static final class Entry {
        final int firstRow;
        final String inn;
        final String kpp;
        final UUID id;
        /** Per company column: the hash of its value, 0 where no row of the company gave one. */
        final int[] fingerprint;
        /** Values that later rows gave where the first row had none; {@code null} when none did. */
        Map<CompanyColumn, String> completed;

        Entry(int firstRow, String inn, String kpp, int[] fingerprint, UUID id) {
            this.firstRow = firstRow;
            this.id = id;
            this.inn = inn;
            this.kpp = kpp;
            this.fingerprint = fingerprint;
        }
    }

    /** The cells of one row by column, trimmed, empty as {@code null}, enumerations as codes. */
    private record Values(int row, String[] company, String[] contact) {

        String company(CompanyColumn column) {
            return company[column.ordinal()];
        }

        String contact(ContactColumn column) {
            return contact[column.ordinal()];
        }

        boolean hasContact() {
            for (String value : contact) {
                if (value != null) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One import of one file: its mapping, what the first reading learned, the batches being written. */
    private final class Run {

        private final ImportFile file;
        private final String fileName;
        private final Locale locale;
        private final ImportProgress progress;
        private final int[] companyColumn = new int[CompanyColumn.values().length];
        private final int[] contactColumn = new int[ContactColumn.values().length];
        private final List<Column> columnList = new ArrayList<>();
        private final List<String> unknownColumns = new ArrayList<>();
        private final Map<String, Entry> entries = new HashMap<>();
        private final Map<String, Object> owners = new HashMap<>();
        private Map<String, UserId> usersByName;
        private final LocalDate today;
        private final Instant now;
        private final AscendingIds ids;

        private int rows;
        private int contacts;
        private int problemCount;
        private final List<RowProblem> problems = new ArrayList<>();
        private final List<PreviewRow> preview = new ArrayList<>();

        Run(ImportFile file, String fileName, Map<Integer, String> mapping, Locale locale, ImportProgress progress) {
            this.file = file;
            this.fileName = fileName == null || fileName.isBlank() ? "—" : fileName;
            this.locale = locale;
            this.progress = progress == null ? new ImportProgress(0) : progress;
            this.today = ContactService.today(clock);
            this.now = clock.instant();
            this.ids = new AscendingIds(now);
            map(file.headers(), mapping);
        }

        private void map(List<String> headers, Map<Integer, String> given) {
            Arrays.fill(companyColumn, -1);
            Arrays.fill(contactColumn, -1);
            Map<Integer, Target> mapping = new LinkedHashMap<>();
            if (given == null) {
                mapping.putAll(columns.suggest(headers));
            } else {
                for (Map.Entry<Integer, String> column : given.entrySet()) {
                    int index = column.getKey();
                    if (index < 0 || index >= headers.size()) {
                        throw refused("clients.import.mapping.noSuchColumn", index + 1);
                    }
                    if (column.getValue() == null || column.getValue().isBlank()) {
                        continue;
                    }
                    Target target = columns.target(column.getValue());
                    if (target == null) {
                        throw refused("clients.import.mapping.unknownField", column.getValue());
                    }
                    if (mapping.containsValue(target)) {
                        throw refused("clients.import.mapping.twice", label(target));
                    }
                    mapping.put(index, target);
                }
            }
            for (int i = 0; i < headers.size(); i++) {
                Target target = mapping.get(i);
                columnList.add(new Column(i, headers.get(i), target == null ? null : target.field()));
                if (target == null) {
                    if (!headers.get(i).isBlank()) {
                        unknownColumns.add(headers.get(i));
                    }
                } else if (target.company() != null) {
                    companyColumn[target.company().ordinal()] = i;
                } else {
                    contactColumn[target.contact().ordinal()] = i;
                }
            }
            List<String> missing = new ArrayList<>();
            for (CompanyColumn required : List.of(CompanyColumn.NAME, CompanyColumn.INN)) {
                if (companyColumn[required.ordinal()] < 0) {
                    missing.add(label(columns.target(required.field())));
                }
            }
            if (!missing.isEmpty()) {
                throw refused("clients.import.file.missingColumns", String.join(", ", missing));
            }
        }

        private FileRefused refused(String key, Object... arguments) {
            return new FileRefused(false, message(locale, key, arguments));
        }

        private String label(Target target) {
            return message(locale, target.headerKey());
        }

        // --- the first reading: every row checked ----------------------------------------------------

        ImportReport check() {
            file.rows(this::checkRow);
            progress.rows(rows);
            progress.checked(rows);
            List<Duplicate> duplicates = duplicates();
            List<PreviewRow> shown = preview;
            if (!duplicates.isEmpty()) {
                java.util.Set<Integer> duplicateRows = new java.util.HashSet<>();
                duplicates.forEach(duplicate -> duplicateRows.add(duplicate.row()));
                shown = preview.stream().map(row -> duplicateRows.contains(row.row())
                        ? new PreviewRow(row.row(), row.name(), row.inn(), row.kpp(), row.contact(), false)
                        : row).toList();
            }
            problems.sort(Comparator.comparingInt(RowProblem::row));
            List<Duplicate> listed = duplicates.size() > MAX_LISTED ? duplicates.subList(0, MAX_LISTED) : duplicates;
            boolean valid = rows > 0 && problemCount == 0 && duplicates.isEmpty();
            return new ImportReport(fileName, rows, entries.size(), contacts, valid, problemCount,
                    List.copyOf(problems), duplicates.size(), List.copyOf(listed), List.copyOf(unknownColumns),
                    List.copyOf(columnList), List.copyOf(shown), false);
        }

        private void checkRow(Line line) {
            rows++;
            Values values = values(line);
            List<RowProblem> found = new ArrayList<>();
            UUID ownerId = owner(values, found);
            CompanyInputCheck.Checked company = checkCompany(values, ownerId, found);
            if (values.hasContact()) {
                contacts++;
                checkContact(values, found);
            }
            if (company != null) {
                compareWithEarlierRows(values, company.details(), found);
            }
            for (RowProblem problem : found) {
                problemCount++;
                if (problems.size() < MAX_LISTED) {
                    problems.add(problem);
                }
            }
            if (preview.size() < PREVIEW_ROWS) {
                preview.add(new PreviewRow(line.number(), values.company(CompanyColumn.NAME),
                        values.company(CompanyColumn.INN), values.company(CompanyColumn.KPP),
                        values.contact(ContactColumn.FULL_NAME), found.isEmpty()));
            }
            if (rows % BATCH == 0) {
                progress.checked(rows);
            }
        }

        private CompanyInputCheck.Checked checkCompany(Values values, UUID ownerId, List<RowProblem> found) {
            try {
                return CompanyInputCheck.check(companyInput(values, ownerId));
            } catch (InvalidInputException e) {
                addAll(values.row(), e, found);
                return null;
            }
        }

        private ContactDetails checkContact(Values values, List<RowProblem> found) {
            try {
                return ContactInputCheck.check(contactInput(values), today);
            } catch (InvalidInputException e) {
                addAll(values.row(), e, found);
                return null;
            }
        }

        private void addAll(int row, InvalidInputException e, List<RowProblem> found) {
            for (InvalidInputException.Problem problem : e.problems()) {
                found.add(problem(row, problem.field(), problem.messageKey(), problem.arguments()));
            }
        }

        private RowProblem problem(int row, String field, String key, Object... arguments) {
            String reported = "ownerId".equals(field) ? CompanyColumn.OWNER.field() : field;
            return new RowProblem(row, reported, header(reported), message(locale, key, arguments));
        }

        /**
         * The file's header of the column that fills a field; the field's label when no column
         * does (a KPP required of an organisation, say, in a file without KPPs).
         */
        private String header(String field) {
            for (Column column : columnList) {
                if (field.equals(column.field())) {
                    return column.header();
                }
            }
            Target target = columns.target(field);
            return target == null ? field : label(target);
        }

        /**
         * Rows of one INN and KPP are one company with several people, so long as they agree on
         * the company: a value may be left out, not changed.
         */
        private void compareWithEarlierRows(Values values, CompanyDetails details, List<RowProblem> found) {
            String key = key(details.inn(), details.kpp());
            int[] fingerprint = fingerprint(values);
            Entry entry = entries.get(key);
            if (entry == null) {
                entries.put(key, new Entry(values.row(), details.inn(), details.kpp(), fingerprint, ids.next()));
                return;
            }
            for (CompanyColumn column : CompanyColumn.values()) {
                int earlier = entry.fingerprint[column.ordinal()];
                int here = fingerprint[column.ordinal()];
                if (earlier != 0 && here != 0 && earlier != here) {
                    found.add(problem(values.row(), column.field(), "clients.import.row.otherCompany",
                            entry.firstRow));
                    return;
                }
            }
            for (CompanyColumn column : CompanyColumn.values()) {
                if (entry.fingerprint[column.ordinal()] == 0 && fingerprint[column.ordinal()] != 0) {
                    entry.fingerprint[column.ordinal()] = fingerprint[column.ordinal()];
                    if (entry.completed == null) {
                        entry.completed = new LinkedHashMap<>();
                    }
                    entry.completed.put(column, values.company(column));
                }
            }
        }

        private int[] fingerprint(Values values) {
            int[] fingerprint = new int[CompanyColumn.values().length];
            for (CompanyColumn column : CompanyColumn.values()) {
                String value = values.company(column);
                if (value != null) {
                    int hash = ImportColumns.normalise(value).hashCode();
                    fingerprint[column.ordinal()] = hash == 0 ? 1 : hash;
                }
            }
            return fingerprint;
        }

        /**
         * The owner a row names by login or full name, if the current user may give them clients
         * (the same rule as for one company); {@code null} for the current user.
         */
        private UUID owner(Values values, List<RowProblem> found) {
            String named = values.company(CompanyColumn.OWNER);
            if (named == null) {
                return null;
            }
            Object owner = owners.computeIfAbsent(ImportColumns.normalise(named), this::resolveOwner);
            if (owner instanceof InvalidInputException refused) {
                addAll(values.row(), refused, found);
                return null;
            }
            return ((UserId) owner).value();
        }

        private Object resolveOwner(String normalisedName) {
            if (usersByName == null) {
                usersByName = new HashMap<>();
                for (Role role : Role.values()) {
                    for (UserDirectory.UserSummary user : userDirectory.withRole(role)) {
                        usersByName.putIfAbsent(ImportColumns.normalise(user.username()), user.id());
                        usersByName.putIfAbsent(ImportColumns.normalise(user.fullName()), user.id());
                    }
                }
            }
            UserId user = usersByName.get(normalisedName);
            if (user == null) {
                return new InvalidInputException("ownerId", "clients.company.ownerUnknown");
            }
            try {
                return companyService.ownerFor(user.value());
            } catch (InvalidInputException refused) {
                return refused;
            }
        }

        /** Companies of the file already in the client base, found with one query. */
        private List<Duplicate> duplicates() {
            if (entries.isEmpty()) {
                return List.of();
            }
            String[] inns = new String[entries.size()];
            String[] kpps = new String[entries.size()];
            int i = 0;
            for (Entry entry : entries.values()) {
                inns[i] = entry.inn;
                kpps[i++] = entry.kpp == null ? "" : entry.kpp;
            }
            Map<UserId, ConflictException> hidden = new HashMap<>();
            List<Duplicate> duplicates = new ArrayList<>();
            jdbc.sql("""
                            select c.id, c.name, c.inn, coalesce(c.kpp, '') as kpp, c.owner_id,
                                   c.archived_at is not null as archived
                            from company c
                            join unnest(cast(:inns as text[]), cast(:kpps as text[])) as k(inn, kpp)
                              on c.inn = k.inn and coalesce(c.kpp, '') = k.kpp
                            """)
                    .param("inns", inns)
                    .param("kpps", kpps)
                    .query(rs -> {
                        UUID id = rs.getObject("id", UUID.class);
                        UserId owner = new UserId(rs.getObject("owner_id", UUID.class));
                        boolean archived = rs.getBoolean("archived");
                        String kpp = rs.getString("kpp").isEmpty() ? null : rs.getString("kpp");
                        Entry entry = entries.get(key(rs.getString("inn"), kpp));
                        boolean visible = !archived && accessPolicy.maySee(owner);
                        // the same refusal as for one company; whom to ask is looked up once per owner
                        ConflictException refusal = visible
                                ? companyService.duplicateOf(id, rs.getString("name"), owner, false)
                                : hidden.computeIfAbsent(owner,
                                        whose -> companyService.duplicateOf(id, null, whose, true));
                        duplicates.add(new Duplicate(entry.firstRow, entry.inn, entry.kpp, visible ? id : null,
                                visible ? rs.getString("name") : null,
                                message(locale, refusal.messageKey(), refusal.arguments())));
                    });
            duplicates.sort(Comparator.comparingInt(Duplicate::row));
            return duplicates;
        }

        // --- the second reading: every row written -----------------------------------------------------

        private final List<Company> companyBatch = new ArrayList<>();
        private final List<Contact> contactBatch = new ArrayList<>();
        private int written;

        void write() {
            file.rows(this::writeRow);
            flush();
            progress.written(written);
        }

        private void writeRow(Line line) {
            Values values = values(line);
            List<RowProblem> found = new ArrayList<>();
            UUID ownerId = owner(values, found);
            CompanyInputCheck.Checked company = checkCompany(values, ownerId, found);
            ContactDetails contact = values.hasContact() ? checkContact(values, found) : null;
            if (!found.isEmpty()) {
                throw new RowRefused(found);
            }
            Entry entry = entries.get(key(company.details().inn(), company.details().kpp()));
            if (entry.firstRow == line.number()) {
                if (entry.completed != null) {
                    // the company is made of all its rows: what later rows added counts from the start
                    entry.completed.forEach((column, value) -> values.company()[column.ordinal()] = value);
                    ownerId = owner(values, found);
                    company = checkCompany(values, ownerId, found);
                    if (!found.isEmpty()) {
                        throw new RowRefused(found);
                    }
                }
                UserId owner = ownerId == null ? CurrentUser.get().id() : new UserId(ownerId);
                companyBatch.add(Company.register(entry.id, company.details(), company.status(),
                        company.lostReason(), owner, now));
            }
            if (contact != null) {
                contactBatch.add(Contact.add(ids.next(), new CompanyId(entry.id), contact, now));
            }
            written++;
            if (written % BATCH == 0) {
                flush();
                progress.written(written);
            }
        }

        private void flush() {
            if (!companyBatch.isEmpty()) {
                insertCompanies();
            }
            if (!contactBatch.isEmpty()) {
                insertContacts();
            }
            companyBatch.clear();
            contactBatch.clear();
        }

        private void insertCompanies() {
            int n = companyBatch.size();
            UUID[] ids = new UUID[n];
            String[][] text = new String[17][n];
            UUID[] ownerIds = new UUID[n];
            List<AuditLog.Creation> audit = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Company company = companyBatch.get(i);
                CompanyDetails d = company.details();
                ids[i] = company.id();
                ownerIds[i] = company.owner().value();
                String[] row = {d.name(), d.legalForm().name(), d.inn(), d.kpp(), d.ogrn(), d.legalAddress(),
                        d.deliveryAddress(), d.bik(), d.bankName(), d.settlementAccount(), d.correspondentAccount(),
                        d.segment(), d.region(), d.size(), d.source() == null ? null : d.source().name(),
                        company.status().name(), company.lostReason()};
                for (int column = 0; column < row.length; column++) {
                    text[column][i] = row[column];
                }
                audit.add(new AuditLog.Creation(company.id(),
                        CompanyService.changes(Company.State.NONE, company.state())
                                .field("importedFrom", null, fileName)));
            }
            String[] tags = companyBatch.stream().map(company -> String.join(UNIT, company.details().tags()))
                    .toArray(String[]::new);
            jdbc.sql("""
                            insert into company (id, name, legal_form, inn, kpp, ogrn, legal_address, delivery_address,
                                bik, bank_name, settlement_account, correspondent_account, segment, region, size,
                                source, status, lost_reason, owner_id, tags, version, created_at)
                            select r.id, r.name, r.legal_form, r.inn, r.kpp, r.ogrn, r.legal_address,
                                r.delivery_address, r.bik, r.bank_name, r.settlement_account, r.correspondent_account,
                                r.segment, r.region, r.size, r.source, r.status, r.lost_reason, r.owner_id,
                                string_to_array(r.tags, chr(31)), 0, :now
                            from unnest(cast(:ids as uuid[]), cast(:t0 as text[]), cast(:t1 as text[]),
                                cast(:t2 as text[]), cast(:t3 as text[]), cast(:t4 as text[]), cast(:t5 as text[]),
                                cast(:t6 as text[]), cast(:t7 as text[]), cast(:t8 as text[]), cast(:t9 as text[]),
                                cast(:t10 as text[]), cast(:t11 as text[]), cast(:t12 as text[]),
                                cast(:t13 as text[]), cast(:t14 as text[]), cast(:t15 as text[]),
                                cast(:t16 as text[]), cast(:owners as uuid[]), cast(:tags as text[]))
                              as r(id, name, legal_form, inn, kpp, ogrn, legal_address, delivery_address, bik,
                                bank_name, settlement_account, correspondent_account, segment, region, size, source,
                                status, lost_reason, owner_id, tags)
                            """)
                    .param("ids", ids)
                    .params(textParams(text))
                    .param("owners", ownerIds)
                    .param("tags", tags)
                    .param("now", java.sql.Timestamp.from(now))
                    .update();
            auditLog.createdAll(CompanyService.COMPANY, audit);
        }

        private void insertContacts() {
            int n = contactBatch.size();
            UUID[] ids = new UUID[n];
            UUID[] companyIds = new UUID[n];
            String[][] text = new String[6][n];
            List<AuditLog.Creation> audit = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Contact contact = contactBatch.get(i);
                ContactDetails d = contact.details();
                ids[i] = contact.id();
                companyIds[i] = contact.company().value();
                text[0][i] = d.fullName();
                text[1][i] = d.position();
                text[2][i] = d.decisionRole() == null ? null : d.decisionRole().name();
                text[3][i] = String.join(UNIT, d.phones());
                text[4][i] = String.join(UNIT, contact.phoneDigits());
                text[5][i] = String.join(UNIT, d.emails());
                audit.add(new AuditLog.Creation(contact.id(), ContactService.describe(
                        AuditChanges.of().field("company", null, contact.company()), null, contact)));
            }
            jdbc.sql("""
                            insert into contact (id, company_id, full_name, position, decision_role, phones,
                                phone_digits, emails, active, version, created_at)
                            select r.id, r.company_id, r.full_name, r.position, r.decision_role,
                                string_to_array(r.phones, chr(31)), string_to_array(r.phone_digits, chr(31)),
                                string_to_array(r.emails, chr(31)), true, 0, :now
                            from unnest(cast(:ids as uuid[]), cast(:companies as uuid[]), cast(:t0 as text[]),
                                cast(:t1 as text[]), cast(:t2 as text[]), cast(:t3 as text[]), cast(:t4 as text[]),
                                cast(:t5 as text[]))
                              as r(id, company_id, full_name, position, decision_role, phones, phone_digits, emails)
                            """)
                    .param("ids", ids)
                    .param("companies", companyIds)
                    .params(textParams(text))
                    .param("now", java.sql.Timestamp.from(now))
                    .update();
            auditLog.createdAll(ContactService.CONTACT, audit);
        }

        private static Map<String, Object> textParams(String[][] columns) {
            Map<String, Object> params = new HashMap<>();
            for (int i = 0; i < columns.length; i++) {
                params.put("t" + i, columns[i]);
            }
            return params;
        }

        ImportReport refused(ImportReport checked, List<RowProblem> rowProblems) {
            return new ImportReport(checked.fileName(), checked.rows(), checked.companies(), checked.contacts(),
                    false, rowProblems.size(), rowProblems, checked.duplicateCount(), checked.duplicates(),
                    checked.unknownColumns(), checked.columns(), checked.preview(), false);
        }

        // --- rows as inputs ------------------------------------------------------------------------------

        private Values values(Line line) {
            String[] company = new String[companyColumn.length];
            for (CompanyColumn column : CompanyColumn.values()) {
                int index = companyColumn[column.ordinal()];
                if (index >= 0) {
                    company[column.ordinal()] = clean(column.labelPrefix() != null, column.field(),
                            line.cell(index));
                }
            }
            String[] contact = new String[contactColumn.length];
            for (ContactColumn column : ContactColumn.values()) {
                int index = contactColumn[column.ordinal()];
                if (index >= 0) {
                    contact[column.ordinal()] = clean(column.labelPrefix() != null, column.field(),
                            line.cell(index));
                }
            }
            return new Values(line.number(), company, contact);
        }

        private String clean(boolean enumerated, String field, String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            String value = raw.strip();
            return enumerated ? columns.code(columns.target(field), value) : value;
        }

        private CompanyInput companyInput(Values v, UUID ownerId) {
            return new CompanyInput(v.company(CompanyColumn.NAME), v.company(CompanyColumn.LEGAL_FORM),
                    v.company(CompanyColumn.INN), v.company(CompanyColumn.KPP), v.company(CompanyColumn.OGRN),
                    v.company(CompanyColumn.LEGAL_ADDRESS), v.company(CompanyColumn.DELIVERY_ADDRESS),
                    v.company(CompanyColumn.BIK), v.company(CompanyColumn.BANK_NAME),
                    v.company(CompanyColumn.SETTLEMENT_ACCOUNT), v.company(CompanyColumn.CORRESPONDENT_ACCOUNT),
                    v.company(CompanyColumn.SEGMENT), v.company(CompanyColumn.REGION), v.company(CompanyColumn.SIZE),
                    v.company(CompanyColumn.SOURCE), v.company(CompanyColumn.STATUS),
                    v.company(CompanyColumn.LOST_REASON), ownerId, list(v.company(CompanyColumn.TAGS)));
        }

        private ContactInput contactInput(Values v) {
            return new ContactInput(v.contact(ContactColumn.FULL_NAME), v.contact(ContactColumn.POSITION),
                    v.contact(ContactColumn.DECISION_ROLE), list(v.contact(ContactColumn.PHONES)),
                    list(v.contact(ContactColumn.EMAILS)), null, null, null, null);
        }

        private static List<String> list(String cell) {
            return cell == null ? List.of() : Arrays.asList(cell.split(LIST_SEPARATOR));
        }
    }

    /**
     * Ids for the records of one import in ascending order (the layout of a version 7 UUID: the
     * time, then a counter from a random start), also as text. The indexes on ids (the keys,
     * contacts' company, the audit log's record id) then grow at their end instead of at random
     * places, so a large import touches few index pages besides the last ones.
     */
    static final class AscendingIds {
        private final long high;
        private long counter;

        AscendingIds(Instant now) {
            java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
            this.high = (now.toEpochMilli() << 16) | 0x7000L | random.nextLong(0x1000L);
            // room for 2^61 ids after the start
            this.counter = random.nextLong(1L << 61);
        }

        UUID next() {
            return new UUID(high, 0x8000000000000000L | counter++);
        }
    }

    private static String key(String inn, String kpp) {
        return kpp == null ? inn : inn + "/" + kpp;
    }
}
