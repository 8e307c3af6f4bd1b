package org.earlyhelp.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upload's file that nothing removed goes once it has not been written for the limit; nothing else is touched. */
class UploadLeftoversTests {

    @TempDir
    Path folder;

    @Test
    void removesOnlyUploadsLastWrittenBeforeTheLimit() throws Exception {
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        Path oldUpload = file(LimitedUpload.PREFIX + "1.part", now.minus(Duration.ofMinutes(61)));
        Path oldImport = file(UploadLeftovers.IMPORT_PREFIX + "2.upload", now.minus(Duration.ofHours(3)));
        Path arriving = file(LimitedUpload.PREFIX + "3.part", now.minus(Duration.ofMinutes(59)));
        Path someoneElses = file("report-4.part", now.minus(Duration.ofDays(3)));

        int removed = new UploadLeftovers(Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(1), folder).remove();

        assertThat(removed).isEqualTo(2);
        assertThat(oldUpload).doesNotExist();
        assertThat(oldImport).doesNotExist();
        assertThat(arriving).as("an upload still arriving").exists();
        assertThat(someoneElses).as("a file that is not an upload's").exists();
    }

    private Path file(String name, Instant written) throws Exception {
        Path file = Files.writeString(folder.resolve(name), "CHILD,DOB");
        Files.setLastModifiedTime(file, FileTime.from(written));
        return file;
    }
}
