package org.earlyhelp.sufficiency.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import org.earlyhelp.shared.TableRows;
import org.earlyhelp.shared.ui.CsvDownload;
import org.earlyhelp.sufficiency.TableExports;

/**
 * A link that downloads a table as CSV. The CSV is made when the link is followed, through
 * {@link TableExports}, which checks the role, suppresses small counts and records the export.
 */
final class CsvLink {

    private CsvLink() {}

    static Anchor of(
            TableExports exports,
            String id,
            String title,
            String label,
            List<String> headers,
            SerializableSupplier<List<? extends List<?>>> rows) {
        return of(exports, id, title, label, headers, rows, TableExports.Protection::of);
    }

    /** As {@link #of}, with what else the page tells the export's reader when the link is followed. */
    static Anchor of(
            TableExports exports,
            String id,
            String title,
            String label,
            List<String> headers,
            SerializableSupplier<List<? extends List<?>>> rows,
            SerializableSupplier<TableExports.Protection> known) {
        return CsvDownload.of(
                id,
                label,
                exports.fileName(title),
                () -> exports.csv(title, headers, new TableRows(rows.get()), known.get()));
    }

    /**
     * A link for a table the page shows now: labelled as the sufficiency pages label their exports,
     * and with its rows as they are.
     */
    static Anchor forTable(
            TableExports exports, String id, String title, List<String> headers, List<? extends List<?>> rows) {
        return forTable(exports, id, title, headers, rows, TableExports.Protection.of());
    }

    /** As {@link #forTable}, with what else the page tells the export's reader. */
    static Anchor forTable(
            TableExports exports,
            String id,
            String title,
            List<String> headers,
            List<? extends List<?>> rows,
            TableExports.Protection known) {
        return of(
                exports,
                id,
                title,
                I18NProvider.translate("sufficiency.export", title),
                headers,
                () -> rows,
                () -> known);
    }
}
