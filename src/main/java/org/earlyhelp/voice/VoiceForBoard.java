package org.earlyhelp.voice;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.voice.internal.BoardVoiceQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What children and families said and what changed, for the performance board: feedback received
 * and answers published by month, and the answers published in the board's month. Counts and the
 * published (public) words only.
 */
@Service
@Transactional(readOnly = true)
public class VoiceForBoard {

    /** One month: pieces of feedback received and answers published. */
    public record Month(YearMonth month, int feedback, int answersPublished) {}

    /** The months, and the answers published in the last of them. */
    public record Figures(List<Month> months, List<PublishedAnswer> answers) {}

    private final BoardVoiceQueries queries;
    private final CurrentUsers currentUsers;

    VoiceForBoard(BoardVoiceQueries queries, CurrentUsers currentUsers) {
        this.queries = queries;
        this.currentUsers = currentUsers;
    }

    /** From {@code from} to {@code to} for one hub, or every hub with {@code null}. */
    public Figures figures(@Nullable HubId hub, YearMonth from, YearMonth to) {
        currentUsers.requireAnyOf(Role.HUB_LEAD, Role.ADMIN);
        Map<YearMonth, Integer> feedback = queries.feedback(hub, from, to);
        Map<YearMonth, Integer> published = queries.published(hub, from, to);
        List<Month> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(new Month(m, feedback.getOrDefault(m, 0), published.getOrDefault(m, 0)));
        }
        return new Figures(months, queries.answers(hub, to));
    }
}
