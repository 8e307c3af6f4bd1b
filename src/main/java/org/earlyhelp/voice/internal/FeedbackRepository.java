package org.earlyhelp.voice.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.voice.AgeBand;
import org.earlyhelp.voice.FeelSafe;
import org.earlyhelp.voice.Mode;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Feedback as a young person gives it: the answer, a sealed name and way to be told, the account
 * it was given from, and the invitation's count of answers.
 */
@Repository
public class FeedbackRepository {

    /**
     * A piece of feedback to save.
     *
     * @param concerns why it raises a safeguarding alert, in English, or null when it does not
     */
    public record NewFeedback(
            UUID id,
            UUID invitation,
            HubId hub,
            @Nullable UUID caseId,
            AgeBand ageBand,
            Mode mode,
            @Nullable String firstName,
            @Nullable FeelSafe feelSafe,
            @Nullable Integer mood,
            @Nullable String helping,
            @Nullable String change,
            @Nullable String worker,
            @Nullable String anything,
            @Nullable String concerns,
            Instant submittedAt,
            boolean overLimit) {}

    private final JdbcClient jdbc;

    FeedbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(NewFeedback f) {
        jdbc.sql("""
                        INSERT INTO voice.feedback (id, invitation_id, hub_id, case_id, age_band, mode, first_name, feel_safe,
                          mood, helping, change, worker, anything, safeguarding, concerns, submitted_at, over_limit)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(
                        f.id(),
                        f.invitation(),
                        f.hub().value(),
                        f.caseId(),
                        f.ageBand().name(),
                        f.mode().name(),
                        f.firstName(),
                        f.feelSafe() == null ? null : f.feelSafe().name(),
                        f.mood(),
                        f.helping(),
                        f.change(),
                        f.worker(),
                        f.anything(),
                        f.concerns() != null,
                        f.concerns(),
                        Timestamp.from(f.submittedAt()),
                        f.overLimit()))
                .update();
    }

    /** Keeps a sealed name and a sealed way to be told beside the feedback. */
    public void sealIdentity(UUID feedback, @Nullable String sealedName, @Nullable String sealedContact) {
        jdbc.sql("INSERT INTO voice.sealed_identity (feedback_id, name, contact) VALUES (?, ?, ?)")
                .params(Arrays.asList(feedback, sealedName, sealedContact))
                .update();
    }

    /** Links the feedback to the account it was given from, so its young person can see it again. */
    public void linkAccount(UUID feedback, String username) {
        jdbc.sql("UPDATE voice.feedback SET account = ? WHERE id = ?")
                .params(username, feedback)
                .update();
    }

    /** Counts one more answer on the invitation. */
    public void countAnswer(UUID invitation) {
        jdbc.sql("UPDATE voice.invitation SET answers = answers + 1 WHERE id = ?")
                .param(invitation)
                .update();
    }
}
