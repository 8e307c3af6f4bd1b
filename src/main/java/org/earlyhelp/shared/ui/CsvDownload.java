package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import org.earlyhelp.shared.Csv;

/**
 * A link under a table that downloads it as CSV. The CSV is made when the link is followed, by the
 * supplier (which records the export), so a page with many tables holds no files in the session.
 */
public final class CsvDownload {

    private CsvDownload() {}

    /**
     * @param csv makes the CSV text when the link is followed
     */
    public static Anchor of(String id, String label, String fileName, SerializableSupplier<String> csv) {
        Anchor link = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = Csv.bytes(csv.get());
                    return new DownloadResponse(
                            new ByteArrayInputStream(bytes), fileName, "text/csv; charset=utf-8", bytes.length);
                }),
                label);
        link.setId(id);
        link.addClassName("csv-link");
        return link;
    }
}
