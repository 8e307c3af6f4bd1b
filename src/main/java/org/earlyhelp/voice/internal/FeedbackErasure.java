package org.earlyhelp.voice.internal;

import java.util.List;
import java.util.UUID;
import org.earlyhelp.shared.events.EventArchive;
import org.earlyhelp.shared.events.RecordsErased;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases what young people said and who they are, leaving the figures: the words and names of
 * feedback, sealed names and ways to reach them, unseal reasons, alerts' reasons and actions,
 * and the stored events that carried any of them. For a family erased under the retention rule
 * (its cases' feedback and invitations), and for named and pseudonymous feedback past its
 * retention period.
 */
@Component
public class FeedbackErasure {

    private final JdbcClient jdbc;
    private final EventArchive archive;

    FeedbackErasure(JdbcClient jdbc, EventArchive archive) {
        this.jdbc = jdbc;
        this.archive = archive;
    }

    /** A family was erased: its cases' feedback and invitations go with it. */
    @ApplicationModuleListener
    void on(RecordsErased erased) {
        UUID[] cases = erased.cases().toArray(UUID[]::new);
        List<UUID> feedback = jdbc.sql("SELECT id FROM voice.feedback WHERE case_id = ANY (?)")
                .param(cases)
                .query(UUID.class)
                .list();
        List<String> labels = jdbc.sql("SELECT label FROM voice.invitation WHERE case_id = ANY (?)")
                .param(cases)
                .query(String.class)
                .list();
        jdbc.sql("UPDATE voice.invitation SET label = 'Deleted record' WHERE case_id = ANY (?)")
                .param(cases)
                .update();
        erase(feedback, labels);
    }

    /** Erases these pieces of feedback's words and names, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int erase(List<UUID> feedback, List<String> alsoTexts) {
        if (feedback.isEmpty() && alsoTexts.isEmpty()) {
            return 0;
        }
        UUID[] ids = feedback.toArray(UUID[]::new);
        int erased = jdbc.sql("""
                        UPDATE voice.feedback SET first_name = NULL, helping = NULL, change = NULL, worker = NULL,
                          anything = NULL, concerns = NULL, text_deleted_at = coalesce(text_deleted_at, now())
                        WHERE id = ANY (?)""").param(ids).update();
        jdbc.sql("DELETE FROM voice.sealed_identity WHERE feedback_id = ANY (?)")
                .param(ids)
                .update();
        jdbc.sql("DELETE FROM voice.to_tell WHERE feedback_id = ANY (?)")
                .param(ids)
                .update();
        jdbc.sql("DELETE FROM voice.unseal WHERE feedback_id = ANY (?)")
                .param(ids)
                .update();
        jdbc.sql("""
                        UPDATE voice.alert SET reasons = 'safeguarding (erased)', mailed_to = NULL, escalated_to = NULL,
                          action_taken = CASE WHEN action_taken IS NULL THEN NULL ELSE 'erased' END
                        WHERE feedback_id = ANY (?)""").param(ids).update();
        archive.redact(feedback.stream().map(UUID::toString).toList(), List.of(), alsoTexts);
        return erased;
    }
}
