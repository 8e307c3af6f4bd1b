package org.earlyhelp.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The browser tests' main application: the demonstration, on a real port, with a signed-in
 * person's account checked again every 2 seconds (30 by default), so that a test can see a
 * disabled account lose access without waiting, an open page asking every 5 seconds (60 by default)
 * whether it is still signed in, so that a test can see a page left unused go to the sign-in page
 * without waiting, and the two
 * pseudo-languages that show a word not
 * taken from the translation files ({@code en-XA}, and its right-to-left twin) offered beside the
 * real ones. Every browser test of a whole journey uses this
 * configuration, so they share one application and database instead of starting one each: each
 * makes data of its own, or leaves shared data as it found it.
 * <p>The browser and integration tests run three classes at a time in one JVM; the classes of this
 * application hold its lock ({@link #APPLICATION}) while they run, so they take turns on it, as they did when
 * each JVM ran one class at a time. A class marked {@link SharesTheApplication} holds the lock only
 * to read: such classes run beside each other, never beside a class that takes its turn, and they
 * run first ({@link SharingClassesFirst}), so that they start together.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ResourceLock(providers = DemonstrationApplicationTest.Turns.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "earlyhelp.access.recheck-every=PT2S",
            "earlyhelp.i18n.pseudo-locales=true",
            "earlyhelp.session.check-every=PT5S"
        })
public @interface DemonstrationApplicationTest {

    /** The lock the classes of this application hold while they run. */
    String APPLICATION = "earlyhelp.demonstration-application";

    /**
     * The class's tests may run beside another such class on the application: they change nothing
     * another test reads (they sign in with accounts no other such class changes, read pages, or
     * make records of their own), and assert nothing another test's records could change (no count
     * of a hub's requests, mails or alerts). Most of their time is spent waiting: for a session's idle
     * time, an account's recheck, or a page's words.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface SharesTheApplication {}

    /** The lock of a class: to read, for a class that shares the application; else to take its turn. */
    final class Turns implements ResourceLocksProvider {
        @Override
        public Set<Lock> provideForClass(Class<?> testClass) {
            return Set.of(new Lock(
                    APPLICATION,
                    testClass.isAnnotationPresent(SharesTheApplication.class)
                            ? ResourceAccessMode.READ
                            : ResourceAccessMode.READ_WRITE));
        }
    }
}
