package org.earlyhelp.referrals;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A visit, session or call as the practitioner logs it. */
public record ContactDraft(
        @Nullable LocalDate on,
        @Nullable ContactKind kind,
        @Nullable Integer minutes,
        boolean childSeen,
        @Nullable String childViews,
        String note) {}
