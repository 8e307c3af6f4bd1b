package org.earlyhelp.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.earlyhelp.audit.internal.SealRepository;
import org.earlyhelp.audit.internal.SealRepository.Entry;
import org.earlyhelp.audit.internal.SealRepository.Head;
import org.earlyhelp.audit.internal.SealRepository.Sealed;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail's hash chain. Entries that have settled (older than a few seconds, so that a
 * transaction still writing one has committed) are sealed in the order of their ids: each seal
 * holds the SHA-256 of the entry's every field, chained to the previous seal's hash. Checking
 * recomputes the chain from the entries as they are now and names the first entry that no longer
 * matches: one edited, removed or reordered, even by the owner with the triggers switched off.
 * The chain's head is logged at every sealing, so that a copy exists outside the database.
 */
@Service
public class AuditChain {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final String GENESIS = "0".repeat(64);
    private static final long SEALING_LOCK = 0x4155_4449_5453_4541L;
    private static final int BATCH = 5_000;

    private final SealRepository seals;
    private final CurrentUsers currentUsers;
    private final Duration settle;
    private final Clock clock;

    AuditChain(
            SealRepository seals,
            CurrentUsers currentUsers,
            @Value("${earlyhelp.audit.settle:PT10S}") Duration settle,
            Clock clock) {
        this.seals = seals;
        this.currentUsers = currentUsers;
        this.settle = settle;
        this.clock = clock;
    }

    /** What a check found. */
    public record Check(
            long sealed, long unsealed, @Nullable Broken firstBroken, String head) {

        public boolean intact() {
            return firstBroken == null;
        }
    }

    /** The first entry where the chain breaks, and why. */
    public record Broken(
            long position,
            long entryId,
            @Nullable Instant at,
            @Nullable String action,
            String why) {}

    /** Seals the entries that have settled, in id order; one instance at a time. Every 10 seconds. */
    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${earlyhelp.audit.seal-every:PT10S}")
    @Transactional
    int seal() {
        if (!seals.tryLock(SEALING_LOCK)) {
            return 0;
        }
        Head head = seals.head().orElse(new Head(0, 0, GENESIS));
        Instant settled = clock.instant().minus(settle);
        List<Entry> entries = seals.entriesAfter(head.entryId(), settled, BATCH);
        long position = head.position();
        String hash = head.hash();
        for (Entry e : entries) {
            position++;
            String next = hash(hash, e);
            seals.insert(position, e.id(), hash, next);
            hash = next;
        }
        if (!entries.isEmpty()) {
            log.info(
                    "Audit trail sealed to position {} (entry {}): chain head {}",
                    position,
                    entries.getLast().id(),
                    hash);
        }
        return entries.size();
    }

    /** Checks the whole chain; administrators. */
    @Transactional(readOnly = true)
    public Check check() {
        currentUsers.requireAnyOf(Role.ADMIN);
        return verify();
    }

    /** The check itself, for the command line (no one signed in) and administrators. */
    @Transactional(readOnly = true)
    Check verify() {
        String previous = GENESIS;
        long position = 0;
        long checked = 0;
        long lastEntry = 0;
        while (true) {
            List<Sealed> batch = seals.sealsAfter(position, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            for (Sealed s : batch) {
                Entry e = s.entry();
                if (s.position() != position + 1) {
                    return broken(s, e, "a seal is missing before position " + s.position(), checked, previous);
                }
                if (e == null) {
                    return broken(s, null, "the entry sealed here has been removed", checked, previous);
                }
                if (!s.prevHash().equals(previous)) {
                    return broken(s, e, "the chain before this entry has been changed", checked, previous);
                }
                if (!hash(previous, e).equals(s.hash())) {
                    return broken(s, e, "this entry has been changed since it was sealed", checked, previous);
                }
                previous = s.hash();
                position = s.position();
                lastEntry = Math.max(lastEntry, e.id());
                checked++;
            }
        }
        long unsealed = seals.countEntriesAfter(lastEntry);
        return new Check(checked, unsealed, null, previous);
    }

    private Check broken(Sealed s, @Nullable Entry e, String why, long checked, String head) {
        return new Check(
                checked,
                0,
                new Broken(s.position(), s.entryId(), e == null ? null : e.at(), e == null ? null : e.action(), why),
                head);
    }

    /**
     * SHA-256 of the previous hash and every field of the entry, each written with its length, so
     * that no two different entries give the same text.
     */
    static String hash(String previous, Entry e) {
        StringBuilder text = new StringBuilder(previous).append('\n');
        for (String field : new String[] {
            String.valueOf(e.id()),
            String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, e.at())),
            e.actor(),
            e.roles(),
            e.action(),
            e.type(),
            e.recordId(),
            e.hub(),
            e.reason(),
            e.from(),
            e.details()
        }) {
            text.append(field == null ? "-1:" : field.length() + ":" + field).append('\n');
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e2) {
            throw new IllegalStateException(e2);
        }
    }
}
