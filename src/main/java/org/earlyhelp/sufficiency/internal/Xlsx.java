package org.earlyhelp.sufficiency.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.earlyhelp.shared.imports.ImportException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the sheets of an .xlsx workbook (the Ofsted provider lists) as rows of text, with only
 * the JDK: the workbook is a zip of XML parts. Entity expansion and DTDs are refused, and the
 * size of what is unzipped is bounded.
 */
public final class Xlsx {

    private static final long MAX_UNZIPPED = 64L * 1024 * 1024;

    private Xlsx() {}

    /** Every sheet by name, in order; each sheet a list of rows, each row its cells' text. */
    public static Map<String, List<List<String>>> read(byte[] workbook) {
        Map<String, byte[]> parts = new HashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] bytes = zip.readNBytes((int) Math.min(MAX_UNZIPPED, Integer.MAX_VALUE - 8));
                total += bytes.length;
                if (total >= MAX_UNZIPPED) {
                    throw new ImportException("The workbook is too large to read.");
                }
                parts.put(entry.getName(), bytes);
            }
        } catch (IOException e) {
            throw new ImportException("This is not a readable .xlsx workbook: " + e.getMessage());
        }
        if (!parts.containsKey("xl/workbook.xml")) {
            throw new ImportException("This is not an .xlsx workbook (no xl/workbook.xml).");
        }
        List<String> strings = new ArrayList<>();
        if (parts.containsKey("xl/sharedStrings.xml")) {
            NodeList items = parse(parts.get("xl/sharedStrings.xml")).getElementsByTagName("si");
            for (int i = 0; i < items.getLength(); i++) {
                strings.add(items.item(i).getTextContent());
            }
        }
        Map<String, String> targets = new HashMap<>();
        if (parts.containsKey("xl/_rels/workbook.xml.rels")) {
            NodeList rels = parse(parts.get("xl/_rels/workbook.xml.rels")).getElementsByTagName("Relationship");
            for (int i = 0; i < rels.getLength(); i++) {
                Element r = (Element) rels.item(i);
                String target = r.getAttribute("Target");
                targets.put(r.getAttribute("Id"), target.startsWith("/") ? target.substring(1) : "xl/" + target);
            }
        }
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        NodeList list = parse(parts.get("xl/workbook.xml")).getElementsByTagName("sheet");
        for (int i = 0; i < list.getLength(); i++) {
            Element sheet = (Element) list.item(i);
            String rel = sheet.getAttribute("r:id");
            String path = targets.getOrDefault(rel, "xl/worksheets/sheet" + (i + 1) + ".xml");
            byte[] part = parts.get(path);
            if (part != null) {
                sheets.put(sheet.getAttribute("name"), rows(parse(part), strings));
            }
        }
        return sheets;
    }

    private static List<List<String>> rows(Document sheet, List<String> strings) {
        List<List<String>> rows = new ArrayList<>();
        NodeList rowNodes = sheet.getElementsByTagName("row");
        for (int r = 0; r < rowNodes.getLength(); r++) {
            Element row = (Element) rowNodes.item(r);
            List<String> cells = new ArrayList<>();
            NodeList cellNodes = row.getElementsByTagName("c");
            for (int c = 0; c < cellNodes.getLength(); c++) {
                Element cell = (Element) cellNodes.item(c);
                String reference = cell.getAttribute("r");
                int column = reference.isBlank() ? cells.size() : column(reference);
                while (cells.size() < column) {
                    cells.add("");
                }
                String type = cell.getAttribute("t");
                String text;
                if ("inlineStr".equals(type)) {
                    text = cell.getTextContent();
                } else {
                    NodeList v = cell.getElementsByTagName("v");
                    text = v.getLength() == 0 ? "" : v.item(0).getTextContent();
                    if ("s".equals(type) && !text.isEmpty()) {
                        int index = Integer.parseInt(text.strip());
                        text = index < strings.size() ? strings.get(index) : "";
                    }
                }
                cells.add(text.strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The zero-based column of a cell reference such as {@code C7}; the next column when there is none. */
    static int column(String reference) {
        int column = 0;
        boolean any = false;
        for (char ch : reference.toCharArray()) {
            if (ch >= 'A' && ch <= 'Z') {
                column = column * 26 + (ch - 'A' + 1);
                any = true;
            } else {
                break;
            }
        }
        return any ? column - 1 : 0;
    }

    private static Document parse(byte[] xml) {
        try (InputStream in = new ByteArrayInputStream(xml)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new ImportException("A part of the workbook is not readable XML: " + e.getMessage());
        }
    }
}
