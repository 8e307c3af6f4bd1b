package org.earlyhelp.referrals;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.PlainText;
import org.jspecify.annotations.Nullable;

/**
 * What a request for support must hold before anything is looked up: the family's members, the
 * address, the needs and the family's consent. Plain rules over the draft and today's date, so
 * they are tested without a database; the service adds what needs one (the postcode's hub, a
 * known family).
 */
final class RequestDraftCheck {

    static final int MAX_TEXT = 4000;
    static final int MAX_MEMBERS = 20;

    private RequestDraftCheck() {}

    /** Adds a message for each field of the draft that is missing or wrong, keyed by field. */
    static void check(RequestDraft draft, LocalDate today, Map<String, Message> problems) {
        List<FamilyMemberDraft> members = draft.members();
        if (members.isEmpty()) {
            problems.put("members", new Message("referrals.problem.members.add-family-s-members-least"));
        } else if (members.size() > MAX_MEMBERS) {
            problems.put("members", new Message("referrals.problem.members.family-has-most-0-members", MAX_MEMBERS));
        } else if (members.stream()
                .noneMatch(m -> m.relationship() != null && m.relationship().isChild())) {
            problems.put("members", new Message("referrals.problem.members.add-least-one-child-early"));
        }
        for (int i = 0; i < members.size() && i < MAX_MEMBERS; i++) {
            FamilyMemberDraft m = members.get(i);
            String prefix = "members[" + i + "].";
            if (m.givenName() == null
                    || m.givenName().isBlank()
                    || m.givenName().length() > 100) {
                problems.put(prefix + "givenName", new Message("referrals.problem.field.give-first-name"));
            }
            if (m.familyName() == null
                    || m.familyName().isBlank()
                    || m.familyName().length() > 100) {
                problems.put(prefix + "familyName", new Message("referrals.problem.field.give-family-name"));
            }
            if (m.relationship() == null) {
                problems.put(
                        prefix + "relationship", new Message("referrals.problem.field.choose-how-they-are-related"));
            }
            LocalDate born = m.dateOfBirth();
            if (born == null) {
                problems.put(
                        prefix + "dateOfBirth", new Message("referrals.problem.field.give-date-birth-estimate-will"));
            } else if (born.isAfter(today)) {
                problems.put(prefix + "dateOfBirth", new Message("referrals.problem.field.date-birth-cannot-future"));
            } else if (m.relationship() != null
                    && m.relationship().isChild()
                    && Period.between(born, today).getYears() > 25) {
                problems.put(prefix + "dateOfBirth", new Message("referrals.problem.field.child-here-25-under-over"));
            } else if (Period.between(born, today).getYears() > 120) {
                problems.put(
                        prefix + "dateOfBirth", new Message("referrals.problem.field.check-date-birth-would-over"));
            }
        }
        if (draft.address().isBlank() || draft.address().length() > 300) {
            problems.put("address", new Message("referrals.problem.address.give-family-s-address-house"));
        }
        if (draft.needs().isEmpty()) {
            problems.put("needs", new Message("referrals.problem.needs.choose-least-one-need"));
        }
        for (Map.Entry<OutcomeArea, String> need : draft.needs().entrySet()) {
            String text = need.getValue();
            if (text == null || text.isBlank()) {
                problems.put(
                        "needs." + need.getKey().name(),
                        new Message("referrals.problem.field.describe-what-you-see-need"));
            } else if (text.length() > MAX_TEXT) {
                problems.put(
                        "needs." + need.getKey().name(),
                        new Message("referrals.problem.note.keep-under-0-characters", MAX_TEXT));
            }
        }
        if (draft.tried().length() > MAX_TEXT) {
            problems.put("tried", new Message("referrals.problem.note.keep-under-0-characters", MAX_TEXT));
        }
        if (draft.involved().length() > MAX_TEXT) {
            problems.put("involved", new Message("referrals.problem.note.keep-under-0-characters", MAX_TEXT));
        }
        ConsentDraft consent = draft.consent();
        if (consent.givenBy().isBlank() || consent.givenBy().length() > 200) {
            problems.put("consent.givenBy", new Message("referrals.problem.consent-givenby.say-who-gave-consent"));
        }
        if (consent.givenOn() == null) {
            problems.put(
                    "consent.givenOn", new Message("referrals.problem.consent-givenon.say-when-consent-was-given"));
        } else if (consent.givenOn().isAfter(today)) {
            problems.put(
                    "consent.givenOn", new Message("referrals.problem.consent-givenon.consent-cannot-given-future"));
        } else if (consent.givenOn().isBefore(today.minusYears(1))) {
            problems.put(
                    "consent.givenOn", new Message("referrals.problem.consent-givenon.consent-over-year-old-must"));
        }
        if (consent.method() == null) {
            problems.put("consent.method", new Message("referrals.problem.consent-method.say-how-consent-was-given"));
        }
        if (consent.shareWith().isBlank() || consent.shareWith().length() > 1000) {
            problems.put(
                    "consent.shareWith",
                    new Message("referrals.problem.consent-sharewith.say-who-family-agreed-information"));
        }
    }

    /** Adds a message for each free-text field that holds what plain text must not (markup, controls). */
    static void checkPlainText(RequestDraft draft, Map<String, Message> problems) {
        List<FamilyMemberDraft> members = draft.members();
        ConsentDraft consent = draft.consent();
        Map<String, @Nullable String> texts = new LinkedHashMap<>();
        for (int i = 0; i < members.size() && i < MAX_MEMBERS; i++) {
            FamilyMemberDraft m = members.get(i);
            texts.put("members[" + i + "].givenName", m.givenName());
            texts.put("members[" + i + "].familyName", m.familyName());
            texts.put("members[" + i + "].sex", m.sex());
            texts.put("members[" + i + "].ethnicity", m.ethnicity());
        }
        texts.put("address", draft.address());
        texts.put("postcode", draft.postcode());
        texts.put("hubReason", draft.hubReason());
        draft.needs().forEach((area, text) -> texts.put("needs." + area.name(), text));
        texts.put("tried", draft.tried());
        texts.put("involved", draft.involved());
        texts.put("consent.givenBy", consent.givenBy());
        texts.put("consent.shareWith", consent.shareWith());
        PlainText.check(texts, problems);
    }
}
