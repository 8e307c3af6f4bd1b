package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A browser the tests close leaves nothing behind: its profile directory (cache, cookies, storage)
 * goes with it, so that runs on a machine that is kept, as CI's is, do not fill its temporary
 * directory.
 */
class BrowserProfileIT {

    @Test
    void aClosedBrowserLeavesNoProfileBehind() throws Exception {
        Path profile;
        try (Browser browser = Browser.open()) {
            browser.go("data:text/html,<title>profile</title><p>written to the profile</p>");
            profile = browser.profile();
            try (var files = Files.list(profile)) {
                assertThat(files.count())
                        .as("the browser keeps its profile in " + profile)
                        .isPositive();
            }
        }
        assertThat(profile).as("the profile directory after the browser closed").doesNotExist();
    }
}
