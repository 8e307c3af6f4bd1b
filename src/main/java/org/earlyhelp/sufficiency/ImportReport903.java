package org.earlyhelp.sufficiency;

import java.util.List;
import java.util.Map;
import org.earlyhelp.shared.Message;
import org.jspecify.annotations.Nullable;

/**
 * What an upload of SSDA903 returns held and what is wrong with it, per file.
 *
 * @param saved whether it was saved (only when there are no errors)
 * @param otherTables tables read and counted but not used yet, with their rows
 * @param change what importing it would change, now and after; {@code null} while it cannot be
 *     imported (any error)
 * @param needsSecondConfirmation whether it would leave much less than is held (see {@link
 *     Change#large()}) and was not saved for want of a second, explicit confirmation
 */
public record ImportReport903(
        boolean saved,
        int children,
        int episodes,
        int episodesAfterMerging,
        List<Problem> problems,
        Map<String, Integer> otherTables,
        List<Message> notes,
        @Nullable Change change,
        boolean needsSecondConfirmation) {

    public ImportReport903(
            boolean saved,
            int children,
            int episodes,
            int episodesAfterMerging,
            List<Problem> problems,
            Map<String, Integer> otherTables,
            List<Message> notes) {
        this(saved, children, episodes, episodesAfterMerging, problems, otherTables, notes, null, false);
    }

    public long errors() {
        return problems.stream().filter(Problem::error).count();
    }

    public long warnings() {
        return problems.size() - errors();
    }

    /** Whether the upload may replace the returns held (after a confirmation). */
    public boolean replaceable() {
        return errors() == 0 && change != null;
    }

    /** The returns held, as figures. */
    public record Figures(int inCareToday, int episodes, List<Integer> years) {}

    /**
     * What an import would change.
     *
     * @param large whether it would leave fewer children in care today, or fewer episodes, than
     *     the share of what is held set by {@code earlyhelp.sufficiency.replace-keeps-at-least}:
     *     such an import needs a second, explicit confirmation
     */
    public record Change(Figures now, Figures after, boolean large) {}
}
