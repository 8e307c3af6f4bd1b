package org.earlyhelp.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The unit tests' application for tests that bring data of their own and follow it to its end:
 * no demonstration care returns (a test imports the returns it needs) and the audit trail sealed
 * once an entry is a second old. The demonstration journeys are there, as in the default
 * application. Every test with these needs
 * uses this one configuration, so they share one application instead of starting one each; each
 * works on records of its own, so the order they run in does not matter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = {"earlyhelp.demo.care-returns=false", "earlyhelp.audit.settle=PT1S"})
public @interface OwnDataApplicationTest {}
