package org.earlyhelp.sufficiency.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.imports.ImportException;

/**
 * Reads the sheets of an .xlsx workbook (the Ofsted provider lists) as rows of text, with only
 * the JDK: the workbook is a zip of XML parts, read here as a stream. Everything is bounded, so no
 * file, however crafted, can take the server's memory: the parts unzipped (count and size), the
 * columns (to XFD, the last Excel has), the rows (Excel's 1,048,576), the cells of a workbook
 * (counting the empty ones a cell far to the right implies) and the shared strings. DTDs and
 * external entities are refused.
 */
public final class Xlsx {

    /** Limits of what a workbook may hold. */
    public record Limits(long unzippedBytes, int parts, int rows, long cells, int sharedStrings) {

        /** Enough for any provider list Ofsted publishes, many times over. */
        public static final Limits DEFAULT = new Limits(32L * 1024 * 1024, 2_000, 1_048_576, 2_000_000, 1_000_000);
    }

    /** The last column an .xlsx can have: XFD, zero-based. */
    static final int LAST_COLUMN = 16_383;

    private static final XMLInputFactory XML = xmlFactory();

    private Xlsx() {}

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return factory;
    }

    /** Every sheet by name, in order; each sheet a list of rows, each row its cells' text. */
    public static Map<String, List<List<String>>> read(byte[] workbook) {
        return read(workbook, Limits.DEFAULT);
    }

    /** As {@link #read(byte[])}, within the given limits. */
    public static Map<String, List<List<String>>> read(byte[] workbook, Limits limits) {
        Map<String, byte[]> parts = unzip(workbook, limits);
        if (!parts.containsKey("xl/workbook.xml")) {
            throw new ImportException(new Message("sufficiency.import.not-xlsx-workbook-no-xl"));
        }
        List<String> strings = parts.containsKey("xl/sharedStrings.xml")
                ? sharedStrings(parts.get("xl/sharedStrings.xml"), limits)
                : List.of();
        Map<String, String> targets = new HashMap<>();
        if (parts.containsKey("xl/_rels/workbook.xml.rels")) {
            stream(parts.get("xl/_rels/workbook.xml.rels"), "Relationship", r -> {
                String target = r.getAttributeValue(null, "Target");
                String id = r.getAttributeValue(null, "Id");
                if (target != null && id != null) {
                    targets.put(id, target.startsWith("/") ? target.substring(1) : "xl/" + target);
                }
            });
        }
        List<String[]> sheets = new ArrayList<>();
        stream(
                parts.get("xl/workbook.xml"),
                "sheet",
                s -> sheets.add(new String[] {
                    String.valueOf(s.getAttributeValue(null, "name")), s.getAttributeValue(null, "r:id")
                }));
        Map<String, List<List<String>>> read = new LinkedHashMap<>();
        long[] cells = {0};
        for (int i = 0; i < sheets.size(); i++) {
            String path = targets.getOrDefault(sheets.get(i)[1], "xl/worksheets/sheet" + (i + 1) + ".xml");
            byte[] part = parts.get(path);
            if (part != null) {
                read.put(sheets.get(i)[0], rows(part, strings, limits, cells));
            }
        }
        return read;
    }

    private static Map<String, byte[]> unzip(byte[] workbook, Limits limits) {
        Map<String, byte[]> parts = new HashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (parts.size() >= limits.parts()) {
                    throw new ImportException(
                            new Message("sufficiency.import.workbook-has-more-than-0", limits.parts()));
                }
                long left = limits.unzippedBytes() - total;
                byte[] bytes = zip.readNBytes((int) Math.min(left + 1, Integer.MAX_VALUE - 8));
                total += bytes.length;
                if (total > limits.unzippedBytes()) {
                    throw new ImportException(new Message(
                            "sufficiency.import.workbook-too-large-read-unzipped",
                            limits.unzippedBytes() / (1024 * 1024)));
                }
                parts.put(entry.getName(), bytes);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ImportException(new Message("sufficiency.import.not-readable-xlsx-workbook-0", e.getMessage()));
        }
        return parts;
    }

    private interface OnElement {
        void accept(XMLStreamReader element) throws XMLStreamException;
    }

    /** Calls back at every start of an element with this name. */
    private static void stream(byte[] xml, String name, OnElement onElement) {
        XMLStreamReader reader = null;
        try {
            reader = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT
                        && reader.getLocalName().equals(name)) {
                    onElement.accept(reader);
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof ImportException refused) {
                throw refused;
            }
            throw new ImportException(new Message("sufficiency.import.part-workbook-not-readable-xml", e.getMessage()));
        } finally {
            close(reader);
        }
    }

    private static List<String> sharedStrings(byte[] xml, Limits limits) {
        List<String> strings = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
            StringBuilder text = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT
                        && reader.getLocalName().equals("si")) {
                    text = new StringBuilder();
                } else if (event == XMLStreamConstants.START_ELEMENT
                        && reader.getLocalName().equals("t")
                        && text != null) {
                    text.append(reader.getElementText());
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && reader.getLocalName().equals("si")
                        && text != null) {
                    if (strings.size() >= limits.sharedStrings()) {
                        throw new ImportException(
                                new Message("sufficiency.import.workbook-has-more-than-0-2", limits.sharedStrings()));
                    }
                    strings.add(text.toString());
                    text = null;
                }
            }
        } catch (XMLStreamException e) {
            throw new ImportException(new Message("sufficiency.import.part-workbook-not-readable-xml", e.getMessage()));
        } finally {
            close(reader);
        }
        return strings;
    }

    private static List<List<String>> rows(byte[] xml, List<String> strings, Limits limits, long[] cells) {
        List<List<String>> rows = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
            List<String> row = null;
            String type = "";
            int column = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (reader.getLocalName()) {
                        case "row" -> {
                            if (rows.size() >= limits.rows()) {
                                throw new ImportException(
                                        new Message("sufficiency.import.sheet-has-more-than-0", limits.rows()));
                            }
                            row = new ArrayList<>();
                        }
                        case "c" -> {
                            if (row == null) {
                                continue;
                            }
                            String reference = reader.getAttributeValue(null, "r");
                            column = reference == null || reference.isBlank() ? row.size() : column(reference);
                            if (column > LAST_COLUMN) {
                                throw new ImportException(
                                        new Message("sufficiency.import.cell-reference-0-beyond-last", reference));
                            }
                            column = Math.max(column, row.size());
                            type = String.valueOf(reader.getAttributeValue(null, "t"));
                            cells[0] += column - row.size() + 1;
                            if (cells[0] > limits.cells()) {
                                throw new ImportException(
                                        new Message("sufficiency.import.workbook-has-more-than-0-3", limits.cells()));
                            }
                            while (row.size() < column) {
                                row.add("");
                            }
                            row.add("");
                        }
                        case "v", "t" -> {
                            if (row != null && !row.isEmpty()) {
                                String text = reader.getElementText();
                                if ("s".equals(type) && !text.isBlank()) {
                                    int index = parseIndex(text);
                                    text = index >= 0 && index < strings.size() ? strings.get(index) : "";
                                }
                                row.set(row.size() - 1, row.get(row.size() - 1) + text.strip());
                            }
                        }
                        default -> {
                            // other parts of the sheet
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && reader.getLocalName().equals("row")
                        && row != null) {
                    rows.add(row);
                    row = null;
                }
            }
        } catch (XMLStreamException e) {
            throw new ImportException(new Message("sufficiency.import.part-workbook-not-readable-xml", e.getMessage()));
        } finally {
            close(reader);
        }
        return rows;
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The zero-based column of a cell reference such as {@code C7}; 0 when it names none. Letters
     * beyond three (past XFD) give a column past {@link #LAST_COLUMN}, never an overflow.
     */
    static int column(String reference) {
        int column = 0;
        boolean any = false;
        int letters = 0;
        for (char ch : reference.toCharArray()) {
            if (ch >= 'A' && ch <= 'Z') {
                if (++letters > 3) {
                    return LAST_COLUMN + 1;
                }
                column = column * 26 + (ch - 'A' + 1);
                any = true;
            } else {
                break;
            }
        }
        return any ? column - 1 : 0;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing held
            }
        }
    }
}
