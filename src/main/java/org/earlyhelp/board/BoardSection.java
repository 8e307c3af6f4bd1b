package org.earlyhelp.board;

import java.util.Locale;

/** The board pack's sections, in the order a board reads them. */
public enum BoardSection {
    DECISIONS,
    ASSESSMENTS,
    CASELOADS,
    DRIFT,
    RE_REFERRALS,
    STEPS,
    OUTCOMES,
    AUDITS,
    VOICE,
    CARE;

    /** The key of its words ({@code board.section.<key>.*}) and its element ids, e.g. {@code re-referrals}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
