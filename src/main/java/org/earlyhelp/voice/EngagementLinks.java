package org.earlyhelp.voice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.voice.EngagementLink.Kind;
import org.earlyhelp.voice.EngagementLink.LinkedResponse;
import org.earlyhelp.voice.EngagementLink.Links;
import org.earlyhelp.voice.EngagementLink.LundyRow;
import org.earlyhelp.voice.EngagementLink.Reach;
import org.earlyhelp.voice.internal.EngagementLinkRepository;
import org.earlyhelp.voice.internal.EngagementRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links each engagement on the timetable to the invitations that asked its group and to the "you
 * said, we did" answers that came of it, and reports engagements on the Lundy model: the space
 * (method and dates), the voice (answers), the audience (who heard) and the influence (what
 * changed). Whoever planned an engagement, the lead of its hub and administrators link to it, each
 * only what belongs to a hub they work in; one child's invitation is never linked.
 */
@Service
public class EngagementLinks {

    /** The most invitations, or answers, an engagement's page lists of those linked and of those to link. */
    public static final int MOST_LISTED = 100;

    private final EngagementRepository engagements;
    private final EngagementLinkRepository links;
    private final HubDirectory hubs;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;

    EngagementLinks(
            EngagementRepository engagements,
            EngagementLinkRepository links,
            HubDirectory hubs,
            CurrentUsers currentUsers,
            AuditTrail audit) {
        this.engagements = engagements;
        this.links = links;
        this.hubs = hubs;
        this.currentUsers = currentUsers;
        this.audit = audit;
    }

    /** The engagement with what is linked to it, and what the signed-in person could link. */
    @Transactional(readOnly = true)
    public Links links(UUID engagement) {
        CurrentUser user = partner();
        Engagement e = find(engagement);
        boolean mayLink = mayLink(user, e);
        List<HubId> mine = mayLink ? linkableHubs(user, e) : List.of();
        return new Links(
                e,
                links.invitations(e.id(), List.of(), MOST_LISTED),
                links.responses(e.id(), List.of(), MOST_LISTED),
                mine.isEmpty() ? Listing.none() : links.invitations(null, mine, MOST_LISTED),
                mine.isEmpty() ? Listing.none() : links.responses(null, mine, MOST_LISTED),
                links.reach(e.id()),
                links.hearings(e.id()),
                mayLink);
    }

    /** Links an invitation or an answer to the engagement. */
    @Transactional
    public void link(UUID engagement, Kind kind, UUID item) {
        change(engagement, kind, item, true);
    }

    /** Takes an invitation or an answer off the engagement. */
    @Transactional
    public void unlink(UUID engagement, Kind kind, UUID item) {
        change(engagement, kind, item, false);
    }

    private void change(UUID engagement, Kind kind, UUID item, boolean link) {
        CurrentUser user = partner();
        Engagement e = find(engagement);
        AuditAction action = link ? AuditAction.LINK_ENGAGEMENT : AuditAction.UNLINK_ENGAGEMENT;
        EngagementLinkRepository.Item found = links.item(kind, item).orElse(null);
        if (found == null
                || !mayLink(user, e)
                || !user.worksIn(found.hub())
                || (e.hub() != null && !e.hub().equals(found.hub()))) {
            audit.refused(action, "engagement", e.id().toString(), e.hub(), kind + " " + item);
            throw new AccessDeniedException("Not yours to link to this engagement");
        }
        if (found.oneChild()) {
            throw new ValidationException(Map.of("item", new Message("voice.engagement.problem.one-child")));
        }
        links.link(kind, item, link ? e.id() : null);
        audit.record(action, "engagement", e.id().toString(), found.hub(), null, kind + " " + item);
    }

    /**
     * The engagements that ran on any day from {@code from} to {@code to} on the Lundy model: one row
     * per hearing of each answer that came of them, or one row for an engagement with no answer yet.
     */
    @Transactional(readOnly = true)
    public List<LundyRow> lundy(LocalDate from, LocalDate to) {
        partner();
        List<LundyRow> rows = new ArrayList<>();
        for (Engagement e : engagements.overlapping(from, to)) {
            Reach reach = links.reach(e.id());
            List<LinkedResponse> responses = links.allResponses(e.id());
            Map<UUID, List<Response.Hearing>> heard = links.hearingsByAnswer(e.id());
            if (responses.isEmpty()) {
                rows.add(row(e, reach, null, null));
            }
            for (LinkedResponse r : responses) {
                List<Response.Hearing> hearings = heard.getOrDefault(r.id(), List.of());
                if (hearings.isEmpty()) {
                    rows.add(row(e, reach, r, null));
                }
                for (Response.Hearing h : hearings) {
                    rows.add(row(e, reach, r, h));
                }
            }
        }
        return rows;
    }

    /** For the hub's Lundy report: the topic of the engagement each answer came of, by answer. */
    @Transactional(readOnly = true)
    public Map<UUID, String> topicsOfResponses(HubId hub) {
        CurrentUser user = partner();
        if (!user.worksIn(hub)) {
            throw new AccessDeniedException("You do not work in this hub");
        }
        return links.topicsOfResponses(hub);
    }

    private static LundyRow row(Engagement e, Reach reach, @Nullable LinkedResponse r, Response.@Nullable Hearing h) {
        return new LundyRow(
                e.topic(),
                e.organisation(),
                e.audience(),
                e.method(),
                e.startsOn(),
                e.endsOn(),
                reach.invitations(),
                reach.answers(),
                r == null ? null : r.theme(),
                r == null ? null : r.status(),
                r == null ? null : r.weDid(),
                h == null ? null : h.heardBy(),
                h == null ? null : h.heardOn(),
                h == null ? null : h.whatChanged());
    }

    private Engagement find(UUID id) {
        return engagements.find(id).orElseThrow(() -> new AccessDeniedException("No such engagement"));
    }

    private static boolean mayLink(CurrentUser user, Engagement e) {
        return user.has(Role.ADMIN)
                || e.plannedByUser().equals(user.username())
                || (user.has(Role.HUB_LEAD) && (e.hub() == null || user.hubs().contains(e.hub())));
    }

    private List<HubId> linkableHubs(CurrentUser user, Engagement e) {
        if (e.hub() != null) {
            return user.worksIn(e.hub()) ? List.of(e.hub()) : List.of();
        }
        return hubs.hubs().stream().map(Hub::id).filter(user::worksIn).toList();
    }

    private CurrentUser partner() {
        return currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD, Role.ADMIN);
    }
}
