package org.earlyhelp.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.voice.EngagementChecks.Flags;
import org.earlyhelp.voice.EngagementChecks.Term;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The timetable's flags, without Spring: clashes by area, dates and ages; groups asked too often in a term. */
class EngagementChecksTests {

    private static final HubId CENTRAL = new HubId("dudley-central");
    private static final HubId NORTH = new HubId("dudley-north");

    private static Engagement e(
            @Nullable HubId hub, String audience, int youngest, int oldest, String starts, String ends) {
        return new Engagement(
                UUID.randomUUID(),
                "Topic " + audience,
                youngest,
                oldest,
                hub,
                audience,
                EngagementMethod.SURVEY,
                LocalDate.parse(starts),
                LocalDate.parse(ends),
                "Dudley CVS",
                "Vic",
                "cvs.worker",
                Instant.EPOCH);
    }

    @Test
    void termsAreAutumnSpringAndSummerOfTheSchoolYear() {
        assertThat(Term.of(LocalDate.parse("2026-09-01"))).isEqualTo(new Term(2026, "autumn"));
        assertThat(Term.of(LocalDate.parse("2026-12-31"))).isEqualTo(new Term(2026, "autumn"));
        assertThat(Term.of(LocalDate.parse("2027-01-01"))).isEqualTo(new Term(2026, "spring"));
        assertThat(Term.of(LocalDate.parse("2027-03-31"))).isEqualTo(new Term(2026, "spring"));
        assertThat(Term.of(LocalDate.parse("2027-04-01"))).isEqualTo(new Term(2026, "summer"));
        assertThat(Term.of(LocalDate.parse("2027-08-31"))).isEqualTo(new Term(2026, "summer"));
    }

    @Test
    void engagementsClashInTheSameAreaOnOverlappingDatesAndAges() {
        Engagement a = e(CENTRAL, "Castle High", 11, 16, "2026-10-01", "2026-10-10");
        assertThat(EngagementChecks.clash(a, e(CENTRAL, "Other", 14, 18, "2026-10-10", "2026-10-20")))
                .as("one day and ages 14-16 in common")
                .isTrue();
        assertThat(EngagementChecks.clash(a, e(null, "Borough survey", 5, 11, "2026-09-01", "2026-12-01")))
                .as("a borough-wide engagement reaches every area")
                .isTrue();
        assertThat(EngagementChecks.clash(a, e(NORTH, "Other", 11, 16, "2026-10-01", "2026-10-10")))
                .as("another hub's area")
                .isFalse();
        assertThat(EngagementChecks.clash(a, e(CENTRAL, "Other", 17, 19, "2026-10-01", "2026-10-10")))
                .as("no ages in common")
                .isFalse();
        assertThat(EngagementChecks.clash(a, e(CENTRAL, "Other", 11, 16, "2026-10-11", "2026-10-20")))
                .as("the day after it ends")
                .isFalse();
        assertThat(EngagementChecks.clash(a, a)).as("not with itself").isFalse();
    }

    @Test
    void aGroupAskedMoreThanTheSetNumberOfTimesInATermIsFlagged() {
        Engagement first = e(CENTRAL, "Castle High", 11, 16, "2026-09-10", "2026-09-12");
        Engagement second = e(NORTH, "castle  high ", 11, 16, "2026-11-01", "2026-11-02");
        Engagement third = e(null, "Castle High", 11, 16, "2026-12-20", "2027-01-20");
        Engagement nextTerm = e(CENTRAL, "Castle High", 11, 16, "2027-01-05", "2027-01-06");
        Engagement otherGroup = e(CENTRAL, "Youth club", 11, 16, "2026-09-10", "2026-09-12");
        Map<UUID, Flags> flags = EngagementChecks.flags(List.of(first, second, third, nextTerm, otherGroup), 2);
        assertThat(flags.get(first.id()).askedThisTerm()).isEqualTo(3);
        assertThat(flags.get(second.id()).askedTooOften()).isTrue();
        assertThat(flags.get(nextTerm.id()).askedThisTerm())
                .as("the spring term counts apart")
                .isEqualTo(1);
        assertThat(flags.get(nextTerm.id()).askedTooOften()).isFalse();
        assertThat(flags.get(otherGroup.id()).askedTooOften()).isFalse();
        assertThat(flags.get(first.id()).clashesWith()).containsExactly(otherGroup.id());
        assertThat(flags.get(third.id()).clashesWith())
                .as("borough-wide, into January")
                .containsExactly(nextTerm.id());
        assertThat(EngagementChecks.flags(List.of(first, second, third), 3)
                        .get(first.id())
                        .askedTooOften())
                .as("three is not more than three")
                .isFalse();
    }
}
