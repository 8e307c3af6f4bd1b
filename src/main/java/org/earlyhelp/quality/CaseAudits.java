package org.earlyhelp.quality;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.quality.AuditChecks.ActionDraft;
import org.earlyhelp.quality.AuditChecks.GradeDraft;
import org.earlyhelp.quality.AuditChecks.ModerationDraft;
import org.earlyhelp.quality.CaseAudit.Action;
import org.earlyhelp.quality.CaseAudit.DomainGrade;
import org.earlyhelp.quality.internal.CaseAuditRepository;
import org.earlyhelp.quality.internal.FrameworkRepository;
import org.earlyhelp.referrals.CaseForAudit;
import org.earlyhelp.referrals.CasesForAudit;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case file audits across the partnership. Each month an administrator draws a sample of each
 * hub's cases ({@link SampleDraw}); each drawn case goes to an auditor from an organisation other
 * than its lead's, who reads that case only, until the audit is due and a few days more, and
 * grades each domain of the framework in use with evidence and actions; the lead practitioner
 * adds their reflection; the lead of another hub moderates. Everyone sees what concerns them:
 *
 * <ul>
 *   <li>an audit, with its evidence: its auditor, its case's lead, its moderator and its hub's lead
 *       (each read audited; anyone else is refused, audited);
 *   <li>a month's list (no evidence): administrators all of it, hub leads their hubs' audits and
 *       those they moderate, practitioners those they audit or lead.
 * </ul>
 */
@Service
public class CaseAudits {

    private final CaseAuditRepository audits;
    private final FrameworkRepository frameworks;
    private final CasesForAudit cases;
    private final HubDirectory hubs;
    private final HubTeams teams;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final Clock clock;
    private final int sampleSize;
    private final int auditDays;
    private final int stageDays;
    private final int readGraceDays;

    CaseAudits(
            CaseAuditRepository audits,
            FrameworkRepository frameworks,
            CasesForAudit cases,
            HubDirectory hubs,
            HubTeams teams,
            CurrentUsers currentUsers,
            AuditTrail audit,
            Clock clock,
            @Value("${earlyhelp.quality.sample-size:3}") int sampleSize,
            @Value("${earlyhelp.quality.audit-days:20}") int auditDays,
            @Value("${earlyhelp.quality.stage-days:10}") int stageDays,
            @Value("${earlyhelp.quality.read-grace-days:7}") int readGraceDays) {
        this.audits = audits;
        this.frameworks = frameworks;
        this.cases = cases;
        this.hubs = hubs;
        this.teams = teams;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.clock = clock;
        this.sampleSize = sampleSize;
        this.auditDays = auditDays;
        this.stageDays = stageDays;
        this.readGraceDays = readGraceDays;
    }

    /** How a hub's sample came out. */
    public record HubSample(HubId hub, int eligible, int drawn, int passedOver, boolean alreadyDrawn) {}

    /** How many cases each hub's sample draws. */
    public int sampleSize() {
        return sampleSize;
    }

    /**
     * Draws the month's sample for every hub not yet drawn (administrators): the same cases and
     * people give the same sample. A month not yet begun cannot be drawn, nor any month before a
     * framework is published.
     */
    @Transactional
    public List<HubSample> draw(YearMonth month) {
        CurrentUser user = currentUsers.requireAnyOf(Role.ADMIN);
        LocalDate today = WorkingCalendar.today(clock);
        if (month.isAfter(YearMonth.from(today))) {
            throw new ValidationException(Map.of("month", new Message("quality.audit.problem.future-month")));
        }
        int version = frameworks
                .latest()
                .orElseThrow(() ->
                        new ValidationException(Map.of("month", new Message("quality.audit.problem.no-framework"))));
        List<Hub> all = hubs.hubs();
        Map<HubId, List<HubMember>> members = new LinkedHashMap<>();
        all.forEach(h -> members.put(h.id(), teams.team(h.id())));
        Map<String, String> organisationOf = new LinkedHashMap<>();
        Map<String, SampleDraw.Person> practitioners = new LinkedHashMap<>();
        members.values().stream().flatMap(List::stream).forEach(m -> {
            organisationOf.putIfAbsent(m.username(), m.organisation().value());
            if (!m.hubLead() && m.capacity() > 0) {
                practitioners.putIfAbsent(m.username(), person(m));
            }
        });
        Map<String, Integer> load = new LinkedHashMap<>(audits.load(month));
        LocalDate due = today.plusDays(auditDays);
        Instant readUntil = due.plusDays(readGraceDays + 1L)
                .atStartOfDay(WorkingCalendar.LONDON)
                .toInstant();
        List<HubSample> result = new ArrayList<>();
        for (Hub hub : all) {
            if (audits.sampleDrawn(hub.id(), month)) {
                result.add(new HubSample(hub.id(), 0, 0, 0, true));
                continue;
            }
            List<CaseForAudit> candidates = cases.inMonth(hub.id(), month);
            List<SampleDraw.Person> moderators = new ArrayList<>();
            members.forEach((h, team) -> team.stream()
                    .filter(m -> !h.equals(hub.id()) && m.hubLead())
                    .filter(m -> members.getOrDefault(hub.id(), List.of()).stream()
                            .noneMatch(own -> own.hubLead() && own.username().equals(m.username())))
                    .filter(m -> moderators.stream().noneMatch(p -> p.username().equals(m.username())))
                    .forEach(m -> moderators.add(person(m))));
            SampleDraw.Result drawn = SampleDraw.draw(
                    hub.id(),
                    month,
                    sampleSize,
                    candidates,
                    organisationOf,
                    List.copyOf(practitioners.values()),
                    moderators,
                    load);
            if (!audits.insertSample(
                    hub.id(),
                    month,
                    drawn.drawn().size(),
                    candidates.size(),
                    drawn.passedOver(),
                    user.username(),
                    clock.instant())) {
                result.add(new HubSample(hub.id(), 0, 0, 0, true));
                continue;
            }
            for (SampleDraw.Drawn d : drawn.drawn()) {
                audits.insertAudit(UUID.randomUUID(), hub.id(), month, version, d, due, readUntil);
            }
            audit.record(
                    AuditAction.DRAW_SAMPLE,
                    "audit-sample",
                    hub.id().value() + "/" + month,
                    hub.id(),
                    null,
                    drawn.drawn().size() + " of " + candidates.size() + " cases");
            result.add(new HubSample(hub.id(), candidates.size(), drawn.drawn().size(), drawn.passedOver(), false));
        }
        return result;
    }

    private static SampleDraw.Person person(HubMember m) {
        return new SampleDraw.Person(
                m.username(), m.displayName(), m.organisation().value(), m.organisationName());
    }

    /**
     * A month's audits without their evidence: all of them for administrators, a hub lead's hubs'
     * and those they moderate, a practitioner's own as auditor or lead.
     */
    @Transactional(readOnly = true)
    public List<CaseAudit> month(YearMonth month) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD, Role.ADMIN);
        return audits.ofMonth(month).stream()
                .filter(a -> user.has(Role.ADMIN) || concerns(user, a))
                .toList();
    }

    /** One audit with its grades, evidence and actions, for those it concerns. Audited. */
    @Transactional
    public CaseAudit audit(UUID id) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD, Role.ADMIN);
        CaseAudit found = find(id);
        if (!concerns(user, found)) {
            audit.refused(AuditAction.VIEW, "case-audit", id.toString(), found.hub(), null);
            throw new AccessDeniedException("This audit is not yours to read");
        }
        audit.record(AuditAction.VIEW, "case-audit", id.toString(), found.hub(), null, "case " + found.caseId());
        return found;
    }

    /** Who may own the audit's actions: the lead practitioner and the hub's leads, by user name. */
    @Transactional(readOnly = true)
    public Map<String, String> actionOwners(UUID id) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD, Role.ADMIN);
        CaseAudit found = find(id);
        if (!concerns(user, found)) {
            throw refused(AuditAction.VIEW, found, "This audit is not yours to read");
        }
        return owners(found);
    }

    private Map<String, String> owners(CaseAudit a) {
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put(a.lead(), a.leadName());
        teams.hubLeads(a.hub()).forEach(m -> owners.putIfAbsent(m.username(), m.displayName()));
        return owners;
    }

    /**
     * The auditor grades every domain of the audit's framework version with evidence, and sets
     * the actions. Only the audit's auditor, while it waits for them; their read of the case ends.
     */
    @Transactional
    public void grade(UUID id, int version, List<GradeDraft> grades, List<ActionDraft> actions) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        CaseAudit a = find(id);
        if (!a.auditor().equals(user.username())) {
            throw refused(AuditAction.GRADE_CASE, a, "Only the audit's auditor can grade it");
        }
        requireStage(a, AuditStage.AUDIT, version);
        List<AuditFramework.Domain> domains =
                frameworks.version(a.frameworkVersion()).orElseThrow().domains();
        Map<String, String> owners = owners(a);
        LocalDate today = WorkingCalendar.today(clock);
        Map<String, Message> problems = AuditChecks.grading(domains.size(), grades, actions, owners.keySet(), today);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (!audits.advance(id, version, AuditStage.AUDIT, AuditStage.REFLECTION, today.plusDays(stageDays))) {
            throw changed();
        }
        List<DomainGrade> graded = new ArrayList<>();
        for (int i = 0; i < domains.size(); i++) {
            graded.add(new DomainGrade(
                    domains.get(i).name(),
                    requireNonNull(grades.get(i).grade()),
                    requireNonNull(grades.get(i).evidence()).strip(),
                    null,
                    null));
        }
        List<Action> made = actions.stream()
                .map(d -> new Action(
                        UUID.randomUUID(),
                        requireNonNull(d.action()).strip(),
                        requireNonNull(d.owner()),
                        requireNonNull(owners.get(d.owner())),
                        requireNonNull(d.dueOn()),
                        null,
                        0))
                .toList();
        audits.graded(id, graded, made, clock.instant());
        audit.record(AuditAction.GRADE_CASE, "case-audit", id.toString(), a.hub(), null, made.size() + " actions");
    }

    /** The lead practitioner's reflection on the audit. Only the case's lead, once graded. */
    @Transactional
    public void reflect(UUID id, int version, @Nullable String reflection) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        CaseAudit a = find(id);
        if (!a.lead().equals(user.username())) {
            throw refused(AuditAction.REFLECT, a, "Only the case's lead practitioner can reflect on its audit");
        }
        requireStage(a, AuditStage.REFLECTION, version);
        Map<String, Message> problems = AuditChecks.reflection(reflection);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        LocalDate today = WorkingCalendar.today(clock);
        if (!audits.advance(id, version, AuditStage.REFLECTION, AuditStage.MODERATION, today.plusDays(stageDays))) {
            throw changed();
        }
        audits.reflected(id, requireNonNull(reflection).strip(), clock.instant());
        audit.record(AuditAction.REFLECT, "case-audit", id.toString(), a.hub(), null, null);
    }

    /**
     * The moderator agrees each grade or changes it with a reason. Only the audit's moderator (a
     * lead of another hub), once the lead practitioner has reflected.
     */
    @Transactional
    public void moderate(UUID id, int version, List<ModerationDraft> grades, @Nullable String note) {
        CurrentUser user = currentUsers.requireAnyOf(Role.HUB_LEAD);
        CaseAudit a = find(id);
        if (!a.moderator().equals(user.username())) {
            throw refused(AuditAction.MODERATE, a, "Only the audit's moderator can moderate it");
        }
        requireStage(a, AuditStage.MODERATION, version);
        List<Grade> audited = a.grades().stream().map(DomainGrade::grade).toList();
        Map<String, Message> problems = AuditChecks.moderation(audited, grades, note);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        LocalDate today = WorkingCalendar.today(clock);
        if (!audits.advance(id, version, AuditStage.MODERATION, AuditStage.DONE, today)) {
            throw changed();
        }
        List<DomainGrade> moderated = new ArrayList<>();
        int changed = 0;
        for (int i = 0; i < audited.size(); i++) {
            Grade g = requireNonNull(grades.get(i).grade());
            boolean differs = g != audited.get(i);
            changed += differs ? 1 : 0;
            DomainGrade before = a.grades().get(i);
            moderated.add(new DomainGrade(
                    before.domain(),
                    before.grade(),
                    before.evidence(),
                    differs ? g : null,
                    differs ? requireNonNull(grades.get(i).reason()).strip() : null));
        }
        audits.moderated(id, moderated, note == null || note.isBlank() ? null : note.strip(), clock.instant());
        audit.record(AuditAction.MODERATE, "case-audit", id.toString(), a.hub(), null, changed + " grades changed");
    }

    /** Marks an audit's action done: its owner or a lead of the audit's hub. */
    @Transactional
    public void completeAction(UUID action, int version) {
        CurrentUser user = currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD);
        UUID auditId = audits.auditOfAction(action).orElseThrow(() -> unknown("audit-action", action));
        CaseAudit a = find(auditId);
        Optional<Action> found =
                a.actions().stream().filter(x -> x.id().equals(action)).findFirst();
        boolean allowed = found.isPresent() && (found.get().owner().equals(user.username()) || leads(user, a.hub()));
        if (!allowed) {
            throw refused(AuditAction.COMPLETE_ACTION, a, "Only the action's owner or the hub lead can do this");
        }
        if (!audits.actionDone(action, version, user.username(), clock.instant())) {
            throw changed();
        }
        audit.record(AuditAction.COMPLETE_ACTION, "case-audit", auditId.toString(), a.hub(), null, null);
    }

    private static boolean leads(CurrentUser user, HubId hub) {
        return user.has(Role.HUB_LEAD) && user.hubs().contains(hub);
    }

    /** Whether the audit is this person's to read: auditor, lead, moderator, the hub's lead. */
    static boolean concerns(CurrentUser user, CaseAudit a) {
        String u = user.username();
        return a.auditor().equals(u) || a.lead().equals(u) || a.moderator().equals(u) || leads(user, a.hub());
    }

    private CaseAudit find(UUID id) {
        return audits.find(id).orElseThrow(() -> unknown("case-audit", id));
    }

    private AccessDeniedException unknown(String type, UUID id) {
        audit.refused(AuditAction.VIEW, type, id.toString(), null, "no such record");
        return new AccessDeniedException("No such audit");
    }

    private AccessDeniedException refused(AuditAction action, CaseAudit a, String message) {
        audit.refused(action, "case-audit", a.id().toString(), a.hub(), null);
        return new AccessDeniedException(message);
    }

    private static void requireStage(CaseAudit a, AuditStage stage, int version) {
        if (a.stage() != stage || a.version() != version) {
            throw changed();
        }
    }

    private static ChangedBySomeoneElseException changed() {
        return new ChangedBySomeoneElseException(new Message("quality.changed.audit"));
    }
}
