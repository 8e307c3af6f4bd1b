package org.earlyhelp.sufficiency.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
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
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] csv = org.earlyhelp.shared.Csv.bytes(exports.csv(title, headers, rows.get(), known.get()));
                    return new DownloadResponse(
                            new ByteArrayInputStream(csv),
                            exports.fileName(title),
                            "text/csv; charset=utf-8",
                            csv.length);
                }),
                label);
        link.setId(id);
        link.addClassName("csv-link");
        return link;
    }
}
