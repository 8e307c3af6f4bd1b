package org.earlyhelp.referrals.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.earlyhelp.referrals.FamilyRecord;
import org.earlyhelp.shared.NamesInText;

/**
 * Whether a reason that is kept in the audit trail (which is never erased) names one of the family's
 * people or gives its address. The trail keeps the family's id with the reason; a name in it would
 * outlive the family's record.
 */
public final class Reasons {

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
        List<String> names = new ArrayList<>();
        for (FamilyRecord.Member m : members) {
            names.add(m.givenName());
            names.add(m.familyName());
        }
        // A family known only from a safeguarding concern has no people: its label is the child's name.
        names.add(family.label());
        return NamesInText.firstNamed(reason, names);
    }
}
