package org.earlyhelp.shared.imports;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.earlyhelp.shared.Message;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CSV file (RFC 4180: quoted fields, doubled quotes, commas and line breaks inside
 * quotes) one record at a time, so a large file is never held in memory. The first record is the
 * header. A byte-order mark is skipped. A field, a record and the number of fields are bounded, so
 * that one endless line cannot take the server's memory.
 */
public final class CsvReader implements Closeable {

    /** A record and the line it started on. */
    public record Row(long line, List<String> values, Map<String, Integer> columns) {

        /** The value in the given column, stripped; empty when the row is short. */
        public String get(int column) {
            return column < values.size() ? values.get(column).strip() : "";
        }

        /** The value under the given header, stripped; empty when there is no such header. */
        public String get(String header) {
            Integer column = columns.get(normalise(header));
            return column == null ? "" : get(column);
        }
    }

    /** The longest field read, in characters. */
    public static final int MAX_FIELD = 100_000;

    /** The most fields a record may have. */
    public static final int MAX_FIELDS = 2_000;

    /** The longest record, in characters. */
    public static final int MAX_RECORD = 1_000_000;

    private final Reader reader;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private long line = 1;
    private int peeked = -2;

    private CsvReader(Reader reader) throws IOException {
        this.reader = reader;
        List<String> first = readRecord();
        if (first == null) {
            throw new ImportException(new Message("shared.import.file-empty-has-no-header"));
        }
        if (!first.isEmpty() && first.getFirst().startsWith("\uFEFF")) {
            first.set(0, first.getFirst().substring(1));
        }
        this.header = List.copyOf(first);
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(normalise(header.get(i)), i);
        }
    }

    /** Opens a UTF-8 CSV stream and reads its header. */
    public static CsvReader open(InputStream in) throws IOException {
        return new CsvReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
    }

    public List<String> header() {
        return header;
    }

    /** The index of the first header matching the test, after lower-casing and trimming. */
    public Optional<Integer> column(Predicate<String> test) {
        for (int i = 0; i < header.size(); i++) {
            if (test.test(normalise(header.get(i)))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The next non-blank record, or {@code null} at the end of the file. */
    public @Nullable Row next() throws IOException {
        while (true) {
            long start = line;
            List<String> values = readRecord();
            if (values == null) {
                return null;
            }
            if (values.size() == 1 && values.getFirst().isBlank()) {
                continue;
            }
            return new Row(start, values, columns);
        }
    }

    static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return reader.read();
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = reader.read();
        }
        return peeked;
    }

    private @Nullable List<String> readRecord() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        List<String> values = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        long startLine = line;
        int recordLength = 0;
        while (true) {
            if (++recordLength > MAX_RECORD) {
                throw new ImportException(
                        new Message("shared.import.line-0-record-longer-than", startLine, MAX_RECORD));
            }
            if (field.length() > MAX_FIELD) {
                throw new ImportException(new Message("shared.import.line-0-value-longer-than", startLine, MAX_FIELD));
            }
            if (values.size() > MAX_FIELDS) {
                throw new ImportException(new Message("shared.import.line-0-more-than-1", startLine, MAX_FIELDS));
            }
            if (c == -1) {
                if (quoted) {
                    throw new ImportException(new Message("shared.import.line-0-quoted-value-never", line));
                }
                values.add(field.toString());
                return values;
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                values.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                line++;
                values.add(field.toString());
                return values;
            } else if (c == '\n') {
                line++;
                values.add(field.toString());
                return values;
            } else {
                field.append((char) c);
                fieldStarted = true;
            }
            c = read();
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
