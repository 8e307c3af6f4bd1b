package org.earlyhelp.voice;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.voice.EngagementChecks.Flags;
import org.earlyhelp.voice.EngagementChecks.Term;
import org.earlyhelp.voice.internal.EngagementRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One timetable of engagement: schools, health, the voluntary sector and the council plan their
 * consultations with children and young people in one place, and see clashes and groups asked
 * too often before anyone is asked. Staff who work with families and administrators plan and
 * read it; it names groups, never a child.
 */
@Service
public class Engagements {

    static final int LONGEST_DAYS = 366;

    private final EngagementRepository repository;
    private final HubDirectory hubs;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final Clock clock;
    private final int mostPerTerm;

    Engagements(
            EngagementRepository repository,
            HubDirectory hubs,
            CurrentUsers currentUsers,
            AuditTrail audit,
            Clock clock,
            @Value("${earlyhelp.voice.engagements-per-term:2}") int mostPerTerm) {
        this.repository = repository;
        this.hubs = hubs;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.clock = clock;
        this.mostPerTerm = mostPerTerm;
    }

    /** A consultation as a partner plans it, before it is checked. */
    public record Draft(
            @Nullable String topic,
            @Nullable Integer youngest,
            @Nullable Integer oldest,
            @Nullable HubId hub,
            @Nullable String audience,
            @Nullable EngagementMethod method,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn,
            @Nullable String organisation) {}

    /** An engagement on the timetable with what is flagged on it. */
    public record Planned(Engagement engagement, Flags flags) {}

    /** How many engagements with one group in a term are enough: more is flagged. */
    public int mostPerTerm() {
        requirePartner();
        return mostPerTerm;
    }

    /**
     * The engagements that run on any day from {@code from} to {@code to}, soonest first, each with
     * the engagements it clashes with and how often its group is asked in its term.
     */
    @Transactional(readOnly = true)
    public List<Planned> timetable(LocalDate from, LocalDate to) {
        requirePartner();
        // Everything that could overlap the window or one shown in it (none is longer than a year),
        // in whole terms, so that each group's count in a term is complete.
        LocalDate first = Term.of(from.minusDays(LONGEST_DAYS)).start();
        LocalDate last = Term.of(to.plusDays(LONGEST_DAYS)).end();
        List<Engagement> around = repository.overlapping(first, last);
        Map<UUID, Flags> flags = EngagementChecks.flags(around, mostPerTerm);
        return around.stream()
                .filter(e -> !e.startsOn().isAfter(to) && !e.endsOn().isBefore(from))
                .map(e -> new Planned(e, requireNonNull(flags.get(e.id()))))
                .toList();
    }

    /** Puts a consultation on the timetable. Nothing is saved unless every field is right. */
    @Transactional
    public UUID plan(Draft d) {
        CurrentUser user = requirePartner();
        Map<String, Message> problems = new LinkedHashMap<>();
        text(d.topic(), "topic", problems);
        text(d.audience(), "audience", problems);
        text(d.organisation(), "organisation", problems);
        if (d.youngest() == null || d.youngest() < 0 || d.youngest() > 25) {
            problems.put("youngest", new Message("voice.engagement.problem.age"));
        }
        if (d.oldest() == null || d.oldest() < 0 || d.oldest() > 25) {
            problems.put("oldest", new Message("voice.engagement.problem.age"));
        } else if (d.youngest() != null && d.oldest() < d.youngest()) {
            problems.put("oldest", new Message("voice.engagement.problem.oldest-below-youngest"));
        }
        if (d.hub() != null && hubs.hub(d.hub()).isEmpty()) {
            problems.put("hub", new Message("voice.engagement.problem.hub"));
        }
        if (d.method() == null) {
            problems.put("method", new Message("voice.engagement.problem.method"));
        }
        LocalDate today = WorkingCalendar.today(clock);
        if (d.startsOn() == null) {
            problems.put("startsOn", new Message("voice.engagement.problem.starts-on"));
        } else if (d.startsOn().isBefore(today)) {
            problems.put("startsOn", new Message("voice.engagement.problem.starts-on-past"));
        }
        if (d.endsOn() == null) {
            problems.put("endsOn", new Message("voice.engagement.problem.ends-on"));
        } else if (d.startsOn() != null && d.endsOn().isBefore(d.startsOn())) {
            problems.put("endsOn", new Message("voice.engagement.problem.ends-before-start"));
        } else if (d.startsOn() != null && d.endsOn().isAfter(d.startsOn().plusDays(LONGEST_DAYS))) {
            problems.put("endsOn", new Message("voice.engagement.problem.too-long"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Engagement e = new Engagement(
                UUID.randomUUID(),
                requireNonNull(d.topic()).strip(),
                requireNonNull(d.youngest()),
                requireNonNull(d.oldest()),
                d.hub(),
                requireNonNull(d.audience()).strip(),
                requireNonNull(d.method()),
                requireNonNull(d.startsOn()),
                requireNonNull(d.endsOn()),
                requireNonNull(d.organisation()).strip(),
                user.displayName(),
                user.username(),
                clock.instant());
        repository.insert(e);
        audit.record(AuditAction.PLAN_ENGAGEMENT, "engagement", e.id().toString(), e.hub(), null, e.topic());
        return e.id();
    }

    /** Takes a consultation off the timetable: whoever planned it, or an administrator. Audited. */
    @Transactional
    public void remove(UUID id) {
        CurrentUser user = requirePartner();
        Optional<Engagement> found = repository.find(id);
        if (found.isEmpty()) {
            return;
        }
        Engagement e = found.get();
        if (!user.has(Role.ADMIN) && !e.plannedByUser().equals(user.username())) {
            audit.refused(AuditAction.REMOVE_ENGAGEMENT, "engagement", id.toString(), e.hub(), null);
            throw new AccessDeniedException("Only whoever planned it, or an administrator, can take it off");
        }
        repository.delete(id);
        audit.record(AuditAction.REMOVE_ENGAGEMENT, "engagement", id.toString(), e.hub(), null, e.topic());
    }

    private CurrentUser requirePartner() {
        return currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD, Role.ADMIN);
    }

    private static void text(@Nullable String value, String field, Map<String, Message> problems) {
        if (value == null || value.strip().length() < 2) {
            problems.put(field, new Message("voice.engagement.problem." + field));
        } else if (value.length() > 200) {
            problems.put(field, new Message("voice.engagement.problem.too-many-characters", 200));
        }
    }
}
