package org.earlyhelp.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case, request and family ids have types of their own, but events carry them as they did
 * when they were bare UUIDs: an event stored before (an undelivered publication, or one in the
 * archive a rebuild replays) still reads, and one written now reads the same way.
 */
class TypedIdsTests {

    private final ObjectMapper json = JsonMapper.builder().build();

    @Test
    void anEventWritesItsIdsAsBareUuids() {
        CaseAllocated event = new CaseAllocated(
                CaseId.random(),
                RequestId.random(),
                FamilyId.random(),
                "Family B",
                new HubId("dudley-central"),
                "Fran Lewis",
                Instant.parse("2026-12-03T10:00:00Z"),
                LocalDate.of(2026, 12, 17),
                "family.worker");

        JsonNode tree = json.readTree(json.writeValueAsString(event));

        assertThat(tree.get("caseId").asString())
                .isEqualTo(event.caseId().value().toString());
        assertThat(tree.get("request").asString())
                .isEqualTo(event.request().value().toString());
        assertThat(tree.get("family").asString())
                .isEqualTo(event.family().value().toString());
        assertThat(json.readValue(json.writeValueAsString(event), CaseAllocated.class))
                .isEqualTo(event);
    }

    @Test
    void anEventStoredWhenIdsWereBareUuidsStillReads() {
        UUID from = UUID.randomUUID();
        UUID into = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        String stored = """
                {"from":"%s","into":"%s","label":"Smith family","reReferrals":["%s"],"at":"2026-11-30T09:00:00Z"}""".formatted(from, into, request);

        FamiliesLinked event = json.readValue(stored, FamiliesLinked.class);

        assertThat(event.from()).isEqualTo(new FamilyId(from));
        assertThat(event.into()).isEqualTo(new FamilyId(into));
        assertThat(event.reReferrals()).containsExactly(new RequestId(request));
    }

    @Test
    void anIdIsNeverEmptyAndReadsBackFromItsText() {
        CaseId id = CaseId.random();
        assertThat(CaseId.parse(id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> new FamilyId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RequestId.parse("not an id")).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(new CaseId(id.value()))).containsExactly(id);
    }
}
