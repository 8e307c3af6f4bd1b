package org.earlyhelp.quality;

import java.util.Locale;

/** The four grades inspectors use, best first. */
public enum Grade {
    OUTSTANDING,
    GOOD,
    REQUIRES_IMPROVEMENT,
    INADEQUATE;

    /** Whether this grade is good or outstanding. */
    public boolean goodOrBetter() {
        return this == OUTSTANDING || this == GOOD;
    }

    /** The grade's part of an i18n key: {@code quality.grade.requires-improvement}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
