package org.earlyhelp.referrals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.referrals.internal.Access;
import org.earlyhelp.referrals.internal.CaseRepository;
import org.earlyhelp.referrals.internal.CaseRow;
import org.earlyhelp.referrals.internal.FamilyRepository;
import org.earlyhelp.referrals.internal.FamilyRow;
import org.earlyhelp.referrals.internal.Reasons;
import org.earlyhelp.referrals.internal.RequestRepository;
import org.earlyhelp.referrals.internal.SubjectAccessExport;
import org.earlyhelp.referrals.internal.TimelineQuery;
import org.earlyhelp.referrals.internal.TimelineQuery.TimelineRow;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Paging;
import org.earlyhelp.shared.PlainText;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.security.CurrentUsers;
import org.jspecify.annotations.NullUnmarked;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A family's record and timeline, and their consent. Only those who work with the family see it,
 * and every look is audited.
 */
@Service
public class Families {

    /** The timeline's entries a record shows at first, and how many more each "older entries" asks for. */
    public static final int TIMELINE_PAGE = 1000;

    /** The most timeline entries one read of a record returns. */
    public static final int TIMELINE_MOST = 100_000;

    /** The most break-glass reads the record lists for its hub lead, the newest; all are in the audit trail. */
    public static final int BREAK_GLASS_LISTED = 100;

    private final FamilyRepository families;
    private final RequestRepository requestRows;
    private final CaseRepository cases;
    private final TimelineQuery timeline;
    private final Access access;
    private final HubDirectory hubs;
    private final AuditTrail audit;
    private final RequestsForSupport requests;
    private final CurrentUsers currentUsers;
    private final SubjectAccessExport export;
    private final Clock clock;

    Families(
            FamilyRepository families,
            RequestRepository requestRows,
            CaseRepository cases,
            TimelineQuery timeline,
            Access access,
            HubDirectory hubs,
            AuditTrail audit,
            RequestsForSupport requests,
            CurrentUsers currentUsers,
            SubjectAccessExport export,
            Clock clock) {
        this.currentUsers = currentUsers;
        this.export = export;
        this.families = families;
        this.requestRows = requestRows;
        this.cases = cases;
        this.timeline = timeline;
        this.access = access;
        this.hubs = hubs;
        this.audit = audit;
        this.requests = requests;
        this.clock = clock;
    }

    /**
     * The family's record with the newest {@link #TIMELINE_PAGE} entries of its timeline, for those
     * who work with the family now (see {@link Access}). Audited; a refusal is audited too.
     */
    @Transactional
    public FamilyRecord family(FamilyId id) {
        return family(id, TIMELINE_PAGE);
    }

    /**
     * The family's record with the newest {@code timelineEntries} entries of its timeline (1 to
     * {@link #TIMELINE_MOST}); {@link FamilyRecord#olderTimelineEntries()} says whether there are
     * older ones. The same rules as {@link #family(FamilyId)}, and audited the same way.
     */
    @Transactional
    public FamilyRecord family(FamilyId id, int timelineEntries) {
        CurrentUser user = access.worker();
        Paging.require(timelineEntries, 0, TIMELINE_MOST);
        FamilyRow f = families.family(id).orElseThrow(() -> access.unknown("family", id));
        Access.Standing standing = access.standing(user, f);
        if (!Access.mayRead(standing, f.restricted())) {
            access.requireFamily(user, f);
        }
        boolean readOnly = !standing.hubLead() && !standing.lead() && !standing.team();
        audit.record(
                AuditAction.VIEW, "family", id.toString(), f.hub(), null, readOnly ? "read only (case closed)" : null);
        Listing<FamilyRecord.BreakGlassRead> reads = standing.hubLead()
                ? Listing.of(families.breakGlassReads(id, BREAK_GLASS_LISTED + 1), BREAK_GLASS_LISTED)
                : Listing.none();
        return record(f, readOnly, reads, timelineEntries);
    }

    /**
     * A family's record for someone outside the relationship rules (an administrator or a
     * commissioner) who must read it now: only with a reason, which goes into the audit trail and
     * is shown to the family's hub lead on the record. Read only.
     */
    @Transactional
    public FamilyRecord breakGlass(FamilyId id, String reason) {
        return breakGlass(id, reason, TIMELINE_PAGE);
    }

    /**
     * A break-glass read with the newest {@code timelineEntries} entries of the timeline (1 to
     * {@link #TIMELINE_MOST}): each such read is recorded and shown to the hub lead, as {@link
     * #breakGlass(FamilyId, String)} is.
     */
    @Transactional
    public FamilyRecord breakGlass(FamilyId id, String reason, int timelineEntries) {
        CurrentUser user = currentUsers.requireAnyOf(Role.ADMIN, Role.COMMISSIONER);
        Paging.require(timelineEntries, 0, TIMELINE_MOST);
        if (reason == null || reason.strip().length() < 20 || reason.length() > 1000) {
            throw new ValidationException(
                    Map.of("reason", new Message("referrals.problem.reason.say-why-you-must-read")));
        }
        if (PlainText.hasControlCharacters(reason)) {
            throw new ValidationException(
                    Map.of("reason", new Message("referrals.problem.reason.some-these-characters-cannot-saved")));
        }
        FamilyRow f = families.family(id).orElseThrow(() -> access.unknown("family", id));
        refuseNames(reason, f, AuditAction.BREAK_GLASS);
        families.insertBreakGlass(id, f.hub(), user, reason.strip(), clock.instant());
        audit.record(AuditAction.BREAK_GLASS, "family", id.toString(), f.hub(), reason.strip(), null);
        return record(f, true, Listing.none(), timelineEntries);
    }

    private FamilyRecord record(
            FamilyRow f, boolean readOnly, Listing<FamilyRecord.BreakGlassRead> breakGlass, int timelineEntries) {
        FamilyId id = f.id();
        // One more than asked for, to know whether older entries are left out.
        List<TimelineRow> rows = timeline.timeline(id, timelineEntries + 1);
        return new FamilyRecord(
                f.id(),
                f.label(),
                f.address(),
                f.postcode(),
                f.hub(),
                hubs.nameOf(f.hub()),
                f.restricted(),
                families.members(id),
                families.consents(id),
                requests.named(requestRows.requestsOfFamily(id)),
                cases.casesOfFamily(id).stream().map(CaseRow::id).toList(),
                rows.stream().limit(timelineEntries).map(Families::entry).toList(),
                rows.size() > timelineEntries,
                readOnly,
                breakGlass,
                f.version());
    }

    /**
     * Withdraws the family's consent to share: the record is restricted to the lead practitioner
     * and the hub lead from then on. Only they may record it.
     */
    @Transactional
    public void withdrawConsent(FamilyId id, int version, String reason) {
        CurrentUser user = access.worker();
        FamilyRow f = families.family(id).orElseThrow(() -> access.unknown("family", id));
        Access.Standing standing = access.standing(user, f);
        if (!standing.hubLead() && !standing.lead()) {
            throw access.refusal(
                    AuditAction.WITHDRAW_CONSENT,
                    "family",
                    id,
                    f.hub(),
                    "Only the lead practitioner or the hub lead can record this");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new ValidationException(
                    Map.of("reason", new Message("referrals.problem.reason.say-who-withdrew-consent-what")));
        }
        if (!families.restrictFamily(id, version)) {
            throw new ChangedBySomeoneElseException(new Message("referrals.changed.family-s-record"));
        }
        Instant now = clock.instant();
        families.withdrawConsents(id, user.displayName(), reason.strip(), now);
        // What the family said stays with the consent, where erasure reaches it; never in the trail.
        audit.record(
                AuditAction.WITHDRAW_CONSENT, "family", id.toString(), f.hub(), null, "reason kept with the consent");
    }

    /**
     * Everything held about a family, readable, for a subject access request: administrators
     * only (information governance), with a reason; the export is audited.
     */
    @Transactional
    public String subjectAccess(FamilyId id, String reason) {
        currentUsers.requireAnyOf(Role.ADMIN);
        if (reason == null || reason.strip().length() < 10 || reason.length() > 1000) {
            throw new ValidationException(
                    Map.of("reason", new Message("referrals.problem.reason.give-request-s-reference-who")));
        }
        FamilyRow f = families.family(id).orElseThrow(() -> {
            access.unknown("family", id);
            return new ValidationException(Map.of("family", new Message("referrals.problem.family.no-family-has-id")));
        });
        refuseNames(reason, f, AuditAction.EXPORT_SUBJECT_ACCESS);
        audit.record(AuditAction.EXPORT_SUBJECT_ACCESS, "family", id.toString(), f.hub(), reason.strip(), null);
        // Read outside the relationship rules: the family's hub lead sees it, as for a break-glass read.
        families.insertBreakGlass(
                id, f.hub(), currentUsers.require(), "Subject access export: " + reason.strip(), clock.instant());
        return export.write(f, reason.strip(), clock.instant(), Families::entry);
    }

    /**
     * A reason kept in the audit trail, which is never erased, may not name the family's people or
     * give its address: the family's id is kept with it. The refusal tells whoever wrote the reason
     * that a word of it is in the record, before any read is recorded, so the refusal is recorded
     * (without the reason) in the trail and shown to the family's hub lead beside the reads: a string
     * of them is someone trying names and addresses against a family.
     */
    private void refuseNames(String reason, FamilyRow f, AuditAction action) {
        Reasons.naming(reason, f, families.members(f.id())).ifPresent(name -> {
            audit.refused(action, "family", f.id().toString(), f.hub(), "the reason named someone in the record");
            families.insertRefusedBreakGlass(f.id(), f.hub(), currentUsers.require(), clock.instant());
            throw new ValidationException(
                    Map.of("reason", new Message("referrals.problem.reason.names-someone", name)));
        });
    }

    private static TimelineEntry entry(TimelineRow r) {
        TimelineEntry e = phrase(r);
        return r.timeKnown() ? e : new TimelineEntry(e.at(), false, e.kind(), e.heading(), e.more(), e.by());
    }

    // A timeline row's columns a, b and c mean something different for each kind of entry, and
    // which of them a kind leaves empty is known here, not to NullAway.
    @NullUnmarked
    private static TimelineEntry phrase(TimelineRow r) {
        return switch (r.kind()) {
            case "request" ->
                new TimelineEntry(
                        r.at(),
                        r.kind(),
                        r.b() == null ? said("request", r.a()) : said("request-from-organisation", r.a(), r.b()),
                        areas(r.c()),
                        r.by());
            case "safeguarding" -> new TimelineEntry(r.at(), r.kind(), said("safeguarding", r.a()), null, r.by());
            case "concern-check", "step-up-check" ->
                new TimelineEntry(r.at(), r.kind(), said(r.kind()), text(r.a()), r.by());
            case "step-down" -> new TimelineEntry(r.at(), r.kind(), said("step-down"), areas(r.c()), r.by());
            case "decision" ->
                new TimelineEntry(
                        r.at(), r.kind(), said("decision", said("outcome." + slug(r.a())), r.b()), text(r.c()), r.by());
            case "allocation" ->
                new TimelineEntry(
                        r.at(),
                        r.kind(),
                        r.b() == null ? said("allocation", r.a()) : said("allocation-organisation", r.a(), r.b()),
                        said("assessment-due", day(r.c())),
                        r.by());
            case "assessment" -> new TimelineEntry(r.at(), r.kind(), said("assessment"), areas(r.a()), r.by());
            case "review" -> new TimelineEntry(r.at(), r.kind(), said("review"), text(r.a()), r.by());
            case "contact" ->
                new TimelineEntry(
                        r.at(),
                        r.kind(),
                        r.c() == null
                                ? said("contact." + slug(r.a()))
                                : said("contact-child-seen", said("contact." + slug(r.a()))),
                        r.c() == null || r.c().isBlank() ? text(r.b()) : said("contact-child-said", r.b(), r.c()),
                        r.by());
            case "step-up" -> new TimelineEntry(r.at(), r.kind(), said("step-up"), null, null);
            case "plan-outcome" ->
                new TimelineEntry(
                        r.at(), r.kind(), said("plan-outcome", said("area." + slug(r.a()))), text(r.b()), r.by());
            case "plan-action" ->
                new TimelineEntry(
                        r.at(),
                        r.kind(),
                        said("plan-action"),
                        said("plan-action-detail", r.a(), r.b(), day(r.c())),
                        r.by());
            case "action-status" ->
                new TimelineEntry(
                        r.at(),
                        r.kind(),
                        said("action-status", said("action-status." + slug(r.b()))),
                        text(r.a()),
                        r.by());
            case "closure" ->
                new TimelineEntry(
                        r.at(),
                        r.kind(),
                        said("closure", said("closure." + slug(r.a()))),
                        r.c() == null ? text(r.b()) : said("closure-follow-ups", r.b(), followUps(r.c())),
                        r.by());
            case "consent" ->
                new TimelineEntry(
                        r.at(),
                        r.kind(),
                        said("consent", r.a(), said("consent-method." + slug(r.b()))),
                        said("consent-share-with", r.c()),
                        r.by());
            case "consent-withdrawn" ->
                new TimelineEntry(r.at(), r.kind(), said("consent-withdrawn"), text(r.b()), r.by());
            case "feedback" ->
                new TimelineEntry(
                        r.at(),
                        r.kind(),
                        said(
                                "feedback" + (r.a() == null ? "" : "-rated") + (r.c() == null ? "" : "-alert"),
                                r.a() == null ? "" : r.a()),
                        text(r.b()),
                        r.by() == null ? null : r.by() + " (named)");
            case "follow-up" -> new TimelineEntry(r.at(), r.kind(), said("follow-up", r.a()), text(r.b()), r.by());
            default -> new TimelineEntry(r.at(), r.kind(), text(r.kind()), text(r.a()), r.by());
        };
    }

    /** The timeline's words, from the translation files ({@code referrals.timeline.*}). */
    private static Message said(String key, Object... values) {
        return new Message("referrals.timeline." + key, values);
    }

    /** What a person wrote, as it is. */
    private static @Nullable Message text(@Nullable String written) {
        return written == null ? null : new Message("referrals.timeline.text", written);
    }

    /** "3:2027-03-02,6:2027-06-02" as "3 months, 2 Mar 2027; 6 months, 2 Mar 2027", each in the files' words. */
    private static List<Message> followUps(String due) {
        return Arrays.stream(due.split(","))
                .map(d -> d.split(":"))
                .map(d -> said("follow-up-due", d[0], day(d[1])))
                .toList();
    }

    private static String day(String isoDate) {
        return LocalDate.parse(isoDate).format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK));
    }

    private static @Nullable Message areas(String codes) {
        if (codes == null || codes.isBlank()) {
            return null;
        }
        return said(
                "needs",
                Arrays.stream(codes.split(","))
                        .map(c -> said("area." + slug(c)))
                        .toList());
    }

    private static String slug(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
