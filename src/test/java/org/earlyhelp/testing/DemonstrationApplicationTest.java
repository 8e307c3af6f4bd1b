package org.earlyhelp.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceLock;
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
 * each JVM ran one class at a time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ResourceLock(DemonstrationApplicationTest.APPLICATION)
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
}
