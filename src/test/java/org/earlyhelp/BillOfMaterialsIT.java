package org.earlyhelp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.earlyhelp.testing.ProductionJar;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jar carries its CycloneDX bill of materials where Spring Boot puts it and its manifest says
 * ({@code Sbom-Location}): every library the application runs with, named and versioned, and none
 * that only the tests use.
 */
class BillOfMaterialsIT {

    @Test
    void theJarCarriesTheBillOfMaterialsOfWhatItRunsWith() throws Exception {
        Path jar = ProductionJar.jar();
        try (JarFile file = new JarFile(jar.toFile())) {
            String location = file.getManifest().getMainAttributes().getValue("Sbom-Location");
            assertThat(location)
                    .as("the manifest says where the bill of materials is (CycloneDX skips it in an offline"
                            + " build, ./mvnw -o: build once online)")
                    .isNotBlank();
            ZipEntry entry = file.getEntry(location);
            assertThat(entry).as("the bill of materials at " + location).isNotNull();
            JsonNode bom = JsonMapper.builder().build().readTree(file.getInputStream(entry));
            assertThat(bom.path("bomFormat").asString()).isEqualTo("CycloneDX");
            List<String> components = new ArrayList<>();
            for (JsonNode component : bom.path("components")) {
                assertThat(component.path("version").asString())
                        .as("the version of " + component.path("name").asString())
                        .isNotBlank();
                components.add(component.path("group").asString() + ":"
                        + component.path("name").asString());
            }
            assertThat(components)
                    .contains(
                            "org.springframework.boot:spring-boot",
                            "com.vaadin:flow-server",
                            "org.postgresql:postgresql",
                            "net.javacrumbs.shedlock:shedlock-core")
                    .doesNotContain(
                            "org.junit.jupiter:junit-jupiter-api",
                            "org.seleniumhq.selenium:selenium-api",
                            "org.assertj:assertj-core");
        }
    }
}
