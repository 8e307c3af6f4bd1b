package org.earlyhelp.referrals.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.earlyhelp.referrals.FamilyRecord;

/**
 * Whether a reason that is kept in the audit trail (which is never erased) names one of the family's
 * people or gives its address. The trail keeps the family's id with the reason; a name in it would
 * outlive the family's record.
 */
public final class Reasons {

    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{M}]+");
    private static final Set<String> NOT_NAMES = Set.of("family", "the", "and", "of");

    private Reasons() {}

    /** The first name, address or postcode of the family that the reason holds, as written in it. */
    public static Optional<String> naming(String reason, FamilyRow family, List<FamilyRecord.Member> members) {
        String lower = reason.toLowerCase(Locale.ROOT);
        String address = family.address().strip().toLowerCase(Locale.ROOT);
        if (!address.isEmpty() && lower.contains(address)) {
            return Optional.of(family.address().strip());
        }
        String postcode = family.postcode().replace(" ", "").toLowerCase(Locale.ROOT);
        if (!postcode.isEmpty() && lower.replace(" ", "").contains(postcode)) {
            return Optional.of(family.postcode());
        }
        Set<String> names = new HashSet<>();
        for (FamilyRecord.Member m : members) {
            names.addAll(words(m.givenName()));
            names.addAll(words(m.familyName()));
        }
        // A family known only from a safeguarding concern has no people: its label is the child's name.
        names.addAll(words(family.label()));
        names.removeAll(NOT_NAMES);
        for (String word : NOT_A_LETTER.split(reason)) {
            if (names.contains(word.toLowerCase(Locale.ROOT))) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }

    private static List<String> words(String text) {
        return NOT_A_LETTER
                .splitAsStream(text.toLowerCase(Locale.ROOT))
                .filter(w -> w.length() >= 2)
                .toList();
    }
}
