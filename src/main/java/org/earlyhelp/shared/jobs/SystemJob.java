package org.earlyhelp.shared.jobs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Work the scheduler runs as the system, nobody signed in (a retention run): its scheduled
 * method runs it once across instances through {@link ScheduledJobs}, and tests call it directly.
 * No page calls it, so it is not in the service access matrix.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SystemJob {}
