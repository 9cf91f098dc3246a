package org.clientela.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * A file to import, recognised by its content rather than its name: an XLSX workbook (its first
 * sheet, streamed) or a CSV in UTF-8 or Windows-1251 separated by {@code ;} or {@code ,}. Rows are
 * read one at a time, so a file of any length takes little memory; they can be read again. Every
 * module that imports a table (the client base, payments from the accounting system) reads it here.
 */
public final class ImportFile {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final int SNIFF = 8192;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public enum Kind { CSV, XLSX }

    /** One row of the file; {@code number} as a spreadsheet shows it, the header being row 1. */
    public record Line(int number, List<String> cells) {

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : null;
        }
    }

    /**
     * The file cannot be read as a table at all; {@code unsupported} for a file of another kind.
     * The message key names the reason in the platform's bundle.
     */
    public static final class Unreadable extends RuntimeException {
        private final String messageKey;
        private final transient Object[] arguments;
        private final boolean unsupported;

        Unreadable(boolean unsupported, String messageKey, Object... arguments) {
            super(messageKey);
            this.unsupported = unsupported;
            this.messageKey = messageKey;
            this.arguments = arguments;
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] arguments() {
            return arguments.clone();
        }

        public boolean unsupported() {
            return unsupported;
        }
    }

    private final Path path;
    private final Kind kind;
    private final Charset charset;
    private final char delimiter;
    private final List<String> headers;

    private ImportFile(Path path, Kind kind, Charset charset, char delimiter) {
        this.path = path;
        this.kind = kind;
        this.charset = charset;
        this.delimiter = delimiter;
        this.headers = readHeaders();
    }

    public static ImportFile open(Path path) {
        try {
            byte[] start = new byte[SNIFF];
            int length;
            try (InputStream in = Files.newInputStream(path)) {
                length = in.readNBytes(start, 0, SNIFF);
            }
            byte[] head = Arrays.copyOf(start, length);
            if (length == 0) {
                throw new Unreadable(false, "import.file.empty");
            }
            if (ReadableWorkbook.isOOXMLZipHeader(head)) {
                return new ImportFile(path, Kind.XLSX, null, ',');
            }
            if (ReadableWorkbook.isOLE2Header(head)) {
                // an old .xls: readable by a spreadsheet, which can save it as .xlsx
                throw new Unreadable(true, "import.file.oldExcel");
            }
            if (looksBinary(head)) {
                throw new Unreadable(true, "import.file.notATable");
            }
            Charset charset = isUtf8(path) ? StandardCharsets.UTF_8 : WINDOWS_1251;
            return new ImportFile(path, Kind.CSV, charset, delimiter(firstLine(path, charset)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header row, trimmed; blank headers stay as empty strings so indexes match the cells. */
    public List<String> headers() {
        return headers;
    }

    /** Every row after the header, in order; rows with no value at all are skipped. */
    public void rows(Consumer<Line> each) {
        read(each, false);
    }

    private List<String> readHeaders() {
        List<String> found = new ArrayList<>();
        read(line -> found.addAll(line.cells().stream().map(cell -> cell == null ? "" : cell.strip()).toList()), true);
        if (found.stream().allMatch(String::isEmpty)) {
            throw new Unreadable(false, "import.file.noHeader");
        }
        return List.copyOf(found);
    }

    private void read(Consumer<Line> each, boolean headerOnly) {
        try {
            if (kind == Kind.XLSX) {
                readXlsx(each, headerOnly);
            } else {
                readCsv(each, headerOnly);
            }
        } catch (IOException e) {
            throw new Unreadable(false, "import.file.broken", kind);
        }
    }

    private void readCsv(Consumer<Line> each, boolean headerOnly) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (Reader reader = reader(); CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            int number = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    // an unclosed quote: the rest of the file cannot be told apart into rows
                    throw new Unreadable(false, "import.file.brokenRow", number + 1);
                }
                number = (int) record.getRecordNumber();
                if (number == 1) {
                    if (headerOnly) {
                        each.accept(new Line(1, record.toList()));
                        return;
                    }
                    continue;
                }
                // a cell an export defused against formulas reads back as it was
                List<String> cells = record.stream().map(ImportFile::undefused).toList();
                if (!blank(cells)) {
                    each.accept(new Line(number, cells));
                }
            }
        }
    }

    private Reader reader() throws IOException {
        InputStream in = Files.newInputStream(path);
        if (charset == StandardCharsets.UTF_8) {
            byte[] bom = in.readNBytes(3);
            if (!Arrays.equals(bom, UTF8_BOM)) {
                in.close();
                in = Files.newInputStream(path);
            }
        }
        return new BufferedReader(new java.io.InputStreamReader(in, charset), 1 << 16);
    }

    private void readXlsx(Consumer<Line> each, boolean headerOnly) throws IOException {
        // only fastexcel's own failures mean a damaged file: what the consumer throws passes through
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(path.toFile());
        } catch (RuntimeException notAWorkbook) {
            // a zip that is not a workbook (a .docx, a damaged file)
            throw new Unreadable(false, "import.file.broken", kind);
        }
        try (workbook; Stream<Row> rows = firstSheet(workbook)) {
            boolean header = true;
            Iterator<Row> iterator = rows.iterator();
            while (true) {
                Row row;
                try {
                    if (!iterator.hasNext()) {
                        return;
                    }
                    row = iterator.next();
                } catch (RuntimeException damaged) {
                    throw new Unreadable(false, "import.file.broken", kind);
                }
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    String text = row.getCellText(i);
                    cells.add(text == null ? "" : text);
                }
                if (blank(cells)) {
                    continue;
                }
                if (header) {
                    header = false;
                    if (headerOnly) {
                        each.accept(new Line(row.getRowNum(), cells));
                        return;
                    }
                    continue;
                }
                each.accept(new Line(row.getRowNum(), cells));
            }
        }
    }

    private Stream<Row> firstSheet(ReadableWorkbook workbook) throws IOException {
        try {
            return workbook.getFirstSheet().openStream();
        } catch (RuntimeException noSheet) {
            throw new Unreadable(false, "import.file.broken", kind);
        }
    }

    private static boolean blank(List<String> cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A CSV cell as it was before an export defused it: a spreadsheet takes a cell starting with
     * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return for a formula, so an
     * export puts an apostrophe before it (as OWASP advises), which the import strips again.
     */
    public static String undefused(String cell) {
        if (cell == null || cell.length() < 2 || cell.charAt(0) != '\'') {
            return cell;
        }
        return "=+-@\t\r".indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
    }

    /**
     * A header or a value as it is compared, whatever its case and spaces: «ИНН плательщика»,
     * «инн  ПЛАТЕЛЬЩИКА» and «ИНН_плательщика» are one; «ё» reads as «е».
     */
    public static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '_' && c != '\u00A0') {
                out.append(Character.toLowerCase(c == 'ё' || c == 'Ё' ? 'е' : c));
            }
        }
        return out.toString();
    }

    /** Control characters other than tab and line ends do not occur in a text table; in a PNG or PDF they do. */
    private static boolean looksBinary(byte[] head) {
        if (head.length >= 5 && new String(head, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return true;
        }
        for (byte b : head) {
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** Valid UTF-8 throughout: Windows-1251 Cyrillic almost never is. */
    private static boolean isUtf8(Path path) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(1 << 16);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        try (var channel = Files.newByteChannel(path)) {
            while (true) {
                int read = channel.read(in);
                in.flip();
                var result = decoder.decode(in, out, read < 0);
                if (result.isError()) {
                    return false;
                }
                out.clear();
                in.compact();
                if (read < 0) {
                    return !decoder.flush(out).isError() && in.position() == 0;
                }
            }
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String firstLine(Path path, Charset charset) throws IOException {
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(path), charset)) {
            char[] buffer = new char[SNIFF];
            int read = reader.read(buffer);
            return read <= 0 ? "" : new String(buffer, 0, read);
        }
    }

    /** {@code ;} or {@code ,}, whichever the header line has more of outside quotes; {@code ;} when even. */
    private static char delimiter(String text) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return commas > semicolons ? ',' : ';';
    }
}
