package org.earlyhelp.sufficiency;

import java.util.List;
import java.util.Map;

/**
 * What an upload of SSDA903 returns held and what is wrong with it, per file.
 *
 * @param saved whether it was saved (only when there are no errors)
 * @param otherTables tables read and counted but not used yet, with their rows
 */
public record ImportReport903(
        boolean saved,
        int children,
        int episodes,
        int episodesAfterMerging,
        List<Problem> problems,
        Map<String, Integer> otherTables,
        List<String> notes) {

    public long errors() {
        return problems.stream().filter(Problem::error).count();
    }

    public long warnings() {
        return problems.size() - errors();
    }
}
