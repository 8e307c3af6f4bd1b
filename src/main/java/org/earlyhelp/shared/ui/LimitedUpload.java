package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.streams.FileUploadCallback;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.IOUtils;

/**
 * An upload written to a temporary file of its own while it arrives, and refused on the server
 * once it passes its limit, however it was sent. Vaadin checks an upload's size limits only for a
 * multipart request; the upload component sends the file's bytes as they are (a raw request),
 * where nothing stopped a crafted request that ignored the browser's limit. The file is removed
 * whatever happens: when the upload fails or is refused part way, when the page has gone before
 * the file could be handed over, and once the callback has had it (a callback that keeps the file
 * moves it elsewhere first).
 */
final class LimitedUpload implements UploadHandler {

    /** Every upload's temporary file starts so, for {@link UploadLeftovers} to find. */
    static final String PREFIX = "earlyhelp-upload-";

    private final long maxBytes;
    private final FileUploadCallback callback;

    LimitedUpload(long maxBytes, FileUploadCallback callback) {
        this.maxBytes = maxBytes;
        this.callback = callback;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String tooLarge = "Larger than " + Uploads.megabytes(maxBytes);
        // A declared length over the limit is refused before a byte is written.
        if (event.getFileSize() > maxBytes) {
            event.reject(tooLarge);
            return;
        }
        // Readable and writable by the application's user only.
        Path file = Files.createTempFile(PREFIX, ".part");
        boolean handedOver = false;
        try {
            long received;
            try (InputStream in = event.getInputStream();
                    OutputStream out = Files.newOutputStream(file)) {
                // One byte more than the limit is enough to know it is too large.
                received = IOUtils.copyLarge(in, out, 0, maxBytes + 1);
            }
            if (received > maxBytes) {
                event.reject(tooLarge);
                return;
            }
            UploadMetadata metadata = new UploadMetadata(event.getFileName(), event.getContentType(), received);
            event.getUI().access(() -> {
                try {
                    callback.complete(metadata, file.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    deleteIfExists(file);
                }
            });
            handedOver = true;
        } catch (UIDetachedException gone) {
            // The page was closed while the file arrived: nobody is there to take it.
        } finally {
            if (!handedOver) {
                deleteIfExists(file);
            }
        }
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + 64 * 1024;
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // UploadLeftovers removes it within the hour.
        }
    }
}
