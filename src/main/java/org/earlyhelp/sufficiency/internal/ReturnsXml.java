package org.earlyhelp.sufficiency.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.imports.ImportException;

/**
 * An SSDA903 return in XML, read as a stream within fixed bounds: a crafted file cannot exhaust
 * the heap, and DTDs and entities are refused.
 */
final class ReturnsXml {

    private ReturnsXml() {}

    /** The most children and episodes one XML return may hold: far more than any council has. */
    static final int MAX_XML_CHILDREN = 200_000;

    static final int MAX_XML_EPISODES = 2_000_000;

    /** How deep a return's elements go (root, CHILD, HEADER or EPISODE, a value, and a little room). */
    static final int MAX_XML_DEPTH = 8;

    private static final XMLInputFactory XML = xmlFactory();

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /**
     * Reads an XML return as a stream: only the root's own CHILD elements, and only their own
     * HEADER and EPISODE elements, count; anything nested deeper than a return goes, or more
     * children or episodes than any council has, refuses the file. DTDs and entities are refused.
     */
    static void read(
            String name, int year, byte[] bytes, List<Returns.HeaderRow> headers, List<Returns.EpisodeRow> episodes)
            throws IOException {
        XMLStreamReader reader = null;
        try {
            reader = XML.createXMLStreamReader(new ByteArrayInputStream(bytes));
            int depth = 0;
            int children = 0;
            int episodesRead = 0;
            String child = "";
            Map<String, String> values = null;
            String valueTag = null;
            StringBuilder text = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new ImportException(new Message("sufficiency.import.0-not-readable-xml-return", name));
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth > MAX_XML_DEPTH) {
                        throw new ImportException(new Message("sufficiency.import.0-not-readable-xml-return-2", name));
                    }
                    String tag = reader.getLocalName();
                    if (depth == 2 && tag.equals("CHILD")) {
                        if (++children > MAX_XML_CHILDREN) {
                            throw new ImportException(
                                    new Message("sufficiency.import.0-holds-more-than-1", name, MAX_XML_CHILDREN));
                        }
                        child = "";
                    } else if (depth == 3 && (tag.equals("HEADER") || tag.equals("EPISODE"))) {
                        values = new LinkedHashMap<>();
                        values.put("", tag);
                    } else if (depth == 4 && values != null) {
                        valueTag = tag;
                        text.setLength(0);
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (valueTag != null && text.length() < 10_000) {
                        text.append(reader.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 4 && values != null && valueTag != null) {
                        values.putIfAbsent(valueTag, text.toString().strip());
                        valueTag = null;
                    } else if (depth == 3 && values != null) {
                        if (values.get("").equals("HEADER")) {
                            child = values.getOrDefault("CHILDID", "");
                            headers.add(new Returns.HeaderRow(
                                    name,
                                    children,
                                    child,
                                    values.getOrDefault("SEX", ""),
                                    values.getOrDefault("DOB", ""),
                                    values.getOrDefault("ETHNIC", "")));
                        } else {
                            if (++episodesRead > MAX_XML_EPISODES) {
                                throw new ImportException(new Message(
                                        "sufficiency.import.0-holds-more-than-1-2", name, MAX_XML_EPISODES));
                            }
                            String place = values.getOrDefault("PL", "");
                            episodes.add(new Returns.EpisodeRow(
                                    name,
                                    children,
                                    year,
                                    child,
                                    values.getOrDefault("DECOM", ""),
                                    values.getOrDefault("RNE", ""),
                                    values.getOrDefault("LS", ""),
                                    values.getOrDefault("CIN", ""),
                                    place.isEmpty() ? values.getOrDefault("PLACE", "") : place,
                                    values.getOrDefault("PLACE_PROVIDER", ""),
                                    values.getOrDefault("DEC", ""),
                                    values.getOrDefault("REC", ""),
                                    values.getOrDefault("REASON_PLACE_CHANGE", ""),
                                    values.getOrDefault("HOME_POST", ""),
                                    values.getOrDefault("PL_POST", ""),
                                    values.getOrDefault("URN", "")));
                        }
                        values = null;
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw new ImportException(
                    new Message("sufficiency.import.0-not-readable-xml-return-3", name, e.getMessage()));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }
}
