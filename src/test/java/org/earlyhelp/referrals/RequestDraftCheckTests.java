package org.earlyhelp.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.OutcomeArea;
import org.junit.jupiter.api.Test;

/** The rules a request for support's draft must meet, checked without Spring or a database. */
class RequestDraftCheckTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    private static FamilyMemberDraft child(LocalDate born) {
        return new FamilyMemberDraft("Amy", "Smith", born, Relationship.CHILD, null, null);
    }

    private static FamilyMemberDraft mother() {
        return new FamilyMemberDraft("Jo", "Smith", LocalDate.of(1990, 1, 1), Relationship.PARENT, null, null);
    }

    private static RequestDraft draft(List<FamilyMemberDraft> members, Map<OutcomeArea, String> needs, ConsentDraft c) {
        return new RequestDraft(members, "1 High Street", "DY1 1AA", null, null, needs, "", "", c, null);
    }

    private static ConsentDraft consent(LocalDate on) {
        return new ConsentDraft("Jo Smith", on, ConsentMethod.IN_PERSON, "The hub and the school");
    }

    private static Map<String, Message> problems(RequestDraft draft) {
        Map<String, Message> problems = new LinkedHashMap<>();
        RequestDraftCheck.check(draft, TODAY, problems);
        RequestDraftCheck.checkPlainText(draft, problems);
        return problems;
    }

    private static RequestDraft good() {
        return draft(
                List.of(mother(), child(LocalDate.of(2015, 6, 1))),
                Map.of(OutcomeArea.EDUCATION, "Not in school since October"),
                consent(TODAY.minusDays(2)));
    }

    @Test
    void aCompleteDraftHasNoProblems() {
        assertThat(problems(good())).isEmpty();
    }

    @Test
    void aFamilyNeedsAChildAndAtMostTwentyMembers() {
        RequestDraft adultsOnly = draft(List.of(mother()), good().needs(), good().consent());
        assertThat(problems(adultsOnly).get("members").key())
                .isEqualTo("referrals.problem.members.add-least-one-child-early");

        List<FamilyMemberDraft> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(child(LocalDate.of(2015, 1, 1)));
        }
        Map<String, Message> tooMany = problems(draft(many, good().needs(), good().consent()));
        assertThat(tooMany.get("members"))
                .isEqualTo(new Message("referrals.problem.members.family-has-most-0-members", 20));
        assertThat(tooMany)
                .as("only the first twenty are checked one by one")
                .doesNotContainKey("members[20].givenName");
    }

    @Test
    void datesOfBirthAreNotInTheFutureAndAChildIsTwentyFiveAtMost() {
        assertThat(problems(draft(List.of(child(TODAY.plusDays(1))), good().needs(), good().consent()))
                        .get("members[0].dateOfBirth")
                        .key())
                .isEqualTo("referrals.problem.field.date-birth-cannot-future");
        assertThat(problems(draft(List.of(child(TODAY.minusYears(25))), good().needs(), good().consent())))
                .as("twenty-five today is still a child here")
                .doesNotContainKey("members[0].dateOfBirth");
        assertThat(problems(draft(List.of(child(TODAY.minusYears(26))), good().needs(), good().consent()))
                        .get("members[0].dateOfBirth")
                        .key())
                .isEqualTo("referrals.problem.field.child-here-25-under-over");
    }

    @Test
    void consentIsGivenWithinTheLastYearAndNotInTheFuture() {
        RequestDraft g = good();
        assertThat(problems(draft(g.members(), g.needs(), consent(TODAY.minusYears(1)))))
                .as("a year old today is still in time")
                .isEmpty();
        assertThat(problems(draft(
                                g.members(),
                                g.needs(),
                                consent(TODAY.minusYears(1).minusDays(1))))
                        .get("consent.givenOn")
                        .key())
                .isEqualTo("referrals.problem.consent-givenon.consent-over-year-old-must");
        assertThat(problems(draft(g.members(), g.needs(), consent(TODAY.plusDays(1))))
                        .get("consent.givenOn")
                        .key())
                .isEqualTo("referrals.problem.consent-givenon.consent-cannot-given-future");
    }

    @Test
    void eachNeedIsDescribedAndKeptShort() {
        RequestDraft g = good();
        assertThat(problems(draft(g.members(), Map.of(), g.consent()))
                        .get("needs")
                        .key())
                .isEqualTo("referrals.problem.needs.choose-least-one-need");
        assertThat(problems(draft(g.members(), Map.of(OutcomeArea.HOUSING, " "), g.consent())))
                .containsKey("needs.HOUSING");
        assertThat(problems(draft(g.members(), Map.of(OutcomeArea.HOUSING, "x".repeat(4001)), g.consent()))
                        .get("needs.HOUSING"))
                .isEqualTo(new Message("referrals.problem.note.keep-under-0-characters", 4000));
        assertThat(problems(draft(g.members(), Map.of(OutcomeArea.HOUSING, "x".repeat(4000)), g.consent())))
                .isEmpty();
    }

    @Test
    void freeTextHoldsNoControlCharacters() {
        RequestDraft g = good();
        RequestDraft marked = draft(g.members(), Map.of(OutcomeArea.HEALTH, "Seen by the nurse\u0000"), g.consent());
        assertThat(problems(marked)).containsKey("needs.HEALTH");
        RequestDraft address = new RequestDraft(
                g.members(), "1 High\u0007 Street", "DY1 1AA", null, null, g.needs(), "", "", g.consent(), null);
        assertThat(problems(address)).containsOnlyKeys("address");
    }
}
