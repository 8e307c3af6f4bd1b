package org.earlyhelp.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

@OwnDataApplicationTest
class ServiceFilesTests {

    @Autowired
    ServletWebServerApplicationContext webServer;

    /** A class loader over one folder that counts how often it is searched for a resource. */
    static final class Counting extends URLClassLoader {
        final AtomicInteger searches = new AtomicInteger();

        Counting(Path folder) throws IOException {
            super(new URL[] {folder.toUri().toURL()}, null);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            searches.incrementAndGet();
            return super.getResources(name);
        }
    }

    @Test
    void aServiceFileIsSearchedForOnceAndFoundTheSameEveryTime(@TempDir Path folder) throws Exception {
        Path services = Files.createDirectories(folder.resolve("META-INF/services"));
        Files.writeString(services.resolve("org.example.Present"), "org.example.PresentImpl\n");
        Files.writeString(folder.resolve("other.txt"), "not a service file");
        try (Counting parent = new Counting(folder)) {
            ServiceFiles.Remembering loader = new ServiceFiles.Remembering(parent);

            for (int i = 0; i < 3; i++) {
                assertThat(Collections.list(loader.getResources("META-INF/services/org.example.Present")))
                        .singleElement()
                        .satisfies(url -> assertThat(url.toString()).endsWith("META-INF/services/org.example.Present"));
                assertThat(Collections.list(loader.getResources("META-INF/services/org.example.Absent")))
                        .isEmpty();
            }
            assertThat(parent.searches).as("one search for each service file").hasValue(2);

            for (int i = 0; i < 3; i++) {
                assertThat(Collections.list(loader.getResources("other.txt"))).hasSize(1);
            }
            assertThat(parent.searches)
                    .as("any other resource is searched for every time")
                    .hasValue(5);
        }
    }

    @Test
    void theApplicationsRequestsRunWithTheRememberingLoader() {
        Tomcat tomcat = ((TomcatWebServer) webServer.getWebServer()).getTomcat();
        Context context = (Context) tomcat.getHost().findChildren()[0];

        assertThat(context.getLoader().getClassLoader()).isInstanceOf(ServiceFiles.Remembering.class);
    }
}
