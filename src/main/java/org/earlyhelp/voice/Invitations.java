package org.earlyhelp.voice;

import static java.util.Objects.requireNonNull;

import io.nayuki.qrcodegen.QrCode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.security.CaseAccess;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.voice.internal.InvitationRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Invitations to give feedback: made by practitioners and hub leads for a family on a case, a
 * group session or a hub-wide campaign; each has an unguessable short code (80 bits), a link and
 * a QR code, and expires.
 */
@Service
@EnableConfigurationProperties(VoiceProperties.class)
public class Invitations {

    /** The most invitations the hub's list holds, the newest. */
    public static final int MOST_LISTED = 200;

    /** The fewest characters of a code a search matches codes by: fewer match too many. */
    public static final int SHORTEST_CODE_SEARCHED = 4;

    /** The most characters of a search used: a name is never longer. */
    private static final int MOST_TYPED = 120;

    /** Crockford's base 32: no I, L, O or U, so codes read aloud and typed without confusion. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static final int CODE_LENGTH = 16;

    /** The least width of an invitation's QR code on the page, in CSS pixels. */
    private static final int QR_PIXELS = 220;

    private final InvitationRepository invitations;
    private final Environment environment;
    private final CurrentUsers currentUsers;
    private final CaseAccess caseAccess;
    private final HubDirectory hubs;
    private final HubTeams teams;
    private final VoiceProperties properties;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    Invitations(
            InvitationRepository invitations,
            CurrentUsers currentUsers,
            CaseAccess caseAccess,
            HubDirectory hubs,
            HubTeams teams,
            VoiceProperties properties,
            AuditTrail audit,
            Environment environment,
            Clock clock) {
        this.environment = environment;
        this.caseAccess = caseAccess;
        this.invitations = invitations;
        this.currentUsers = currentUsers;
        this.hubs = hubs;
        this.teams = teams;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes an invitation; practitioners and hub leads of the hub. */
    @Transactional
    public Invitation create(
            @Nullable InvitationKind kind,
            @Nullable HubId hub,
            @Nullable UUID caseId,
            String label,
            @Nullable AgeBand ageBand,
            @Nullable Integer days) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        Map<String, Message> problems = new LinkedHashMap<>();
        if (kind == null) {
            problems.put("kind", new Message("voice.problem.kind.choose-who-invitation"));
        }
        if (hub == null || hubs.hub(hub).isEmpty()) {
            problems.put("hub", new Message("voice.problem.hub.choose-hub"));
        } else if (!user.hubs().contains(hub)) {
            throw new AccessDeniedException("You do not work in this hub");
        }
        if (kind == InvitationKind.CASE && caseId == null) {
            problems.put("kind", new Message("voice.problem.kind.invitation-family-made-from-family"));
        } else if (caseId != null && kind != InvitationKind.CASE) {
            problems.put("kind", new Message("voice.problem.kind.only-invitation-family-belongs-case"));
        } else if (caseId != null && !caseAccess.worksOn(caseId)) {
            // Feedback through it joins the family's record: only those working with the family now.
            audit.refused(AuditAction.CREATE, "invitation", caseId.toString(), hub, "case invitation");
            throw new AccessDeniedException("You do not work with this family");
        }
        if (label == null || label.isBlank() || label.length() > MOST_TYPED) {
            problems.put("label", new Message("voice.problem.label.name-so-you-recognise-later"));
        }
        int open = days == null ? properties.days() : days;
        if (open < 1 || open > 365) {
            problems.put("days", new Message("voice.problem.days.invitation-stays-open-from-1"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        UUID id = UUID.randomUUID();
        String code = newCode();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(open));
        invitations.insert(
                id,
                code,
                requireNonNull(kind),
                requireNonNull(hub),
                caseId,
                label.strip(),
                ageBand,
                user.username(),
                now,
                expires);
        audit.record(AuditAction.CREATE, "invitation", id.toString(), hub, null, kind.name());
        return byId(id).orElseThrow();
    }

    /**
     * The hub's invitations this person may see, newest first and at most {@link #MOST_LISTED}: the hub lead and the hub's
     * safeguarding leads see the hub's; a practitioner those they made; an invitation for a
     * family's case only those who may read the family now (the family access policy).
     */
    @Transactional(readOnly = true)
    public Listing<Invitation> ofHub(HubId hub) {
        return search(hub, "", false);
    }

    /**
     * As {@link #ofHub}, narrowed to the invitations whose name holds the words typed or whose
     * code begins with them (at least {@link #SHORTEST_CODE_SEARCHED} characters of a code, dashes
     * and spaces ignored), and to those still open if asked: so that any code, however old, can be
     * found and closed.
     */
    @Transactional(readOnly = true)
    public Listing<Invitation> search(HubId hub, String words, boolean onlyOpen) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        if (!user.hubs().contains(hub)) {
            throw new AccessDeniedException("You do not work in this hub");
        }
        Set<UUID> readable = caseAccess.readable(invitations.casesInvited(hub));
        String typed = Searched.words(words, MOST_TYPED);
        String code = normalise(typed);
        InvitationRepository.Narrowing narrowing = new InvitationRepository.Narrowing(
                typed, code.length() < SHORTEST_CODE_SEARCHED ? "" : code, onlyOpen ? clock.instant() : null);
        boolean allOfHub = user.has(Role.HUB_LEAD) || teams.isSafeguardingLead(hub, user.username());
        return Listing.of(
                invitations.ofHub(hub, allOfHub, user.username(), readable, narrowing, MOST_LISTED + 1), MOST_LISTED);
    }

    /**
     * Closes an invitation now, before its day, for a code that was shared too widely or is no
     * longer needed: its code opens nothing after this, and answers sent with it are refused (the
     * form then shows where to get help now). Whoever made it, its hub's lead or a safeguarding
     * lead of its hub; audited, as is a refusal. Whether it was still open.
     */
    @Transactional
    public boolean close(UUID id) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        InvitationRepository.Owner owner = invitations.owner(id).orElse(null);
        if (owner == null
                || !user.hubs().contains(owner.hub())
                || !(user.has(Role.HUB_LEAD)
                        || owner.createdBy().equals(user.username())
                        || teams.isSafeguardingLead(owner.hub(), user.username()))) {
            audit.refused(AuditAction.CLOSE, "invitation", id.toString(), owner == null ? null : owner.hub(), null);
            throw new AccessDeniedException("Not yours to close");
        }
        boolean closed = invitations.close(id, clock.instant());
        if (closed) {
            audit.record(AuditAction.CLOSE, "invitation", id.toString(), owner.hub(), null, null);
        }
        return closed;
    }

    /** An open invitation by the code typed or scanned: anyone may ask; expired codes are not found. */
    @Transactional(readOnly = true)
    public Optional<Invitation> open(String typed) {
        String code = normalise(typed);
        if (code.length() != CODE_LENGTH) {
            return Optional.empty();
        }
        return invitations.openByCode(code, clock.instant());
    }

    /**
     * The link a code opens: on the configured public address (production will not start without
     * one); without one (a demonstration), on the address this portal was reached at, or the port
     * it listens on.
     */
    public String link(Invitation invitation) {
        return baseUrl() + "/say/" + invitation.code();
    }

    private String baseUrl() {
        Optional<String> configured = properties.publicAddress();
        if (configured.isPresent()) {
            return configured.get();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            return ServletUriComponentsBuilder.fromContextPath(request.getRequest())
                    .build()
                    .toUriString();
        }
        return "http://localhost:" + environment.getProperty("local.server.port", "8080");
    }

    /**
     * The QR code of the link, as an SVG drawn here on the server.
     *
     * @param accessibleName what a screen reader says it is, in the page's language
     */
    public String qrSvg(Invitation invitation, String accessibleName) {
        QrCode qr = QrCode.encodeText(link(invitation), QrCode.Ecc.MEDIUM);
        int border = 4;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M')
                            .append(x + border)
                            .append(',')
                            .append(y + border)
                            .append("h1v1h-1z");
                }
            }
        }
        int size = qr.size + 2 * border;
        // Whole pixels per module, at least 220 px in all: at a fractional scale some modules come
        // out a pixel wider than others, which a reader can misread (a checksum error).
        int pixels = size * Math.ceilDiv(QR_PIXELS, size);
        // crispEdges: modules meet without anti-aliased seams, so a camera sees clean squares.
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" width=\"" + pixels + "\" height=\"" + pixels
                + "\" shape-rendering=\"crispEdges\" role=\"img\""
                + " aria-label=\"" + HtmlUtils.htmlEscape(accessibleName) + "\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path
                + "\" fill=\"#000\"/></svg>";
    }

    static String normalise(String typed) {
        return typed == null
                ? ""
                : typed.toUpperCase(Locale.ROOT)
                        .replaceAll("[^0-9A-Z]", "")
                        .replace('O', '0')
                        .replace('I', '1')
                        .replace('L', '1');
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    Optional<Invitation> byId(UUID id) {
        return invitations.byId(id);
    }
}
