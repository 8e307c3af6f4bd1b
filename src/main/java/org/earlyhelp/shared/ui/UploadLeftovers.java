package org.earlyhelp.shared.ui;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes uploaded files that nothing removed: an upload cut short by a crash of the application,
 * or one whose page closed before it could be handed over. They may hold a child's details (a
 * 903 return), so none outlives {@code earlyhelp.uploads.leftover-after} (an hour) after it was
 * last written. Each instance looks in its own temporary folder, at start and then every quarter
 * of an hour; a file that another instance on the same machine is still writing is newer than
 * that, and one still being read is unaffected on Linux, where a file open for reading stays
 * readable after it is removed.
 */
@Component
public class UploadLeftovers {

    private static final Logger log = LoggerFactory.getLogger(UploadLeftovers.class);

    /** The file an import works from, moved out of the upload's own file (see the hubs' imports). */
    public static final String IMPORT_PREFIX = "earlyhelp-import-";

    private final Clock clock;
    private final Duration after;
    private final Path folder;

    @Autowired
    public UploadLeftovers(Clock clock, @Value("${earlyhelp.uploads.leftover-after:PT1H}") Duration after) {
        this(clock, after, Path.of(System.getProperty("java.io.tmpdir")));
    }

    UploadLeftovers(Clock clock, Duration after, Path folder) {
        this.clock = clock;
        this.after = after;
        this.folder = folder;
    }

    /** Removes every upload's file last written longer ago than the limit; says how many. */
    @Scheduled(initialDelayString = "PT0S", fixedDelayString = "PT15M")
    public int remove() {
        Instant before = clock.instant().minus(after);
        int removed = 0;
        for (String glob : List.of(LimitedUpload.PREFIX + "*.part", IMPORT_PREFIX + "*.upload")) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, glob)) {
                removed += removeOlder(files, before);
            } catch (IOException e) {
                log.warn("Could not look for {} in {}: {}", glob, folder, e.toString());
            }
        }
        if (removed > 0) {
            log.info("Removed {} uploaded files left behind in {}", removed, folder);
        }
        return removed;
    }

    private static int removeOlder(DirectoryStream<Path> files, Instant before) {
        int removed = 0;
        for (Path file : files) {
            try {
                if (Files.isRegularFile(file)
                        && Files.getLastModifiedTime(file).toInstant().isBefore(before)
                        && Files.deleteIfExists(file)) {
                    removed++;
                }
            } catch (IOException e) {
                log.warn("Could not remove {}: {}", file, e.toString());
            }
        }
        return removed;
    }
}
