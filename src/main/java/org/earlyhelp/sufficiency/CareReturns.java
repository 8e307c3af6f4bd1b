package org.earlyhelp.sufficiency;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.Csv;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.work.BackgroundWork;
import org.earlyhelp.sufficiency.internal.Returns;
import org.earlyhelp.sufficiency.internal.ReturnsRepository;
import org.earlyhelp.sufficiency.internal.Rules;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports SSDA903 returns (CSV tables or XML, one year or several): checks them, merges the
 * years (a later year's report of an episode replaces the earlier), and saves them all or
 * nothing. Commissioners and administrators.
 */
@Service
public class CareReturns {

    private final ReturnsRepository returns;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final Clock clock;
    private final double keepShare;

    CareReturns(
            ReturnsRepository returns,
            CurrentUsers currentUsers,
            AuditTrail audit,
            Clock clock,
            @Value("${earlyhelp.sufficiency.replace-keeps-at-least:0.5}") double keepShare) {
        this.keepShare = keepShare;
        this.returns = returns;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks an upload without saving anything: what is wrong with it, and, when it could replace
     * the returns held, what that would change.
     */
    @Transactional(readOnly = true)
    public ImportReport903 check(Map<String, byte[]> files) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        return report(Returns.read(files), false);
    }

    /**
     * The problems of an upload with each child's id, for the data team who put the records right:
     * commissioners and administrators only, with a reason of at least 10 characters, recorded in
     * the audit log with how many problems and children. The CSV the page offers without a reason
     * leaves the ids out.
     *
     * @param headers the columns' names as the page shows them: kind, rule, DfE rule, child, file,
     *     line, message
     * @throws ValidationException naming {@code reason} when none worth the name is given
     */
    @Transactional
    public String problemsWithChildIds(
            List<Problem> problems,
            String reason,
            List<String> headers,
            String error,
            String warning,
            Function<Message, String> say) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        String why = reason.strip();
        if (why.length() < 10 || why.length() > 500) {
            throw new ValidationException(
                    Map.of("reason", new Message("sufficiency.problem.reason.say-10-500-characters-why")));
        }
        if (headers.size() != 7) {
            throw new IllegalArgumentException("The problems have 7 columns.");
        }
        StringBuilder csv = new StringBuilder(Csv.line(new ArrayList<>(headers)));
        Set<String> children = new HashSet<>();
        for (Problem p : problems) {
            if (!p.child().isBlank()) {
                children.add(p.child());
            }
            csv.append(Csv.line(Arrays.asList(
                    p.error() ? error : warning,
                    p.rule(),
                    p.dfeRulesText(),
                    p.child(),
                    p.file(),
                    Long.toString(p.line()),
                    say.apply(p.said()))));
        }
        audit.record(
                AuditAction.EXPORT,
                "ssda903-problems-with-child-ids",
                problems.stream().map(Problem::file).distinct().sorted().collect(Collectors.joining(", ")),
                null,
                why,
                problems.size() + " problems, " + children.size() + " children");
        return csv.toString();
    }

    /** Imports without the second confirmation: refused when it would leave much less than is held. */
    @Transactional
    public ImportReport903 importFiles(Map<String, byte[]> files) {
        return importFiles(files, false);
    }

    /**
     * Checks an upload and, when nothing stops it, replaces the children and episodes held with
     * it (all years merged). Nothing changes when any file is not part of a return, when there is
     * no year's header and episodes, when anything is wrong, or when it would leave much less than
     * is held ({@link ImportReport903.Change#large()}) unless {@code confirmedLarge}.
     */
    @Transactional
    public ImportReport903 importFiles(Map<String, byte[]> files, boolean confirmedLarge) {
        return importFiles(files, confirmedLarge, fraction -> {});
    }

    /**
     * As {@link #importFiles(Map, boolean)}, saying how far it has got: reading and checking the
     * files is the first fifth, saving the children the next tenth, saving the episodes the rest.
     */
    @Transactional
    public ImportReport903 importFiles(
            Map<String, byte[]> files, boolean confirmedLarge, BackgroundWork.Progress progress) {
        CurrentUser user = currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        Returns.Read read = Returns.read(files);
        progress.done(0.1);
        ImportReport903 checked = report(read, false);
        progress.done(0.2);
        if (!checked.replaceable()) {
            return checked;
        }
        if (requireNonNull(checked.change()).large() && !confirmedLarge) {
            return new ImportReport903(
                    false,
                    checked.children(),
                    checked.episodes(),
                    checked.episodesAfterMerging(),
                    checked.problems(),
                    checked.otherTables(),
                    checked.notes(),
                    checked.change(),
                    true);
        }
        Map<String, Returns.HeaderRow> children = new LinkedHashMap<>();
        read.headers().forEach(h -> children.putIfAbsent(h.child(), h));
        returns.replaceChildren(children.values());
        Map<String, List<Returns.EpisodeRow>> byChild = new HashMap<>();
        read.episodes()
                .forEach(e -> byChild.computeIfAbsent(e.child(), k -> new ArrayList<>())
                        .add(e));
        progress.done(0.3);
        int saved = 0;
        int childrenSaved = 0;
        for (List<Returns.EpisodeRow> episodes : byChild.values()) {
            progress.done(0.3 + 0.7 * childrenSaved++ / Math.max(1, byChild.size()));
            for (Returns.EpisodeRow e : Rules.merge(episodes)) {
                returns.insertEpisode(e);
                saved++;
            }
        }
        returns.recordImport(files.keySet(), children.size(), saved, user.username(), clock.instant());
        audit.record(
                AuditAction.IMPORT,
                "ssda903",
                String.join(", ", files.keySet()),
                null,
                null,
                children.size() + " children, " + saved + " episodes");
        return new ImportReport903(
                true,
                children.size(),
                read.episodes().size(),
                saved,
                checked.problems(),
                read.otherTables(),
                checked.notes(),
                checked.change(),
                false);
    }

    private ImportReport903 report(Returns.Read read, boolean saved) {
        LocalDate today = WorkingCalendar.today(clock);
        List<Problem> problems = new ArrayList<>();
        read.refused()
                .forEach((file, why) -> problems.add(new Problem(
                        "FILE",
                        true,
                        file,
                        0,
                        "",
                        new Message("sufficiency.returns.file.0-cannot-imported-1", file, why))));
        if (read.refused().isEmpty()
                && (read.headers().isEmpty() || read.episodes().isEmpty())) {
            problems.add(new Problem(
                    "FILE",
                    true,
                    "",
                    0,
                    "",
                    new Message(
                            read.headers().isEmpty()
                                    ? "sufficiency.returns.file.no-header"
                                    : "sufficiency.returns.file.no-episodes")));
        }
        List<Problem> checked = Rules.check(read, today);
        problems.addAll(whole(read, checked));
        problems.addAll(checked);
        Map<String, List<Returns.EpisodeRow>> byChild = new HashMap<>();
        read.episodes()
                .forEach(e -> byChild.computeIfAbsent(e.child(), k -> new ArrayList<>())
                        .add(e));
        int merged =
                byChild.values().stream().mapToInt(l -> Rules.merge(l).size()).sum();
        long distinct =
                read.headers().stream().map(Returns.HeaderRow::child).distinct().count();
        boolean errors = problems.stream().anyMatch(Problem::error);
        ImportReport903.Change change = errors ? null : change(byChild, today);
        List<Message> notes = new ArrayList<>(read.notes());
        Set<String> councils = new TreeSet<>();
        read.councils().values().forEach(councils::addAll);
        if (councils.size() == 1) {
            notes.add(new Message(
                    "sufficiency.returns.one-council", councils.iterator().next()));
        }
        return new ImportReport903(
                saved,
                (int) distinct,
                read.episodes().size(),
                merged,
                problems,
                read.otherTables(),
                notes,
                change,
                false);
    }

    /**
     * What is wrong with the upload as a whole, each in one sentence ahead of the rows it explains:
     * several councils' returns in one upload, a year's episodes without that year's header, a
     * file holding more than one year's return.
     */
    static List<Problem> whole(Returns.Read read, List<Problem> rows) {
        List<Problem> out = new ArrayList<>();
        Set<String> councils = new TreeSet<>();
        read.councils().values().forEach(councils::addAll);
        councils.remove("");
        if (councils.size() > 1) {
            out.add(new Problem(
                    "FILE",
                    true,
                    String.join(", ", read.councils().keySet()),
                    0,
                    "",
                    new Message(
                            "sufficiency.returns.file.upload-holds-returns-0-councils",
                            councils.size(),
                            String.join(", ", councils))));
        }
        Map<Integer, String> episodeYears = new TreeMap<>();
        Set<Integer> headerYears = new HashSet<>();
        read.tables().forEach((file, table) -> {
            int year = Returns.yearOf(file);
            if (table.equals("episodes")) {
                episodeYears.merge(year, file, (a, b) -> a + ", " + b);
            } else if (table.equals("header")) {
                headerYears.add(year);
            }
        });
        if (!headerYears.isEmpty()) {
            episodeYears.forEach((year, file) -> {
                if (year > 0 && !headerYears.contains(year) && !headerYears.contains(0)) {
                    out.add(new Problem(
                            "FILE",
                            true,
                            file,
                            0,
                            "",
                            new Message(
                                    "sufficiency.returns.file.0-header-file-missing-there", year, file, year, year)));
                }
            });
        }
        Map<String, Long> repeated = new TreeMap<>();
        rows.stream().filter(p -> p.rule().equals("E22")).forEach(p -> repeated.merge(p.file(), 1L, Long::sum));
        repeated.forEach((file, count) -> out.add(new Problem(
                "FILE",
                true,
                file,
                0,
                "",
                new Message("sufficiency.returns.file.0-seems-hold-more-than", file, count))));
        return out;
    }

    /** The returns held now and after this upload, counted the same way: in care today, episodes, years. */
    private ImportReport903.Change change(Map<String, List<Returns.EpisodeRow>> byChild, LocalDate today) {
        List<Span> held = returns.held().stream()
                .map(h -> new Span(h.child(), h.started(), h.ended(), h.year()))
                .toList();
        List<Span> after = new ArrayList<>();
        byChild.values()
                .forEach(episodes -> Rules.merge(episodes)
                        .forEach(e -> after.add(new Span(
                                e.child(), requireNonNull(Returns.date(e.decom())), Returns.date(e.dec()), e.year()))));
        ImportReport903.Figures now = figures(held, today);
        ImportReport903.Figures then = figures(after, today);
        boolean large = (now.inCareToday() > 0 && then.inCareToday() < keepShare * now.inCareToday())
                || (now.episodes() > 0 && then.episodes() < keepShare * now.episodes());
        return new ImportReport903.Change(now, then, large);
    }

    private record Span(
            String child, LocalDate started, @Nullable LocalDate ended, int year) {}

    private static ImportReport903.Figures figures(List<Span> episodes, LocalDate today) {
        long inCare = episodes.stream()
                .filter(e -> e.started() != null
                        && !e.started().isAfter(today)
                        && (e.ended() == null || e.ended().isAfter(today)))
                .map(Span::child)
                .distinct()
                .count();
        List<Integer> years = episodes.stream()
                .map(Span::year)
                .filter(y -> y > 0)
                .distinct()
                .sorted()
                .toList();
        return new ImportReport903.Figures((int) inCare, episodes.size(), years);
    }
}
