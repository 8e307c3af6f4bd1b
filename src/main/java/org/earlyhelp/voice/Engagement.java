package org.earlyhelp.voice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.jspecify.annotations.Nullable;

/**
 * A consultation with children and young people on the shared timetable.
 *
 * @param hub the hub's area it asks in, or none for the whole borough
 * @param audience the group asked: a school, a youth group, a class, "children in care"...
 * @param plannedBy who planned it, by name; {@code plannedByUser} by user name
 */
public record Engagement(
        UUID id,
        String topic,
        int youngest,
        int oldest,
        @Nullable HubId hub,
        String audience,
        EngagementMethod method,
        LocalDate startsOn,
        LocalDate endsOn,
        String organisation,
        String plannedBy,
        String plannedByUser,
        Instant plannedAt) {}
