package org.earlyhelp.referrals.internal;

import java.sql.Timestamp;
import org.earlyhelp.voice.FeedbackReceived;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feedback given through an invitation for a family's case joins the family's record and
 * timeline. Idempotent: an event delivered twice is kept once.
 */
@Component
class FamilyFeedback {

    private final JdbcClient jdbc;

    FamilyFeedback(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(FeedbackReceived received) {
        if (received.caseId() == null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO referrals.case_feedback (feedback_id, case_id, received_at, mood, safeguarding, first_name,
                          words) SELECT ?, id, ?, ?, ?, ?, ? FROM referrals.case_file WHERE id = ? ON CONFLICT DO NOTHING""")
                .params(
                        received.feedback(),
                        Timestamp.from(received.at()),
                        received.mood(),
                        received.safeguarding(),
                        received.firstName(),
                        received.words(),
                        received.caseId())
                .update();
    }
}
