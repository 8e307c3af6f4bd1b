package org.earlyhelp.sufficiency.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.imports.CsvReader;
import org.earlyhelp.shared.imports.ImportException;
import org.jspecify.annotations.Nullable;

/**
 * Reads SSDA903 returns: the CSV tables (header and episodes; the others are counted and kept
 * for later) and the XML form, with dd/mm/yyyy or ISO dates and old and new codes. Values are
 * kept as given; {@link Rules} says what is wrong with them.
 */
public final class Returns {

    private static final DateTimeFormatter UK =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UK_SHORT =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)");

    private Returns() {}

    /** A child in a header table, as given. */
    public record HeaderRow(String file, long line, String child, String sex, String dob, String ethnic) {}

    /** An episode, as given. */
    public record EpisodeRow(
            String file,
            long line,
            int year,
            String child,
            String decom,
            String rne,
            String ls,
            String cin,
            String place,
            String provider,
            String dec,
            String rec,
            String reasonPlaceChange,
            String homePost,
            String plPost,
            String urn) {}

    /**
     * Everything read from one upload.
     *
     * @param refused files that are not part of an SSDA903 return, each with why in plain words
     * @param tables each file read and the table it holds ("header", "episodes", "xml" or another)
     * @param councils the council (LA) codes the files' LA columns name, by file; none when no
     *     file has an LA column
     */
    public record Read(
            List<HeaderRow> headers,
            List<EpisodeRow> episodes,
            Map<String, Integer> otherTables,
            List<Message> notes,
            Map<String, Message> refused,
            Map<String, String> tables,
            Map<String, Set<String>> councils) {

        public Read(
                List<HeaderRow> headers,
                List<EpisodeRow> episodes,
                Map<String, Integer> otherTables,
                List<Message> notes) {
            this(headers, episodes, otherTables, notes, Map.of(), Map.of(), Map.of());
        }
    }

    /**
     * The return's other tables, each known by columns no other file has: read, counted, and kept
     * for later. A CSV file with none of these, nor a header's or episodes' columns, is not part of
     * a return.
     */
    private static final Map<String, List<String>> OTHER_TABLES = Map.ofEntries(
            Map.entry("uasc", List.of("CHILD", "DUC")),
            Map.entry("missing", List.of("CHILD", "MIS_START")),
            Map.entry("oc2", List.of("CHILD", "SDQ_SCORE")),
            Map.entry("oc3", List.of("CHILD", "IN_TOUCH")),
            Map.entry("previous_permanence", List.of("CHILD", "PREV_PERM")),
            Map.entry("reviews", List.of("CHILD", "REVIEW")),
            Map.entry("ad1", List.of("CHILD", "DATE_INT")),
            Map.entry("placed_for_adoption", List.of("CHILD", "DATE_PLACED")),
            Map.entry("sw_episodes", List.of("CHILD", "SW_ID")),
            Map.entry("dolo", List.of("CHILD", "DOLO_START")));

    /**
     * Why a file cannot be part of an SSDA903 return, from its first bytes and its name: a PDF, a
     * picture, a spreadsheet, anything that is not text; or {@code null} when it may be one.
     */
    public static @Nullable Message notAReturn(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (bytes.length == 0) {
            return new Message("sufficiency.returns.refused.empty");
        }
        if (startsWith(bytes, "%PDF")) {
            return new Message("sufficiency.returns.refused.pdf");
        }
        if (startsWith(bytes, "PK\u0003\u0004")) {
            return new Message("sufficiency.returns.refused.zip");
        }
        if (startsWith(bytes, "\u0089PNG")
                || (bytes.length > 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8)
                || startsWith(bytes, "GIF8")) {
            return new Message("sufficiency.returns.refused.picture");
        }
        if (bytes.length > 3 && (bytes[0] & 0xff) == 0xd0 && (bytes[1] & 0xff) == 0xcf) {
            return new Message("sufficiency.returns.refused.office");
        }
        if (!lower.endsWith(".csv") && !lower.endsWith(".xml")) {
            return new Message("sufficiency.returns.refused.name");
        }
        int sample = Math.min(bytes.length, 64 * 1024);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x0c)) {
                control++;
            }
        }
        if (control > 0) {
            return new Message("sufficiency.returns.refused.not-text");
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        if (bytes.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if ((bytes[i] & 0xff) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable String otherTable(List<String> header) {
        List<String> columns = header.stream()
                .map(h -> h.replace("\uFEFF", "").strip().toUpperCase(Locale.ROOT))
                .toList();
        return OTHER_TABLES.entrySet().stream()
                .filter(t -> columns.containsAll(t.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst()
                .orElse(null);
    }

    /** Reads the files of one upload; a file that cannot be read at all is an {@link ImportException}. */
    public static Read read(Map<String, byte[]> files) {
        List<HeaderRow> headers = new ArrayList<>();
        List<EpisodeRow> episodes = new ArrayList<>();
        Map<String, Integer> others = new LinkedHashMap<>();
        List<Message> notes = new ArrayList<>();
        Map<String, Message> refused = new LinkedHashMap<>();
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, Set<String>> councils = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = file.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            int year = yearOf(name);
            Message why = notAReturn(name, file.getValue());
            if (why != null) {
                refused.put(name, why);
                continue;
            }
            // Each file's rows join the upload's only once the whole file has been read.
            List<HeaderRow> fileHeaders = new ArrayList<>();
            List<EpisodeRow> fileEpisodes = new ArrayList<>();
            Map<String, Integer> fileOthers = new LinkedHashMap<>();
            Set<String> fileCouncils = new TreeSet<>();
            String fileTable = "xml";
            try {
                if (lower.endsWith(".xml")) {
                    ReturnsXml.read(name, year, file.getValue(), fileHeaders, fileEpisodes);
                } else if (lower.endsWith(".csv")) {
                    try (CsvReader csv = CsvReader.open(new ByteArrayInputStream(file.getValue()))) {
                        String table = table(lower);
                        fileTable = table;
                        // Files that hold several councils' returns (a regional collection) say whose
                        // each row is in an LA column.
                        boolean hasCouncil = csv.header().stream()
                                .anyMatch(h -> h.replace("\uFEFF", "").strip().equalsIgnoreCase("LA"));
                        switch (table) {
                            case "header" -> {
                                requireColumns(name, csv, "CHILD", "SEX", "DOB", "ETHNIC");
                                for (CsvReader.Row r = csv.next(); r != null; r = csv.next()) {
                                    if (hasCouncil) {
                                        fileCouncils.add(r.get("LA").strip());
                                    }
                                    fileHeaders.add(new HeaderRow(
                                            name,
                                            r.line(),
                                            r.get("CHILD"),
                                            r.get("SEX"),
                                            r.get("DOB"),
                                            r.get("ETHNIC")));
                                }
                            }
                            case "episodes" -> {
                                requireColumns(name, csv, "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "DEC", "REC");
                                for (CsvReader.Row r = csv.next(); r != null; r = csv.next()) {
                                    if (hasCouncil) {
                                        fileCouncils.add(r.get("LA").strip());
                                    }
                                    fileEpisodes.add(new EpisodeRow(
                                            name,
                                            r.line(),
                                            year,
                                            r.get("CHILD"),
                                            r.get("DECOM"),
                                            r.get("RNE"),
                                            r.get("LS"),
                                            r.get("CIN"),
                                            r.get("PLACE"),
                                            r.get("PLACE_PROVIDER"),
                                            r.get("DEC"),
                                            r.get("REC"),
                                            r.get("REASON_PLACE_CHANGE"),
                                            r.get("HOME_POST"),
                                            r.get("PL_POST"),
                                            r.get("URN")));
                                }
                            }
                            default -> {
                                String known = otherTable(csv.header());
                                if (known == null) {
                                    refused.put(
                                            name,
                                            new Message("sufficiency.returns.refused.not-table-ssda903-return-first"));
                                    continue;
                                }
                                int rows = 0;
                                for (CsvReader.Row r = csv.next(); r != null; r = csv.next()) {
                                    rows++;
                                }
                                fileOthers.merge(known, rows, Integer::sum);
                            }
                        }
                    }
                }
                headers.addAll(fileHeaders);
                episodes.addAll(fileEpisodes);
                tables.put(name, fileTable);
                if (!fileCouncils.isEmpty()) {
                    councils.put(name, fileCouncils);
                }
                fileOthers.forEach((table, rows) -> others.merge(table, rows, Integer::sum));
            } catch (IOException | ImportException e) {
                refused.put(
                        name,
                        e instanceof ImportException unreadable
                                ? unreadable.why()
                                : new Message("sufficiency.returns.refused.unreadable"));
            }
        }
        return new Read(headers, episodes, others, notes, refused, tables, councils);
    }

    private static void requireColumns(String name, CsvReader csv, String... columns) {
        List<String> missing = new ArrayList<>();
        for (String c : columns) {
            if (csv.header().stream().noneMatch(h -> h.strip().equalsIgnoreCase(c))) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportException(new Message(
                    "sufficiency.import.missing-columns", name, missing.size(), String.join(", ", missing)));
        }
    }

    /** The table a file holds, from its name: header, episodes, reviews, missing, uasc, oc2, oc3... */
    static String table(String lowerName) {
        String base = lowerName.replaceAll("\\.csv$", "").replaceAll("^\\d{4}[-_]", "");
        if (base.contains("sw_episodes")) {
            return "sw_episodes";
        }
        if (base.contains("header")) {
            return "header";
        }
        if (base.contains("episodes")) {
            return "episodes";
        }
        return base;
    }

    /** The collection year from a name like {@code 2021-episodes.csv}; 0 when the name has none. */
    public static int yearOf(String name) {
        Matcher m = YEAR.matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** A date in dd/mm/yyyy (or d/m/yyyy) or ISO yyyy-mm-dd form; null when it is neither. */
    public static @Nullable LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > 10 && t.charAt(10) == 'T' || t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10);
        }
        for (DateTimeFormatter f : List.of(UK, UK_SHORT, DateTimeFormatter.ISO_LOCAL_DATE)) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    /** SEX as the return gives it (1/2 or M/F/U) in today's codes: 1 male, 2 female, U unknown. */
    public static @Nullable String sex(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "1", "M" -> "1";
            case "2", "F" -> "2";
            case "U", "0", "9" -> "U";
            default -> null;
        };
    }
}
