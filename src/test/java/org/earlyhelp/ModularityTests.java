package org.earlyhelp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules keep to their declared dependencies; their diagrams are written to modules-docs/,
 * in a fixed order, so that the committed files change only when a module's relations do.
 */
class ModularityTests {

    private static final Path OUTPUT = Path.of("modules-docs");

    private final ApplicationModules modules = ApplicationModules.of(EarlyHelpApplication.class);

    @Test
    void modulesKeepToTheirDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(OUTPUT.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(OUTPUT)) {
            for (Path file : files.toList()) {
                Files.write(file, inFixedOrder(Files.readAllLines(file)));
            }
        }
    }

    /**
     * The documenter lists a module's relations (PlantUML's {@code Rel(...)} lines) and a canvas's
     * entries (AsciiDoc's {@code * ...} items, the first of a cell written {@code |* ...}) in the
     * order it happened to find them, which differs from run to run: each run of them is sorted.
     */
    static List<String> inFixedOrder(List<String> lines) {
        List<String> result = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Predicate<String> kind = kindOf(lines.get(i));
            if (kind == null) {
                result.add(lines.get(i++));
                continue;
            }
            boolean cell = lines.get(i).startsWith("|");
            List<String> run = new ArrayList<>();
            run.add(cell ? lines.get(i).substring(1) : lines.get(i));
            i++;
            while (i < lines.size() && kind.test(lines.get(i)) && !lines.get(i).startsWith("|")) {
                run.add(lines.get(i++));
            }
            run.sort(Comparator.naturalOrder());
            if (cell) {
                run.set(0, "|" + run.getFirst());
            }
            result.addAll(run);
        }
        return result;
    }

    private static Predicate<String> kindOf(String line) {
        if (line.startsWith("Rel(")) {
            return l -> l.startsWith("Rel(");
        }
        if (line.startsWith("* `") || line.startsWith("|* `")) {
            return l -> l.startsWith("* `");
        }
        return null;
    }
}
