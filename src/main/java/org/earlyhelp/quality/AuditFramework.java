package org.earlyhelp.quality;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.quality.internal.FrameworkRepository;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.security.CurrentUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The standards the partnership agrees for its case file audits: domains (the child's lived
 * experience, timeliness, the plan...), each with a question and what each of the four grades
 * looks like. Administrators publish a new version; a published version never changes, so an
 * audit keeps the version it used. Everyone who works with families reads them.
 */
@Service
public class AuditFramework {

    /** At most this many domains in a version. */
    public static final int MOST_DOMAINS = 12;

    static final int NAME_LENGTH = 100;
    static final int TEXT_LENGTH = 1000;

    /** One domain of the framework, with its question and the four grades' descriptors. */
    public record Domain(
            String name,
            String question,
            String outstanding,
            String good,
            String requiresImprovement,
            String inadequate) {}

    /** A domain as an administrator writes it, before it is checked. */
    public record DomainDraft(
            @Nullable String name,
            @Nullable String question,
            @Nullable String outstanding,
            @Nullable String good,
            @Nullable String requiresImprovement,
            @Nullable String inadequate) {

        static DomainDraft of(Domain d) {
            return new DomainDraft(
                    d.name(), d.question(), d.outstanding(), d.good(), d.requiresImprovement(), d.inadequate());
        }
    }

    /** A published version of the framework. */
    public record Version(int number, String note, String publishedBy, Instant publishedAt, List<Domain> domains) {

        /** The version's domains as drafts: where a new version starts from. */
        public List<DomainDraft> drafts() {
            return domains.stream().map(DomainDraft::of).toList();
        }
    }

    private final FrameworkRepository repository;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final Clock clock;

    AuditFramework(FrameworkRepository repository, CurrentUsers currentUsers, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.clock = clock;
    }

    /** The version in use: the latest published. Staff who work with families, and administrators. */
    @Transactional(readOnly = true)
    public Optional<Version> current() {
        reader();
        return repository.latest().flatMap(repository::version);
    }

    /** One published version, as it was published. */
    @Transactional(readOnly = true)
    public Optional<Version> version(int number) {
        reader();
        return repository.version(number);
    }

    /** Every published version's number, the latest first. */
    @Transactional(readOnly = true)
    public List<Integer> versions() {
        reader();
        return repository.numbers();
    }

    /**
     * Publishes a new version (administrators). {@code after} is the version the administrator
     * started from (0 when there was none): if someone published since, nothing is saved and they
     * are told. Every domain needs a name (unique), a question and the four descriptors.
     */
    @Transactional
    public int publish(List<DomainDraft> domains, @Nullable String note, int after) {
        CurrentUser user = currentUsers.requireAnyOf(Role.ADMIN);
        Map<String, Message> problems = new LinkedHashMap<>();
        if (domains.isEmpty()) {
            problems.put("domains", new Message("quality.problem.no-domains"));
        } else if (domains.size() > MOST_DOMAINS) {
            problems.put("domains", new Message("quality.problem.too-many-domains", MOST_DOMAINS));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < domains.size(); i++) {
            DomainDraft d = domains.get(i);
            String at = "domains." + i + ".";
            if (text(d.name(), NAME_LENGTH, at + "name", problems)
                    && !names.add(requireNonNull(d.name()).strip().toLowerCase(Locale.ROOT))) {
                problems.put(at + "name", new Message("quality.problem.same-name"));
            }
            text(d.question(), TEXT_LENGTH, at + "question", problems);
            text(d.outstanding(), TEXT_LENGTH, at + "outstanding", problems);
            text(d.good(), TEXT_LENGTH, at + "good", problems);
            text(d.requiresImprovement(), TEXT_LENGTH, at + "requiresImprovement", problems);
            text(d.inadequate(), TEXT_LENGTH, at + "inadequate", problems);
        }
        text(note, TEXT_LENGTH, "note", problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        int latest = repository.latest().orElse(0);
        if (latest != after) {
            throw new ChangedBySomeoneElseException(new Message("quality.changed.framework"));
        }
        int number = latest + 1;
        List<Domain> checked = new ArrayList<>();
        for (DomainDraft d : domains) {
            checked.add(new Domain(
                    strip(d.name()),
                    strip(d.question()),
                    strip(d.outstanding()),
                    strip(d.good()),
                    strip(d.requiresImprovement()),
                    strip(d.inadequate())));
        }
        // The primary key holds if two administrators publish at once: the second fails, nothing half-saved.
        repository.insert(new Version(number, strip(note), user.displayName(), clock.instant(), checked));
        audit.record(
                AuditAction.PUBLISH_FRAMEWORK,
                "audit-framework",
                String.valueOf(number),
                null,
                null,
                checked.size() + " domains");
        return number;
    }

    private void reader() {
        currentUsers.requireAnyOf(Role.PRACTITIONER, Role.HUB_LEAD, Role.ADMIN);
    }

    /** Whether the text is there and short enough; if not, says so under the field's key. */
    private static boolean text(@Nullable String value, int most, String field, Map<String, Message> problems) {
        if (value == null || value.strip().length() < 2) {
            problems.put(field, new Message("quality.problem.write-" + field.replaceAll("^domains\\.\\d+\\.", "")));
            return false;
        }
        if (value.length() > most) {
            problems.put(field, new Message("quality.problem.too-long", most));
            return false;
        }
        return true;
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
