package org.earlyhelp.shared.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.work.internal.WorkRows;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.earlyhelp.testing.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Long work runs away from the page, as the person who started it; the person can come back to it
 * on the same instance (with its result), on another (with its summary), or be told that the
 * instance running it stopped.
 */
@OwnDataApplicationTest
class BackgroundWorkTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CurrentUsers currentUsers;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    private static void waitFor(BackgroundWork.Job<?> job, BackgroundWork.State state) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (job.state() != state && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(job.state()).isEqualTo(state);
    }

    @Test
    void workRunsAsItsOwnerReportsProgressAndIsFoundAgainHereAndElsewhere() throws Exception {
        BackgroundWork here = new BackgroundWork(new WorkRows(jdbc), currentUsers, Clock.systemUTC());
        BackgroundWork elsewhere = new BackgroundWork(new WorkRows(jdbc), currentUsers, Clock.systemUTC());
        SignedIn.as("commissioner.work", Set.of(Role.COMMISSIONER), Set.of());
        CountDownLatch go = new CountDownLatch(1);
        BackgroundWork.Job<String> job = BackgroundWork.start(
                here,
                "test-import",
                "returns.csv",
                progress -> {
                    progress.done(0.4);
                    try {
                        go.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    // The work runs as the person who started it.
                    return currentUsers.require().username();
                },
                result -> "imported by " + result);
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (job.fraction() < 0.4 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(job.fraction()).isEqualTo(0.4);
        assertThat(here.latest("test-import")).containsSame(job);
        assertThat(elsewhere.latest("test-import").orElseThrow().state()).isEqualTo(BackgroundWork.State.RUNNING);
        assertThatThrownBy(() -> BackgroundWork.start(here, "test-import", "again.csv", p -> "", r -> r))
                .isInstanceOf(BackgroundWork.AlreadyRunningException.class)
                .hasMessage("returns.csv is still running");
        go.countDown();
        waitFor(job, BackgroundWork.State.DONE);
        assertThat(job.result()).contains("commissioner.work");
        assertThat(job.fraction()).isEqualTo(1);
        BackgroundWork.Job<?> seenElsewhere = elsewhere.latest("test-import").orElseThrow();
        assertThat(seenElsewhere.state()).isEqualTo(BackgroundWork.State.DONE);
        assertThat(seenElsewhere.result()).isEmpty();
        assertThat(seenElsewhere.summary()).contains("imported by commissioner.work");
        // Someone else does not see it.
        SignedIn.as("commissioner.other", Set.of(Role.COMMISSIONER), Set.of());
        assertThat(here.latest("test-import")).isEmpty();
    }

    @Test
    void workThatFailsSaysWhyAndWorkWhoseInstanceStoppedSaysSo() throws Exception {
        BackgroundWork here = new BackgroundWork(new WorkRows(jdbc), currentUsers, Clock.systemUTC());
        SignedIn.as("commissioner.fails", Set.of(Role.COMMISSIONER), Set.of());
        BackgroundWork.Job<String> job = BackgroundWork.start(
                here,
                "test-import",
                "broken.csv",
                progress -> {
                    throw new IllegalStateException("The file has no header.");
                },
                r -> r);
        waitFor(job, BackgroundWork.State.FAILED);
        assertThat(job.summary()).contains("The file has no header.");

        SignedIn.as("commissioner.stopped", Set.of(Role.COMMISSIONER), Set.of());
        CountDownLatch never = new CountDownLatch(1);
        BackgroundWork dying = new BackgroundWork(new WorkRows(jdbc), currentUsers, Clock.systemUTC());
        BackgroundWork.start(
                dying,
                "test-import",
                "big.csv",
                progress -> {
                    try {
                        never.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "";
                },
                r -> r);
        // The instance running it went quiet long ago: another instance says it stopped.
        jdbc.sql("UPDATE work.job SET heartbeat_at = now() - interval '5 minutes' WHERE owner = 'commissioner.stopped'")
                .update();
        assertThat(new BackgroundWork(new WorkRows(jdbc), currentUsers, Clock.systemUTC())
                        .latest("test-import")
                        .orElseThrow()
                        .state())
                .isEqualTo(BackgroundWork.State.STOPPED);
        // Its own heartbeat says it is alive.
        dying.heartbeat();
        assertThat(new BackgroundWork(new WorkRows(jdbc), currentUsers, Clock.systemUTC())
                        .latest("test-import")
                        .orElseThrow()
                        .state())
                .isEqualTo(BackgroundWork.State.RUNNING);
        never.countDown();
    }

    @Test
    void nobodySignedInStartsNothing() {
        BackgroundWork here = new BackgroundWork(new WorkRows(jdbc), currentUsers, Clock.systemUTC());
        assertThatThrownBy(() -> BackgroundWork.start(here, "test-import", "x.csv", p -> "", r -> r))
                .isInstanceOf(AccessDeniedException.class);
    }
}
