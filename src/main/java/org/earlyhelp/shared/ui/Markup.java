package org.earlyhelp.shared.ui;

/**
 * Text put into markup that a page writes itself (the charts and maps drawn as SVG, a family's
 * timeline, read-only lists, definitions): every character that could end the text and begin
 * markup is escaped, inside an element or a double-quoted attribute, so what a person typed is
 * shown as text, never run as markup.
 */
public final class Markup {

    private Markup() {}

    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
