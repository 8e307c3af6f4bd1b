package org.earlyhelp.sufficiency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.earlyhelp.shared.imports.ImportException;
import org.earlyhelp.sufficiency.Problem;

/**
 * Hostile input for the SSDA903 and Ofsted readers: whatever arrives, the answer is rows and
 * plain-English problems, or an {@link ImportException} with a message; never another exception.
 */
class HostileReturnsProperties {

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of(
                        "",
                        "S",
                        "P",
                        "C2",
                        "V2",
                        "P1",
                        "U1",
                        "K2",
                        "E45",
                        "E43",
                        "X1",
                        "PR1",
                        "PR0",
                        "1",
                        "2",
                        "M",
                        "01/02/2015",
                        "2015-02-01",
                        "31/02/2015",
                        "2099-01-01",
                        "DY1 1AA",
                        "\"",
                        ",",
                        "\n",
                        "\uFEFF"));
    }

    @Property(tries = 300)
    void anyEpisodesTableIsReadOrRefusedPlainly(@ForAll("rows") List<List<String>> rows) {
        StringBuilder episodes = new StringBuilder(
                "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n");
        StringBuilder header = new StringBuilder("CHILD,SEX,DOB,ETHNIC\n");
        for (List<String> row : rows) {
            episodes.append(String.join(",", row.subList(0, 13))).append('\n');
            header.append(String.join(",", row.subList(0, 4))).append('\n');
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("2021-header.csv", header.toString().getBytes(StandardCharsets.UTF_8));
        files.put("2021-episodes.csv", episodes.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Returns.Read read = Returns.read(files);
            List<Problem> problems = Rules.check(read, LocalDate.of(2026, 11, 26));
            assertThat(problems).allSatisfy(p -> assertThat(p.message()).isNotBlank());
        } catch (ImportException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<List<List<String>>> rows() {
        return cells().list().ofSize(13).list().ofMaxSize(8);
    }

    @Property(tries = 200)
    void anyBytesAsXmlOrXlsxAreRefusedPlainly(
            @ForAll @Size(max = 400) byte[] bytes, @ForAll @StringLength(max = 200) String text) {
        for (Map.Entry<String, byte[]> file : Map.of(
                        "return.xml", bytes,
                        "text.xml",
                                ("<EXPSSDA903><CHILD><HEADER><CHILDID>" + text
                                                + "</CHILDID></HEADER></CHILD></EXPSSDA903>")
                                        .getBytes(StandardCharsets.UTF_8),
                        "episodes.csv", bytes)
                .entrySet()) {
            try {
                Returns.Read read = Returns.read(Map.of(file.getKey(), file.getValue()));
                Rules.check(read, LocalDate.of(2026, 11, 26));
            } catch (ImportException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
        try {
            Xlsx.read(bytes);
        } catch (ImportException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 500)
    void anyTextAsADateIsADateOrNothing(@ForAll @StringLength(max = 30) String text) {
        LocalDate date = Returns.date(text);
        if (date != null) {
            assertThat(date.getYear()).isBetween(0, 9999);
        }
    }

    @Property(tries = 50)
    void anEntityBombIsRefused(@ForAll @StringLength(min = 1, max = 5) String name) {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"" + name.replaceAll("[^a-z]", "a")
                + "\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><EXPSSDA903><CHILD><HEADER><CHILDID>&b;</CHILDID></HEADER></CHILD></EXPSSDA903>";
        Returns.Read read = Returns.read(Map.of("bomb.xml", bomb.getBytes(StandardCharsets.UTF_8)));
        assertThat(read.refused())
                .as("a document type declaration is refused")
                .hasEntrySatisfying("bomb.xml", why -> assertThat(why).contains("not a readable XML return"));
        assertThat(read.headers()).isEmpty();
    }
}
