package org.earlyhelp.shared.work;

import io.micrometer.core.instrument.Metrics;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.imports.ImportException;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.work.internal.WorkRows;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Long work (an import of a year's returns or of a postcode directory) run away from the page, so
 * that the page stays usable and the person may leave and come back. The work runs as the person
 * who started it (their roles are checked by the services it calls, as on the page), one at a
 * time per person and kind. Its progress is kept in memory; its start and end in {@code work.job},
 * with a heartbeat from the instance running it: a person who comes back to another instance, or
 * after a restart, is told how it ended, or that the server stopped before it finished.
 */
@Component
public class BackgroundWork {

    /** How a piece of work stands. */
    public enum State {
        RUNNING,
        DONE,
        FAILED,
        /** The instance running it stopped before it finished; the work's transaction did not commit. */
        STOPPED
    }

    /** What the work says about how far it has got. */
    public interface Progress {

        /** How much is done, from 0 to 1. */
        void done(double fraction);
    }

    /**
     * One piece of work.
     *
     * @param <T> what it gives when it has finished
     */
    public static final class Job<T> implements Progress {

        private final UUID id;
        private final String owner;
        private final String kind;
        private final String label;
        private final Instant started;
        private volatile double fraction;
        private volatile State state = State.RUNNING;
        private volatile @Nullable T result;
        private volatile @Nullable String summary;
        private volatile @Nullable Message failure;
        private volatile @Nullable Instant finished;

        Job(UUID id, String owner, String kind, String label, Instant started) {
            this.id = id;
            this.owner = owner;
            this.kind = kind;
            this.label = label;
            this.started = started;
        }

        @Override
        public void done(double fraction) {
            this.fraction = Math.max(this.fraction, Math.min(1, Math.max(0, fraction)));
        }

        public UUID id() {
            return id;
        }

        public String label() {
            return label;
        }

        public Instant started() {
            return started;
        }

        public double fraction() {
            return state == State.DONE ? 1 : fraction;
        }

        public State state() {
            return state;
        }

        /** What the work gave, on the instance that ran it; empty elsewhere or while it runs. */
        public Optional<T> result() {
            return Optional.ofNullable(result);
        }

        /** How it ended, in a sentence (the result's summary, or what went wrong). */
        public Optional<String> summary() {
            return Optional.ofNullable(summary);
        }

        /** Why it failed, for a page to say in the person's language, on the instance that ran it. */
        public Optional<Message> failure() {
            return Optional.ofNullable(failure);
        }

        public Optional<Instant> finished() {
            return Optional.ofNullable(finished);
        }

        String owner() {
            return owner;
        }

        String kind() {
            return kind;
        }
    }

    /** Refused: the person already has work of this kind running. */
    public static class AlreadyRunningException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String label;

        AlreadyRunningException(String label) {
            super(label + " is still running");
            this.label = label;
        }

        /** What is still running, as the person called it (the file's name). */
        public String label() {
            return label;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);
    /** A heartbeat older than this means the instance running the work has stopped. */
    static final Duration SILENT = Duration.ofSeconds(90);
    /** How long finished work is remembered for the person to come back to. */
    static final Duration KEPT = Duration.ofDays(1);

    private final WorkRows rows;
    private final CurrentUsers currentUsers;
    private final Clock clock;
    private final Map<String, Job<?>> latest = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(
            2, Thread.ofPlatform().name("background-work-", 1).daemon(true).factory());

    BackgroundWork(WorkRows rows, CurrentUsers currentUsers, Clock clock) {
        this.rows = rows;
        this.clock = clock;
        this.currentUsers = currentUsers;
    }

    /**
     * Starts work as the signed-in person.
     *
     * @param on the application's background work
     * @param kind what sort of work, one at a time per person ("ssda903-import", say)
     * @param label what the person started, as they would call it (the file's name)
     * @param work the work; it reports its progress and gives its result
     * @param summary the result in a sentence, kept for a person who comes back elsewhere
     * @throws AlreadyRunningException when the person's work of this kind is still running
     */
    @SuppressWarnings("unchecked")
    public static <T> Job<T> start(
            BackgroundWork on, String kind, String label, Function<Progress, T> work, Function<T, String> summary) {
        return (Job<T>) (Job<?>) on.begin(kind, label, work::apply, result -> summary.apply((T) result));
    }

    /**
     * What {@link #start} does, untyped. {@code start} is static and typed so that no type variable
     * is in this bean's methods: Spring Modulith's observability (2.1.0, the version served here)
     * names each call into a module before making it and fails a call whose parameter types it
     * cannot resolve (spring-modulith GH-1748; {@code ObservabilityTests} checks every wrapped bean).
     */
    public synchronized Job<Object> begin(
            String kind, String label, Function<Progress, Object> work, Function<Object, String> summary) {
        CurrentUser user = currentUsers.require();
        String key = key(user.username(), kind);
        Job<?> running = latest.get(key);
        if (running != null && running.state() == State.RUNNING) {
            throw new AlreadyRunningException(running.label());
        }
        Job<Object> job = new Job<>(UUID.randomUUID(), user.username(), kind, label, clock.instant());
        rows.started(job.id(), job.owner(), kind, label, job.started());
        latest.put(key, job);
        threads.execute(currentUsers.asThePersonSignedInNow(() -> {
            try {
                Object result = work.apply(job);
                job.result = result;
                finish(job, State.DONE, summary.apply(result));
            } catch (RuntimeException | Error failed) {
                log.warn("Background work {} ({}) failed", job.label(), kind, failed);
                if (failed instanceof ImportException unreadable) {
                    job.failure = unreadable.why();
                }
                finish(job, State.FAILED, failed.getMessage() == null ? failed.toString() : failed.getMessage());
            }
        }));
        return job;
    }

    /** Records how the work ended, in the table first: once this instance says so, every instance does. */
    private void finish(Job<?> job, State state, String summary) {
        Instant finished = clock.instant();
        // Imports by kind and how they ended, for the metrics (Micrometer's global registry).
        Metrics.counter(
                        "earlyhelp.imports",
                        "kind",
                        job.kind(),
                        "outcome",
                        state.name().toLowerCase(Locale.ROOT))
                .increment();
        try {
            rows.finished(job.id(), state.name(), summary, finished);
        } catch (RuntimeException e) {
            log.warn("Could not record how background work {} ended", job.id(), e);
        }
        job.summary = summary;
        job.finished = finished;
        job.state = state;
    }

    /**
     * The signed-in person's latest work of a kind in the last day: from memory on the instance
     * that ran it (with its result), else from the table (with its summary only).
     */
    public Optional<Job<?>> latest(String kind) {
        CurrentUser user = currentUsers.require();
        Job<?> here = latest.get(key(user.username(), kind));
        if (here != null) {
            return Optional.of(here);
        }
        Instant now = clock.instant();
        return rows.latest(user.username(), kind, now.minus(KEPT)).map(row -> {
            Job<Object> job = new Job<>(row.id(), user.username(), kind, row.label(), row.started());
            State state = State.valueOf(row.state());
            job.state = state == State.RUNNING && row.heartbeat().isBefore(now.minus(SILENT)) ? State.STOPPED : state;
            job.summary = row.summary();
            job.finished = row.finished();
            return (Job<?>) job;
        });
    }

    /**
     * Tells the table that this instance's running work is alive, and forgets finished work
     * older than a day, in memory and in the table.
     */
    @Scheduled(fixedDelayString = "${earlyhelp.work.heartbeat-every:PT20S}")
    public void heartbeat() {
        Instant now = clock.instant();
        UUID[] running = latest.values().stream()
                .filter(j -> j.state() == State.RUNNING)
                .map(Job::id)
                .toArray(UUID[]::new);
        if (running.length > 0) {
            rows.heartbeat(running, now);
        }
        latest.values()
                .removeIf(
                        j -> j.finished().map(f -> f.isBefore(now.minus(KEPT))).orElse(false));
        rows.forgetStartedBefore(now.minus(KEPT.multipliedBy(30)));
    }

    /** Reads a stream and says how much of it has been read, as work that reads a file goes. */
    public static InputStream counting(InputStream in, long size, Progress progress) {
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(long n) {
                read += n;
                // The last few percent are for saving what was read.
                progress.done(size <= 0 ? 0 : 0.95 * read / size);
            }
        };
    }

    private static String key(String owner, String kind) {
        return owner + "|" + kind;
    }
}
