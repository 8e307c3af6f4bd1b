package org.earlyhelp.hubs.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.ServiceCategory;
import org.earlyhelp.hubs.ServiceListing;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.demo.DemonstrationData;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A handful of typical family hub services in every demonstration hub. The services are made up;
 * their addresses name only the town.
 */
@Component
class DirectoryDemonstrationData implements DemonstrationData {

    private record Template(
            String name,
            String organisation,
            ServiceCategory category,
            Set<OutcomeArea> needs,
            String description,
            String eligibility,
            @Nullable Integer minAge,
            @Nullable Integer maxAge,
            String openingTimes) {}

    private static final List<Template> TEMPLATES = List.of(
            new Template(
                    "Stay and Play",
                    "dudley-council",
                    ServiceCategory.PREGNANCY_EARLY_LEARNING,
                    Set.of(OutcomeArea.EARLY_YEARS),
                    "Play sessions for babies and young children with their parents or carers, with early years workers on hand for a chat.",
                    "Families with children under 5",
                    0,
                    4,
                    "Tuesdays and Thursdays 9:30 to 11:30, term time"),
            new Template(
                    "Parenting Puzzle course",
                    "dudley-council",
                    ServiceCategory.FAMILY_SUPPORT_PARENTING,
                    Set.of(OutcomeArea.FAMILY_RELATIONSHIPS, OutcomeArea.EARLY_YEARS),
                    "A ten-week group for parents on building calm, positive relationships with their children.",
                    "Parents and carers of children of any age",
                    null,
                    null,
                    "Wednesdays 10:00 to 12:00, courses start each half term"),
            new Template(
                    "Money and debt advice drop-in",
                    "dudley-cvs",
                    ServiceCategory.FAMILY_SUPPORT_DEBT_WELFARE,
                    Set.of(OutcomeArea.FINANCIAL_STABILITY, OutcomeArea.HOUSING),
                    "Free, confidential help with debts, benefits, rent arrears and budgeting.",
                    "Anyone living in the area",
                    null,
                    null,
                    "Mondays 13:00 to 16:00, no appointment needed"),
            new Template(
                    "Domestic abuse support group",
                    "dudley-cvs",
                    ServiceCategory.FAMILY_SUPPORT_DOMESTIC_ABUSE,
                    Set.of(OutcomeArea.DOMESTIC_ABUSE, OutcomeArea.SAFE_FROM_ABUSE),
                    "A safe, women-only group for survivors of domestic abuse. Referral by a practitioner or self-referral.",
                    "Women aged 16 and over who have experienced domestic abuse",
                    16,
                    null,
                    "Fridays 10:00 to 12:00, venue given on referral"),
            new Template(
                    "Youth club",
                    "dudley-cvs",
                    ServiceCategory.FAMILY_SUPPORT_TARGETED_YOUTH,
                    Set.of(OutcomeArea.CRIME, OutcomeArea.EDUCATION, OutcomeArea.HEALTH),
                    "Open-access youth club with detached youth workers, sport and help with school and college.",
                    "Young people aged 11 to 19 (25 with SEND)",
                    11,
                    19,
                    "Monday to Thursday 18:00 to 21:00"),
            new Template(
                    "Infant feeding support",
                    "black-country-health",
                    ServiceCategory.PREGNANCY_INFANT_FEEDING,
                    Set.of(OutcomeArea.EARLY_YEARS, OutcomeArea.HEALTH),
                    "Drop-in help with breast and bottle feeding from health visitors and peer supporters.",
                    "Parents of babies under 1",
                    0,
                    1,
                    "Thursdays 13:00 to 15:00"),
            new Template(
                    "Emotional wellbeing for young people",
                    "black-country-health",
                    ServiceCategory.HEALTH_MENTAL_HEALTH,
                    Set.of(OutcomeArea.HEALTH),
                    "Short-term one-to-one support for young people with low mood or anxiety.",
                    "Young people aged 11 to 18",
                    11,
                    18,
                    "By appointment, weekdays"));

    private final HubRepository hubs;
    private final ServiceRepository services;

    DirectoryDemonstrationData(HubRepository hubs, ServiceRepository services) {
        this.hubs = hubs;
        this.services = services;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    @Transactional
    public void load() {
        for (Hub hub : hubs.findAll()) {
            String town = hub.name().split("[,(&]")[0].strip();
            for (Template t : TEMPLATES) {
                if (services.exists(hub.id(), t.name())) {
                    continue;
                }
                UUID id = UUID.nameUUIDFromBytes((hub.id().value() + "/" + t.name()).getBytes(StandardCharsets.UTF_8));
                services.insert(
                        new ServiceListing(
                                id,
                                hub.id(),
                                "",
                                t.name(),
                                t.description(),
                                t.category(),
                                t.needs(),
                                t.eligibility(),
                                t.minAge(),
                                t.maxAge(),
                                town + " Family Hub",
                                town,
                                null,
                                "01384 000000",
                                "familyhub@example.org",
                                "",
                                t.openingTimes(),
                                null),
                        t.organisation());
            }
        }
    }
}
