package org.earlyhelp.testing;

import java.util.Comparator;
import org.earlyhelp.testing.DemonstrationApplicationTest.SharesTheApplication;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The browser and integration tests' order: the classes that share the demonstration application
 * ({@link SharesTheApplication}) first, so that they start together and run beside each other, then
 * the rest in the order Failsafe found them in. The classes of the demonstration application are the longest chain
 * of a run, as they take turns on it; a sharing class started among them waited for its turn and ran
 * alone (a run of 455 s was that chain from end to end).
 */
public final class SharingClassesFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // A stable sort: the rest keep the order Failsafe found them in.
        context.getClassDescriptors()
                .sort(Comparator.comparing(c -> !c.getTestClass().isAnnotationPresent(SharesTheApplication.class)));
    }
}
