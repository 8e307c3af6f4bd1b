package org.earlyhelp.quality;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.earlyhelp.referrals.CaseForAudit;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/**
 * The rule for drawing a hub's month of case file audits, without Spring or a database: the same
 * cases and people give the same sample, every time.
 *
 * <ul>
 *   <li>the candidates (in a fixed order) are shuffled with a seed made of the hub and the month;
 *   <li>if any candidate closed in the month, the first closed one in that order comes first, so
 *       that closures are audited too;
 *   <li>each case in turn gets an auditor: a practitioner who is not its lead, not on its team
 *       and not from the lead's organisation, the one with the fewest audits so far (then by user
 *       name); a case nobody can audit is passed over;
 *   <li>and a moderator: a hub lead of another hub, neither its lead nor its auditor, the one with
 *       the fewest moderations so far (then by user name);
 *   <li>until the sample has its size or the candidates run out.
 * </ul>
 */
public final class SampleDraw {

    /** Someone who may audit or moderate. */
    public record Person(String username, String name, String organisation, String organisationName) {}

    /** A drawn case with its auditor and moderator. */
    public record Drawn(CaseForAudit candidate, Person auditor, Person moderator) {}

    /** The sample, and how many cases were passed over for want of an auditor or moderator. */
    public record Result(List<Drawn> drawn, int passedOver) {}

    private SampleDraw() {}

    /** The seed of a hub's month: the same hub and month always give the same order. */
    public static long seed(HubId hub, YearMonth month) {
        return ((long) hub.value().hashCode() << 32) ^ month.toString().hashCode();
    }

    /**
     * Draws the sample.
     *
     * @param candidates the hub's cases for the month, in a fixed order
     * @param organisationOf each person's organisation, by user name (a lead not in it has none)
     * @param auditors the practitioners who may audit
     * @param moderators the hub leads of other hubs
     * @param load audits (as auditor or moderator) each person already has this month; updated
     */
    public static Result draw(
            HubId hub,
            YearMonth month,
            int size,
            List<CaseForAudit> candidates,
            Map<String, String> organisationOf,
            List<Person> auditors,
            List<Person> moderators,
            Map<String, Integer> load) {
        List<CaseForAudit> order = new ArrayList<>(candidates);
        Collections.shuffle(order, new Random(seed(hub, month)));
        order.stream().filter(CaseForAudit::closed).findFirst().ifPresent(closed -> {
            order.remove(closed);
            order.addFirst(closed);
        });
        List<Drawn> drawn = new ArrayList<>();
        int passedOver = 0;
        for (CaseForAudit c : order) {
            if (drawn.size() >= size) {
                break;
            }
            @Nullable String leadOrganisation = organisationOf.get(c.lead());
            Optional<Person> auditor = fewest(
                    auditors.stream()
                            .filter(p -> !p.username().equals(c.lead()))
                            .filter(p -> !c.team().contains(p.username()))
                            .filter(p -> leadOrganisation == null
                                    || !p.organisation().equals(leadOrganisation))
                            .toList(),
                    load);
            if (auditor.isEmpty()) {
                passedOver++;
                continue;
            }
            Optional<Person> moderator = fewest(
                    moderators.stream()
                            .filter(p -> !p.username().equals(c.lead()))
                            .filter(p -> !p.username().equals(auditor.get().username()))
                            .toList(),
                    load);
            if (moderator.isEmpty()) {
                passedOver++;
                continue;
            }
            load.merge(auditor.get().username(), 1, Integer::sum);
            load.merge(moderator.get().username(), 1, Integer::sum);
            drawn.add(new Drawn(c, auditor.get(), moderator.get()));
        }
        return new Result(List.copyOf(drawn), passedOver);
    }

    private static Optional<Person> fewest(List<Person> people, Map<String, Integer> load) {
        return people.stream()
                .min(Comparator.<Person>comparingInt(p -> load.getOrDefault(p.username(), 0))
                        .thenComparing(Person::username));
    }

    /** A fresh, empty count of audits per person. */
    public static Map<String, Integer> noLoad() {
        return new HashMap<>();
    }
}
