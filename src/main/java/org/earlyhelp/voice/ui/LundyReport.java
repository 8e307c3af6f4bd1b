package org.earlyhelp.voice.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.voice.Response;

/**
 * A hub's Lundy report as a table: one row for each time an answer was heard (or one with none
 * yet), with the engagement on the timetable it came of, if any.
 */
final class LundyReport {

    private LundyReport() {}

    static List<String> headers(Function<String, String> words) {
        return List.of(
                words.apply("voice.lundy.engagement"),
                words.apply("voice.responses.theme"),
                words.apply("voice.responses.you-said"),
                words.apply("voice.responses.owner"),
                words.apply("voice.responses.decision"),
                words.apply("voice.responses.status"),
                words.apply("voice.responses.due"),
                words.apply("voice.responses.we-did"),
                words.apply("voice.lundy.published-on"),
                words.apply("voice.lundy.heard-by"),
                words.apply("voice.lundy.heard-on"),
                words.apply("voice.lundy.what-changed"));
    }

    /** @param topics the topic of the engagement each answer came of, by answer */
    static List<List<Object>> rows(List<Response> all, Map<UUID, String> topics, Function<String, String> words) {
        List<List<Object>> rows = new ArrayList<>();
        for (Response r : all) {
            List<Response.Hearing> hearings = r.hearings().isEmpty() ? Collections.singletonList(null) : r.hearings();
            for (Response.Hearing h : hearings) {
                rows.add(Arrays.asList(
                        topics.get(r.id()),
                        r.theme(),
                        r.youSaid(),
                        r.owner(),
                        r.decision(),
                        words.apply("voice.status."
                                + r.status().name().toLowerCase(Locale.ROOT).replace('_', '-')),
                        r.due() == null ? null : r.due().toString(),
                        r.weDid(),
                        r.publishedAt() == null
                                ? null
                                : r.publishedAt()
                                        .atZone(WorkingCalendar.LONDON)
                                        .toLocalDate()
                                        .toString(),
                        h == null ? null : h.heardBy(),
                        h == null ? null : h.heardOn().toString(),
                        h == null ? null : h.whatChanged()));
            }
        }
        return rows;
    }
}
