package org.earlyhelp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.earlyhelp.hubs.HubAdministration;
import org.earlyhelp.hubs.HubAdministration.FileKind;
import org.earlyhelp.referrals.ConsentDraft;
import org.earlyhelp.referrals.ConsentMethod;
import org.earlyhelp.referrals.FamilyMemberDraft;
import org.earlyhelp.referrals.Relationship;
import org.earlyhelp.referrals.RequestDraft;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.imports.ImportReport;
import org.earlyhelp.testing.Generated;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile input through the real services and the real database (the unit tests' second
 * application, where a test may replace the borough's areas, {@link OwnDataApplicationTest}),
 * generated from seeds (a failing case is named by its seed and runs again exactly): whatever
 * arrives, the answer says what is wrong in words, never another exception, and what is refused
 * changes nothing.
 *
 * <ul>
 *   <li>The open-data imports (the areas' CSV files, the postcode directory, the boundaries'
 *       GeoJSON): a report, and a refused file leaves the hubs schema as it was.
 *   <li>A request for support as the partner API hands it to the service (any members, dates,
 *       postcodes, hubs, needs and consent, and good requests with one field made hostile): saved
 *       whole, or refused with a message per field and nothing written to the referrals schema.
 * </ul>
 *
 * The parsers underneath are fuzzed, coverage-guided, by the {@code *FuzzTests} (Jazzer).
 */
@OwnDataApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

    private static HubAdministration administration;
    private static JdbcClient jdbc;
    private static RequestsForSupport requests;

    @Autowired
    HubAdministration hubAdministration;

    @Autowired
    JdbcClient database;

    @Autowired
    RequestsForSupport requestsForSupport;

    /** Once for the class: the static helpers and generators below use them. */
    @BeforeAll
    void connect() {
        administration = hubAdministration;
        jdbc = database;
        requests = requestsForSupport;
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    static Stream<Long> files() {
        return Generated.seeds(400);
    }

    static Stream<Long> drafts() {
        return Generated.seeds(300);
    }

    private static String cell(Generated g) {
        return g.oneOf(
                () -> g.text(10),
                () -> g.pick(
                        "",
                        "E01009719",
                        "E01009720",
                        "E0100",
                        "Dudley 001A",
                        "1500",
                        "-3",
                        "99999999999999999999",
                        "0",
                        "11",
                        "5",
                        "DY1 1AA",
                        "DY11AA",
                        "ZZ99 9ZZ",
                        "dudley-central",
                        "52.5",
                        "-2.08",
                        "NaN",
                        "\"",
                        ",",
                        "\n",
                        "\uFEFF"));
    }

    private static byte[] csv(Generated g) {
        List<String> header = g.list(
                0,
                6,
                () -> g.pick(
                        "area code",
                        "LSOA code",
                        "area name (LSOA name)",
                        "population",
                        "children aged 0-15",
                        "Index of Multiple Deprivation (IMD) Decile",
                        "Index of Multiple Deprivation (IMD) Rank",
                        "income decile",
                        "employment decile",
                        "pcds",
                        "pcd",
                        "lsoa11",
                        "LAT",
                        "LONG",
                        "hub",
                        "hub code",
                        "anything"));
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        for (List<String> row : g.list(0, 8, () -> g.list(6, 6, () -> cell(g)))) {
            text.append(String.join(",", row.subList(0, Math.min(row.size(), header.size()))))
                    .append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] geojson(Generated g) {
        List<String> features = g.list(
                0,
                4,
                () -> "{\"type\":\"Feature\",\"properties\":{\""
                        + g.pick("LSOA11CD", "LSOA21CD", "WD25CD", "WD25NM", "name", "x") + "\":\""
                        + cell(g).replace("\\", "").replace("\"", "") + "\"},\"geometry\":"
                        + g.pick(
                                "{\"type\":\"Polygon\",\"coordinates\":[[[-2.1,52.5],[-2.0,52.5],[-2.0,52.6],[-2.1,52.5]]]}",
                                "{\"type\":\"Polygon\",\"coordinates\":[]}",
                                "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[-2.1,52.5],[-2.0,52.5],[-2.1,52.5]]]]}",
                                "{\"type\":\"Point\",\"coordinates\":[-2.1,52.5]}",
                                "{\"type\":\"Polygon\",\"coordinates\":[[[\"a\",1]]]}",
                                "null",
                                "{}")
                        + "}");
        String collection = "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
        String text = g.chance(0.5) ? collection : collection.substring(0, g.between(0, collection.length()));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("files")
    void anyFileIsImportedOrRefusedPlainlyAndARefusalChangesNothing(long seed) {
        Generated g = new Generated(seed);
        FileKind kind = g.pick(FileKind.values());
        byte[] file = g.oneOf(() -> csv(g), () -> geojson(g), () -> g.bytes(600));
        SignedIn.admin();
        String before = fingerprint("hubs");
        ImportReport report = administration.importFile(kind, "hostile.file", new ByteArrayInputStream(file));
        assertThat(report).isNotNull();
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
        if (!report.succeeded()) {
            assertThat(fingerprint("hubs"))
                    .as("a refused " + kind + " file changed the hubs schema: " + report.problems())
                    .isEqualTo(before);
        }
    }

    private static String text(Generated g) {
        return g.oneOf(
                () -> g.text(20),
                () -> g.text(990, 5000),
                () -> g.pick("", " ", "Leo", "Ashworth", "DY1 1AA", "DY11AA", "ZZ99 9ZZ", "<script>", "\u0000", "\n"));
    }

    private static LocalDate date(Generated g) {
        return g.chance(0.3)
                ? null
                : g.pick(
                        LocalDate.of(1900, 1, 1),
                        LocalDate.of(2016, 5, 3),
                        LocalDate.now(),
                        LocalDate.now().plusDays(1),
                        LocalDate.of(9999, 12, 31));
    }

    private static <T> T orNull(Generated g, double chance, T value) {
        return g.chance(chance) ? null : value;
    }

    /** Any request at all, as a partner system might send it. */
    static RequestDraft anyDraft(Generated g) {
        List<FamilyMemberDraft> members = g.list(
                0,
                4,
                () -> new FamilyMemberDraft(
                        text(g),
                        text(g),
                        date(g),
                        orNull(g, 0.2, g.pick(Relationship.values())),
                        orNull(g, 0.5, text(g)),
                        orNull(g, 0.5, text(g))));
        Map<OutcomeArea, String> needs = new LinkedHashMap<>();
        for (int i = g.between(0, 4); i > 0; i--) {
            needs.put(g.pick(OutcomeArea.values()), text(g));
        }
        return new RequestDraft(
                members,
                text(g),
                text(g),
                orNull(g, 0.5, new HubId(g.pick("dudley-central", "halesowen", "nowhere"))),
                orNull(g, 0.5, text(g)),
                needs,
                text(g),
                text(g),
                new ConsentDraft(text(g), date(g), orNull(g, 0.2, g.pick(ConsentMethod.values())), text(g)),
                null);
    }

    /** A good request with one field replaced by something hostile: some are saved, some refused. */
    static RequestDraft nearlyGood(Generated g) {
        int field = g.between(0, 9);
        String bad = text(g);
        LocalDate badDate = date(g);
        var child = new FamilyMemberDraft(
                field == 0 ? bad : "Leo",
                field == 2 ? bad : "Ashworth",
                field == 1 ? badDate : LocalDate.of(2016, 5, 3),
                Relationship.CHILD,
                field == 3 ? bad : null,
                null);
        var parent =
                new FamilyMemberDraft("Jade", "Ashworth", LocalDate.of(1990, 1, 1), Relationship.PARENT, null, null);
        return new RequestDraft(
                List.of(child, parent),
                field == 4 ? bad : "12 Castle Street, Dudley",
                field == 5 ? bad : "DY1 1AA",
                new HubId("dudley-central"),
                field == 6 ? bad : "Sent by a partner system",
                Map.of(OutcomeArea.values()[0], field == 7 ? bad : "Late most mornings."),
                field == 8 ? bad : "Talked with school.",
                "School",
                new ConsentDraft(
                        field == 9 ? bad : "Jade Ashworth",
                        LocalDate.now(),
                        ConsentMethod.values()[0],
                        "School and health"),
                null);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("drafts")
    void aNearlyGoodRequestIsSavedWholeOrRefusedWithMessagesAndNothingWritten(long seed) {
        savedWholeOrRefusedWithNothingWritten(nearlyGood(new Generated(seed)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("drafts")
    void anyRequestFromAPartnerSystemIsSavedWholeOrRefusedWithMessagesAndNothingWritten(long seed) {
        savedWholeOrRefusedWithNothingWritten(anyDraft(new Generated(seed)));
    }

    private static void savedWholeOrRefusedWithNothingWritten(RequestDraft draft) {
        SignedIn.as("partner-system", Set.of(Role.PRACTITIONER), Set.of());
        String before = fingerprint("referrals");
        long requestsBefore = count("referrals.request");
        try {
            requests.submit(draft, "api:partner-system");
            assertThat(count("referrals.request")).as("one request saved").isEqualTo(requestsBefore + 1);
        } catch (ValidationException refused) {
            assertThat(refused.problems()).isNotEmpty();
            assertThat(refused.problems().values())
                    .allSatisfy(m -> assertThat(m).isNotBlank());
            assertThat(fingerprint("referrals"))
                    .as("a refused request wrote something")
                    .isEqualTo(before);
        }
    }

    private static long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** Every row of every table of the schema, hashed: any write shows. */
    private static String fingerprint(String schema) {
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name""").param(schema).query(String.class).list();
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            all.append(table)
                    .append(':')
                    .append(jdbc.sql("SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "
                                    + schema + "." + table + " t")
                            .query(String.class)
                            .single())
                    .append(';');
        }
        return all.toString();
    }
}
