package org.earlyhelp.sufficiency;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.PlainText;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.sufficiency.internal.ContractRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracted beds: block contracts (paid for whether used or not), framework places and spot
 * purchases with a provider identified by its Ofsted URN, set against the council's children
 * placed there on a date (from the returns) to show occupancy, empty beds and what empty block
 * beds cost a week. Commissioners and administrators only.
 */
@Service
public class Contracts {

    /** How far ahead a contract's end is flagged, so that it can be renewed or re-tendered in time. */
    public static final int RENEWAL_NOTICE_MONTHS = 3;

    /** Kinds of contract. */
    public static final List<String> KINDS = List.of("block", "framework", "spot");

    /** A contract as typed in. */
    public record Draft(
            String urn,
            String provider,
            @Nullable PlacementCategory category,
            String kind,
            int beds,
            @Nullable BigDecimal weeklyCost,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn) {}

    /** A contract in force on a date, with the children placed at its provider then. */
    public record Occupancy(
            UUID id,
            String urn,
            String provider,
            PlacementCategory category,
            String kind,
            int beds,
            @Nullable BigDecimal weeklyCost,
            LocalDate startsOn,
            @Nullable LocalDate endsOn,
            long childrenPlaced) {

        /**
         * Whether the contract ends within {@link #RENEWAL_NOTICE_MONTHS} months of the date: time
         * to decide whether to renew or re-tender.
         */
        public boolean endsSoon(LocalDate on) {
            return endsOn != null && !endsOn.isAfter(on.plusMonths(RENEWAL_NOTICE_MONTHS));
        }

        /** Beds with nobody placed in them. */
        public int emptyBeds() {
            return (int) Math.max(0, beds - childrenPlaced);
        }

        /** What the empty beds of a block contract cost a week; nothing for other kinds. */
        public BigDecimal emptyCostAWeek() {
            return kind.equals("block") && weeklyCost != null
                    ? weeklyCost.multiply(BigDecimal.valueOf(emptyBeds()))
                    : BigDecimal.ZERO;
        }
    }

    private final ContractRepository repository;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;
    private final Clock clock;

    Contracts(ContractRepository repository, CurrentUsers currentUsers, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.clock = clock;
    }

    /** The contracts in force on the date, by provider, with occupancy. */
    @Transactional(readOnly = true)
    public List<Occupancy> inForceOn(LocalDate on) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        return repository.inForceOn(on);
    }

    /**
     * A contract's beds over a year: the bed-nights it gave (beds times the nights it was in
     * force), those used by the council's children placed at its provider (never more than its
     * beds on a night), and what the empty ones of a block contract cost.
     */
    public record BedNights(
            UUID id,
            String urn,
            String provider,
            String kind,
            int beds,
            @Nullable BigDecimal weeklyCost,
            long contracted,
            long used) {

        public long empty() {
            return contracted - used;
        }

        /** Empty block bed-nights at the weekly cost a bed over seven, in whole pounds; nothing for other kinds. */
        public BigDecimal emptyCost() {
            return kind.equals("block") && weeklyCost != null
                    ? weeklyCost
                            .multiply(BigDecimal.valueOf(empty()))
                            .divide(BigDecimal.valueOf(7), 0, RoundingMode.HALF_UP)
                    : BigDecimal.ZERO;
        }
    }

    /**
     * The contracts in force at any time in the year before the date (the nights from a year
     * before it up to the night before it), with their bed-nights contracted, used and empty. A
     * child uses a night at the provider when placed there that night (placed on or before it, and
     * not gone by the next morning), as for {@link #inForceOn}.
     */
    @Transactional(readOnly = true)
    public List<BedNights> yearTo(LocalDate to) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        return repository.yearTo(to);
    }

    /** Adds a contract, each field checked; nothing is saved when any is wrong. */
    @Transactional
    public UUID add(Draft d) {
        CurrentUser user = currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        Map<String, Message> problems = new LinkedHashMap<>();
        String urn = d.urn() == null ? "" : d.urn().strip().toUpperCase(Locale.ROOT);
        if (!urn.matches("(SC|EY)?[0-9]{6,7}")) {
            problems.put("urn", new Message("sufficiency.problem.urn.ofsted-urn-six-seven-digits"));
        }
        String provider = d.provider() == null ? "" : d.provider().strip();
        if (provider.isEmpty() || provider.length() > 200) {
            problems.put("provider", new Message("sufficiency.problem.provider.provider-s-name-up-200"));
        } else if (PlainText.hasControlCharacters(provider)) {
            problems.put("provider", new Message("sufficiency.problem.provider.name-has-characters-cannot-saved"));
        }
        PlacementCategory category = d.category();
        if (category == null || !PlacementCategory.commissioned().contains(category)) {
            problems.put("category", new Message("sufficiency.problem.category.choose-kind-placement-beds-are"));
        }
        if (!KINDS.contains(d.kind())) {
            problems.put("kind", new Message("sufficiency.problem.kind.choose-block-framework-spot"));
        }
        if (d.beds() < 1 || d.beds() > 500) {
            problems.put("beds", new Message("sufficiency.problem.beds.beds-from-1-500"));
        }
        if (d.weeklyCost() != null
                && (d.weeklyCost().signum() < 0 || d.weeklyCost().compareTo(BigDecimal.valueOf(100_000)) > 0)) {
            problems.put("weeklyCost", new Message("sufficiency.problem.weeklycost.weekly-cost-bed-from-0"));
        }
        if (d.startsOn() == null) {
            problems.put("startsOn", new Message("sufficiency.problem.startson.when-contract-starts"));
        } else if (d.endsOn() != null && d.endsOn().isBefore(d.startsOn())) {
            problems.put("endsOn", new Message("sufficiency.problem.endson.end-cannot-before-start"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        UUID id = UUID.randomUUID();
        repository.insert(id, urn, provider, requireNonNull(category), d, user.username(), clock.instant());
        audit.record(
                AuditAction.ADD_CONTRACT,
                "contract",
                id.toString(),
                null,
                null,
                d.kind() + ", " + d.beds() + " beds, " + urn + " " + provider);
        return id;
    }

    /** Removes a contract (a mistake, or one that never started); ended ones keep their end date instead. */
    @Transactional
    public void remove(UUID id) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        int removed = repository.delete(id);
        if (removed > 0) {
            audit.record(AuditAction.REMOVE_CONTRACT, "contract", id.toString(), null, null, null);
        }
    }
}
