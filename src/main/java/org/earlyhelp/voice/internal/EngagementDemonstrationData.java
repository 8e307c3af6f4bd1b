package org.earlyhelp.voice.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.demo.DemonstrationData;
import org.earlyhelp.voice.Engagement;
import org.earlyhelp.voice.EngagementMethod;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Consultations the partners have planned in the coming weeks, for the demonstration: one school
 * asked three times in a few days, and a borough-wide one that clashes with a hub's. Off with
 * {@code earlyhelp.demo.journeys=false}.
 */
@Component
class EngagementDemonstrationData implements DemonstrationData {

    private final EngagementRepository repository;
    private final EngagementLinkRepository links;
    private final Clock clock;
    private final boolean enabled;

    EngagementDemonstrationData(
            EngagementRepository repository,
            EngagementLinkRepository links,
            Clock clock,
            @Value("${earlyhelp.demo.journeys:true}") boolean enabled) {
        this.repository = repository;
        this.links = links;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public int order() {
        return 61;
    }

    @Override
    public void load() {
        LocalDate today = WorkingCalendar.today(clock);
        if (!enabled
                || !repository
                        .overlapping(today.minusYears(2), today.plusYears(2))
                        .isEmpty()) {
            return;
        }
        HubId central = new HubId("dudley-central");
        plan(
                "Feeling safe in the park",
                11,
                16,
                central,
                "Castle High School",
                EngagementMethod.SURVEY,
                today.plusDays(7),
                14,
                "Dudley CVS",
                "Vic Adeyemi",
                "cvs.worker");
        plan(
                "Healthy school lunches",
                11,
                14,
                central,
                "Castle High School",
                EngagementMethod.FOCUS_GROUP,
                today.plusDays(8),
                0,
                "Black Country Healthcare",
                "Hayley Green",
                "health.visitor");
        plan(
                "Help with worries at school",
                13,
                16,
                central,
                "Castle High School",
                EngagementMethod.WORKSHOP,
                today.plusDays(9),
                1,
                "Dudley Council",
                "Fran Lewis",
                "family.worker");
        plan(
                "The borough's youth offer",
                11,
                18,
                null,
                "Youth council",
                EngagementMethod.YOUTH_COUNCIL,
                today.plusDays(14),
                0,
                "Dudley Council",
                "Fran Lewis",
                "family.worker");
        plan(
                "What makes a good family hub",
                5,
                11,
                new HubId("halesowen"),
                "Halesowen family hub families",
                EngagementMethod.FEEDBACK_FORM,
                today.plusDays(30),
                28,
                "Dudley CVS",
                "Vic Adeyemi",
                "cvs.worker");
        // One that has run: the hub's group and campaign invitations asked its group, and the answer
        // on "things to do" came of it.
        UUID ran = plan(
                "What the youth club offers",
                11,
                16,
                central,
                "Youth club members",
                EngagementMethod.SURVEY,
                today.minusDays(60),
                28,
                "Dudley Council",
                "Fran Lewis",
                "family.worker");
        links.linkForDemonstration(ran, central, "things to do");
    }

    private UUID plan(
            String topic,
            int youngest,
            int oldest,
            @Nullable HubId hub,
            String audience,
            EngagementMethod method,
            LocalDate starts,
            int days,
            String organisation,
            String by,
            String username) {
        UUID id = UUID.randomUUID();
        repository.insert(new Engagement(
                id,
                topic,
                youngest,
                oldest,
                hub,
                audience,
                method,
                starts,
                starts.plusDays(days),
                organisation,
                by,
                username,
                clock.instant()));
        return id;
    }
}
