package org.earlyhelp.sufficiency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.sufficiency.internal.Returns;
import org.earlyhelp.sufficiency.internal.Rules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports SSDA903 returns (CSV tables or XML, one year or several): checks them, merges the
 * years (a later year's report of an episode replaces the earlier), and saves them all or
 * nothing. Commissioners and administrators.
 */
@Service
public class CareReturns {

    private final JdbcClient jdbc;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final Clock clock;

    CareReturns(JdbcClient jdbc, CurrentUsers currentUsers, AuditTrail audit, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Checks an upload without saving anything. */
    @Transactional(readOnly = true)
    public ImportReport903 check(Map<String, byte[]> files) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        return report(Returns.read(files), false);
    }

    /**
     * Checks an upload and, when nothing stops it, replaces the children and episodes held with
     * it (all years merged). With any error nothing changes.
     */
    @Transactional
    public ImportReport903 importFiles(Map<String, byte[]> files) {
        CurrentUser user = currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        Returns.Read read = Returns.read(files);
        ImportReport903 checked = report(read, false);
        if (checked.errors() > 0) {
            return checked;
        }
        jdbc.sql("DELETE FROM sufficiency.episode").update();
        jdbc.sql("DELETE FROM sufficiency.child").update();
        Map<String, Returns.HeaderRow> children = new LinkedHashMap<>();
        read.headers().forEach(h -> children.putIfAbsent(h.child(), h));
        for (Returns.HeaderRow h : children.values()) {
            jdbc.sql("INSERT INTO sufficiency.child (child_id, sex, born_on, ethnicity) VALUES (?, ?, ?, ?)")
                    .params(
                            h.child(),
                            Returns.sex(h.sex()),
                            Returns.date(h.dob()),
                            h.ethnic().toUpperCase())
                    .update();
        }
        Map<String, List<Returns.EpisodeRow>> byChild = new HashMap<>();
        read.episodes()
                .forEach(e -> byChild.computeIfAbsent(e.child(), k -> new ArrayList<>())
                        .add(e));
        int saved = 0;
        for (List<Returns.EpisodeRow> episodes : byChild.values()) {
            for (Returns.EpisodeRow e : Rules.merge(episodes)) {
                jdbc.sql("""
                                INSERT INTO sufficiency.episode (child_id, started_on, reason_new, legal_status, need, placement,
                                  provider, ended_on, reason_ended, reason_place_change, home_postcode, placement_postcode, urn,
                                  return_year) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                e.child(),
                                Returns.date(e.decom()),
                                e.rne().toUpperCase(),
                                e.ls().toUpperCase(),
                                e.cin().toUpperCase(),
                                e.place().toUpperCase(),
                                blank(e.provider()),
                                Returns.date(e.dec()),
                                blank(e.rec()),
                                blank(e.reasonPlaceChange()),
                                blank(e.homePost()),
                                blank(e.plPost()),
                                blank(e.urn()),
                                e.year())
                        .update();
                saved++;
            }
        }
        jdbc.sql("""
                        INSERT INTO sufficiency.import_run (id, files, children, episodes, imported_by, imported_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        String.join(", ", files.keySet()),
                        children.size(),
                        saved,
                        user.username(),
                        Timestamp.from(clock.instant()))
                .update();
        audit.record(
                "import",
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
                read.notes());
    }

    private ImportReport903 report(Returns.Read read, boolean saved) {
        List<Problem> problems = Rules.check(read, LocalDate.now(clock.withZone(WorkingCalendar.LONDON)));
        Map<String, List<Returns.EpisodeRow>> byChild = new HashMap<>();
        read.episodes()
                .forEach(e -> byChild.computeIfAbsent(e.child(), k -> new ArrayList<>())
                        .add(e));
        int merged =
                byChild.values().stream().mapToInt(l -> Rules.merge(l).size()).sum();
        long distinct =
                read.headers().stream().map(Returns.HeaderRow::child).distinct().count();
        return new ImportReport903(
                saved, (int) distinct, read.episodes().size(), merged, problems, read.otherTables(), read.notes());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
