package org.earlyhelp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.earlyhelp.hubs.HubAdministration;
import org.earlyhelp.hubs.HubAdministration.FileKind;
import org.earlyhelp.shared.imports.ImportReport;
import org.earlyhelp.testing.SignedIn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile input through the real services and the real database (one application context for
 * the class): whatever arrives, the answer says what is wrong in words, never another exception,
 * and what is refused changes nothing.
 *
 * <ul>
 *   <li>The open-data imports (the areas' CSV files, the postcode directory, the boundaries'
 *       GeoJSON): a report, and a refused file leaves the hubs schema as it was.
 *   <li>A request for support as the partner API hands it to the service (any members, dates,
 *       postcodes, hubs, needs and consent): saved whole, or refused with a message per field and
 *       nothing written to the referrals schema.
 * </ul>
 */
class HostileInputProperties {

    private static ConfigurableApplicationContext context;
    private static HubAdministration administration;
    private static JdbcClient jdbc;
    private static org.earlyhelp.referrals.RequestsForSupport requests;

    @BeforeContainer
    static void start() {
        context = new SpringApplicationBuilder(EarlyHelpApplication.class)
                .run(
                        "--server.port=0",
                        "--earlyhelp.db.fresh=true",
                        "--earlyhelp.demo.journeys=false",
                        "--earlyhelp.events.retry-every=PT1H");
        administration = context.getBean(HubAdministration.class);
        jdbc = context.getBean(JdbcClient.class);
        requests = context.getBean(org.earlyhelp.referrals.RequestsForSupport.class);
    }

    @AfterContainer
    static void stop() {
        SignedIn.nobody();
        if (context != null) {
            context.close();
        }
    }

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(10),
                Arbitraries.of(
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

    @Provide
    Arbitrary<List<String>> headers() {
        return Arbitraries.of(
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
                        "anything")
                .list()
                .ofMinSize(0)
                .ofMaxSize(6);
    }

    @Provide
    Arbitrary<byte[]> csv() {
        Arbitrary<List<List<String>>> rows = cells().list().ofSize(6).list().ofMaxSize(8);
        return Combinators.combine(headers(), rows).as((header, body) -> {
            StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
            for (List<String> row : body) {
                text.append(String.join(",", row.subList(0, Math.max(0, Math.min(row.size(), header.size())))))
                        .append('\n');
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    @Provide
    Arbitrary<byte[]> geojson() {
        Arbitrary<String> property = Arbitraries.of("LSOA11CD", "LSOA21CD", "WD25CD", "WD25NM", "name", "x");
        Arbitrary<String> geometry = Arbitraries.of(
                "{\"type\":\"Polygon\",\"coordinates\":[[[-2.1,52.5],[-2.0,52.5],[-2.0,52.6],[-2.1,52.5]]]}",
                "{\"type\":\"Polygon\",\"coordinates\":[]}",
                "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[-2.1,52.5],[-2.0,52.5],[-2.1,52.5]]]]}",
                "{\"type\":\"Point\",\"coordinates\":[-2.1,52.5]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[\"a\",1]]]}",
                "null",
                "{}");
        Arbitrary<String> feature = Combinators.combine(property, cells(), geometry)
                .as((key, value, geo) -> "{\"type\":\"Feature\",\"properties\":{\"" + key + "\":\""
                        + value.replace("\\", "").replace("\"", "") + "\"},\"geometry\":" + geo + "}");
        Arbitrary<String> collection = feature.list()
                .ofMaxSize(4)
                .map(features -> "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
        Arbitrary<String> truncated = collection.flatMap(
                c -> Arbitraries.integers().between(0, c.length()).map(n -> c.substring(0, n)));
        return Arbitraries.oneOf(collection, truncated).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<byte[]> anyFile() {
        return Arbitraries.oneOf(
                csv(), geojson(), Arbitraries.bytes().array(byte[].class).ofMaxSize(600));
    }

    @Property(tries = 400)
    void anyFileIsImportedOrRefusedPlainlyAndARefusalChangesNothing(
            @ForAll FileKind kind, @ForAll("anyFile") byte[] file) {
        SignedIn.admin();
        String before = fingerprint();
        ImportReport report = administration.importFile(kind, "hostile.file", new ByteArrayInputStream(file));
        net.jqwik.api.statistics.Statistics.collect(report.succeeded() ? "imported" : "refused");
        assertThat(report).isNotNull();
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
        if (!report.succeeded()) {
            assertThat(fingerprint())
                    .as("a refused " + kind + " file changed the hubs schema: " + report.problems())
                    .isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.strings().ofMinLength(990).ofMaxLength(5000),
                Arbitraries.of(
                        "", " ", "Leo", "Ashworth", "DY1 1AA", "DY11AA", "ZZ99 9ZZ", "<script>", "\u0000", "\n"));
    }

    @Provide
    Arbitrary<java.time.LocalDate> dates() {
        return Arbitraries.of(
                        java.time.LocalDate.of(1900, 1, 1),
                        java.time.LocalDate.of(2016, 5, 3),
                        java.time.LocalDate.now(),
                        java.time.LocalDate.now().plusDays(1),
                        java.time.LocalDate.of(9999, 12, 31))
                .injectNull(0.3);
    }

    @Provide
    Arbitrary<org.earlyhelp.referrals.RequestDraft> drafts() {
        Arbitrary<org.earlyhelp.referrals.FamilyMemberDraft> member = Combinators.combine(
                        text(),
                        text(),
                        dates(),
                        Arbitraries.of(org.earlyhelp.referrals.Relationship.class)
                                .injectNull(0.2),
                        text().injectNull(0.5),
                        text().injectNull(0.5))
                .as(org.earlyhelp.referrals.FamilyMemberDraft::new);
        Arbitrary<java.util.Map<org.earlyhelp.shared.OutcomeArea, String>> needs = Arbitraries.maps(
                        Arbitraries.of(org.earlyhelp.shared.OutcomeArea.class), text())
                .ofMaxSize(4);
        Arbitrary<org.earlyhelp.referrals.ConsentDraft> consent = Combinators.combine(
                        text(),
                        dates(),
                        Arbitraries.of(org.earlyhelp.referrals.ConsentMethod.class)
                                .injectNull(0.2),
                        text())
                .as(org.earlyhelp.referrals.ConsentDraft::new);
        Arbitrary<org.earlyhelp.shared.HubId> hub = Arbitraries.of("dudley-central", "halesowen", "nowhere")
                .map(org.earlyhelp.shared.HubId::new)
                .injectNull(0.5);
        return Combinators.combine(
                        member.list().ofMaxSize(4),
                        text(),
                        text(),
                        hub,
                        text().injectNull(0.5),
                        needs,
                        Combinators.combine(text(), text(), consent)
                                .as((tried, involved, given) -> new Object[] {tried, involved, given}))
                .as((members, address, postcode, chosen, reason, need, rest) ->
                        new org.earlyhelp.referrals.RequestDraft(
                                members,
                                address,
                                postcode,
                                chosen,
                                reason,
                                need,
                                (String) rest[0],
                                (String) rest[1],
                                (org.earlyhelp.referrals.ConsentDraft) rest[2],
                                null));
    }

    /** A good request with one field replaced by something hostile: some are saved, some refused. */
    @Provide
    Arbitrary<org.earlyhelp.referrals.RequestDraft> nearlyGood() {
        return Combinators.combine(Arbitraries.integers().between(0, 9), text(), dates())
                .as((field, bad, badDate) -> {
                    String given = field == 0 ? bad : "Leo";
                    java.time.LocalDate born = field == 1 ? badDate : java.time.LocalDate.of(2016, 5, 3);
                    var child = new org.earlyhelp.referrals.FamilyMemberDraft(
                            given,
                            field == 2 ? bad : "Ashworth",
                            born,
                            org.earlyhelp.referrals.Relationship.CHILD,
                            field == 3 ? bad : null,
                            null);
                    var parent = new org.earlyhelp.referrals.FamilyMemberDraft(
                            "Jade",
                            "Ashworth",
                            java.time.LocalDate.of(1990, 1, 1),
                            org.earlyhelp.referrals.Relationship.PARENT,
                            null,
                            null);
                    return new org.earlyhelp.referrals.RequestDraft(
                            List.of(child, parent),
                            field == 4 ? bad : "12 Castle Street, Dudley",
                            field == 5 ? bad : "DY1 1AA",
                            new org.earlyhelp.shared.HubId("dudley-central"),
                            field == 6 ? bad : "Sent by a partner system",
                            java.util.Map.of(
                                    org.earlyhelp.shared.OutcomeArea.values()[0],
                                    field == 7 ? bad : "Late most mornings."),
                            field == 8 ? bad : "Talked with school.",
                            "School",
                            new org.earlyhelp.referrals.ConsentDraft(
                                    field == 9 ? bad : "Jade Ashworth",
                                    java.time.LocalDate.now(),
                                    org.earlyhelp.referrals.ConsentMethod.values()[0],
                                    "School and health"),
                            null);
                });
    }

    @Property(tries = 300)
    void aNearlyGoodRequestIsSavedWholeOrRefusedWithMessagesAndNothingWritten(
            @ForAll("nearlyGood") org.earlyhelp.referrals.RequestDraft draft) {
        anyRequestFromAPartnerSystemIsSavedWholeOrRefusedWithMessagesAndNothingWritten(draft);
    }

    @Property(tries = 300)
    void anyRequestFromAPartnerSystemIsSavedWholeOrRefusedWithMessagesAndNothingWritten(
            @ForAll("drafts") org.earlyhelp.referrals.RequestDraft draft) {
        SignedIn.as("partner-system", java.util.Set.of(org.earlyhelp.shared.Role.PRACTITIONER), java.util.Set.of());
        String before = fingerprint("referrals");
        long requestsBefore = count("referrals.request");
        try {
            requests.submit(draft, "api:partner-system");
            assertThat(count("referrals.request")).as("one request saved").isEqualTo(requestsBefore + 1);
            net.jqwik.api.statistics.Statistics.collect("saved");
        } catch (org.earlyhelp.shared.ValidationException refused) {
            net.jqwik.api.statistics.Statistics.collect("refused");
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

    private static String fingerprint() {
        return fingerprint("hubs");
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
