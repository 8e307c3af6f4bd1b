package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.FileUploadCallback;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Uploads streamed to a temporary file, never held whole in memory while they arrive, with a
 * size limit the server enforces itself (the browser's limit is only a courtesy: a crafted request
 * ignores it). The callback is given the file on the page's own thread; the file is removed once
 * the callback returns, so a callback that keeps it moves it first.
 */
public final class Uploads {

    private Uploads() {}

    /** A handler that refuses, on the server, any file over {@code maxBytes}. */
    public static UploadHandler toTempFile(long maxBytes, FileUploadCallback callback) {
        return new LimitedUpload(maxBytes, callback);
    }

    /** Sets the handler and the same limit in the browser, so that a person is told at once. */
    public static void limit(Upload upload, long maxBytes, FileUploadCallback callback) {
        upload.setUploadHandler(toTempFile(maxBytes, callback));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
    }

    /** A size in plain words: "30 MB". */
    public static String megabytes(long bytes) {
        return bytes / (1024 * 1024) + " MB";
    }
}
