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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.earlyhelp.shared.imports.CsvReader;
import org.earlyhelp.shared.imports.ImportException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

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
     */
    public record Read(
            List<HeaderRow> headers,
            List<EpisodeRow> episodes,
            Map<String, Integer> otherTables,
            List<String> notes,
            Map<String, String> refused) {

        public Read(
                List<HeaderRow> headers,
                List<EpisodeRow> episodes,
                Map<String, Integer> otherTables,
                List<String> notes) {
            this(headers, episodes, otherTables, notes, Map.of());
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
    public static @Nullable String notAReturn(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (bytes.length == 0) {
            return "the file is empty.";
        }
        if (startsWith(bytes, "%PDF")) {
            return "it is a PDF document, not a return. Upload the return's CSV tables or its XML file.";
        }
        if (startsWith(bytes, "PK\u0003\u0004")) {
            return "it is a spreadsheet or a zip file, not a return. Save each table of the return as CSV, or"
                    + " upload the XML file.";
        }
        if (startsWith(bytes, "\u0089PNG")
                || (bytes.length > 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8)
                || startsWith(bytes, "GIF8")) {
            return "it is a picture, not a return.";
        }
        if (bytes.length > 3 && (bytes[0] & 0xff) == 0xd0 && (bytes[1] & 0xff) == 0xcf) {
            return "it is an older Office document, not a return. Save each table as CSV.";
        }
        if (!lower.endsWith(".csv") && !lower.endsWith(".xml")) {
            return "only the return's CSV tables and its XML file can be read.";
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
            return "it is not text: it cannot be a CSV table or an XML return.";
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
        List<String> notes = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = file.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            int year = yearOf(name);
            String why = notAReturn(name, file.getValue());
            if (why != null) {
                refused.put(name, why);
                continue;
            }
            try {
                if (lower.endsWith(".xml")) {
                    readXml(name, year, file.getValue(), headers, episodes);
                } else if (lower.endsWith(".csv")) {
                    try (CsvReader csv = CsvReader.open(new ByteArrayInputStream(file.getValue()))) {
                        String table = table(lower);
                        switch (table) {
                            case "header" -> {
                                requireColumns(name, csv, "CHILD", "SEX", "DOB", "ETHNIC");
                                for (CsvReader.Row r = csv.next(); r != null; r = csv.next()) {
                                    headers.add(new HeaderRow(
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
                                    episodes.add(new EpisodeRow(
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
                                            "it is not a table of an SSDA903 return: its first line has none of the"
                                                    + " return's columns (a header, episodes, reviews, missing, UASC,"
                                                    + " OC2, OC3 or adoption table).");
                                    continue;
                                }
                                int rows = 0;
                                for (CsvReader.Row r = csv.next(); r != null; r = csv.next()) {
                                    rows++;
                                }
                                others.merge(known, rows, Integer::sum);
                            }
                        }
                    }
                }
            } catch (IOException | ImportException e) {
                refused.put(name, e.getMessage() == null ? "it could not be read." : e.getMessage());
            }
        }
        return new Read(headers, episodes, others, notes, refused);
    }

    private static void requireColumns(String name, CsvReader csv, String... columns) {
        List<String> missing = new ArrayList<>();
        for (String c : columns) {
            if (csv.header().stream().noneMatch(h -> h.strip().equalsIgnoreCase(c))) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportException(name + " is missing the column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + ": is it an SSDA903 table?");
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
    static int yearOf(String name) {
        Matcher m = YEAR.matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static void readXml(String name, int year, byte[] bytes, List<HeaderRow> headers, List<EpisodeRow> episodes)
            throws IOException {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new ImportException(name + " is not a readable XML return: " + e.getMessage());
        }
        NodeList children = document.getElementsByTagName("CHILD");
        for (int i = 0; i < children.getLength(); i++) {
            Element child = (Element) children.item(i);
            Element header = first(child, "HEADER");
            String id = header == null ? "" : text(header, "CHILDID");
            if (header != null) {
                headers.add(new HeaderRow(
                        name, i + 1, id, text(header, "SEX"), text(header, "DOB"), text(header, "ETHNIC")));
            }
            NodeList list = child.getElementsByTagName("EPISODE");
            for (int k = 0; k < list.getLength(); k++) {
                Element e = (Element) list.item(k);
                String place = text(e, "PL").isEmpty() ? text(e, "PLACE") : text(e, "PL");
                episodes.add(new EpisodeRow(
                        name,
                        i + 1,
                        year,
                        id,
                        text(e, "DECOM"),
                        text(e, "RNE"),
                        text(e, "LS"),
                        text(e, "CIN"),
                        place,
                        text(e, "PLACE_PROVIDER"),
                        text(e, "DEC"),
                        text(e, "REC"),
                        text(e, "REASON_PLACE_CHANGE"),
                        text(e, "HOME_POST"),
                        text(e, "PL_POST"),
                        text(e, "URN")));
            }
        }
    }

    private static @Nullable Element first(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static String text(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        return "";
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
