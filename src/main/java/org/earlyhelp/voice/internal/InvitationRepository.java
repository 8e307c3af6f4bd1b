package org.earlyhelp.voice.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.voice.AgeBand;
import org.earlyhelp.voice.Invitation;
import org.earlyhelp.voice.InvitationKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Invitations as stored, each shown with its hub's public name. Who may see which is decided by
 * {@link org.earlyhelp.voice.Invitations}, which alone uses this.
 */
@Repository
public class InvitationRepository {

    private final JdbcClient jdbc;
    private final HubDirectory hubs;

    InvitationRepository(JdbcClient jdbc, HubDirectory hubs) {
        this.jdbc = jdbc;
        this.hubs = hubs;
    }

    public void insert(
            UUID id,
            String code,
            InvitationKind kind,
            HubId hub,
            @Nullable UUID caseId,
            String label,
            @Nullable AgeBand ageBand,
            String createdBy,
            Instant createdAt,
            Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO voice.invitation (id, code, kind, hub_id, case_id, label, age_band, created_by,
                          created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(
                        id,
                        code,
                        kind.name(),
                        hub.value(),
                        caseId,
                        label,
                        ageBand == null ? null : ageBand.name(),
                        createdBy,
                        Timestamp.from(createdAt),
                        Timestamp.from(expiresAt)))
                .update();
    }

    /** The cases the hub's invitations are for. */
    public List<UUID> casesInvited(HubId hub) {
        return jdbc.sql("SELECT DISTINCT case_id FROM voice.invitation WHERE hub_id = ? AND case_id IS NOT NULL")
                .param(hub.value())
                .query((rs, row) -> rs.getObject(1, UUID.class))
                .list();
    }

    /**
     * The hub's invitations, newest first: those for no case that the person made (or all of
     * them, for the hub's lead and its safeguarding leads), and those for the cases given as
     * readable; narrowed to those whose name holds the words or whose code begins with the code
     * given (either may be empty: no narrowing), and to those still open at {@code openAt} when
     * it is given.
     */
    public List<Invitation> ofHub(
            HubId hub,
            boolean allOfHub,
            String username,
            Collection<UUID> readableCases,
            Narrowing narrowing,
            int limit) {
        return jdbc.sql(SELECT + "\n" + """
                         WHERE hub_id = :hub AND ((case_id IS NULL AND (:all OR created_by = :u)) OR case_id = ANY (:cases))
                           AND (:words = '' OR strpos(lower(label), lower(:words)) > 0
                                OR (:code <> '' AND starts_with(code, :code)))
                           AND (NOT :onlyOpen OR expires_at > :openAt)
                         ORDER BY created_at DESC LIMIT :limit""")
                .param("limit", limit)
                .param("hub", hub.value())
                .param("all", allOfHub)
                .param("u", username)
                .param("cases", readableCases.toArray(UUID[]::new))
                .param("words", narrowing.words())
                .param("code", narrowing.code())
                .param("onlyOpen", narrowing.openAt() != null)
                .param("openAt", Timestamp.from(narrowing.openAt() == null ? Instant.EPOCH : narrowing.openAt()))
                .query(this::invitation)
                .list();
    }

    /**
     * What narrows a hub's invitations: words in the name, the start of a code (as stored, no
     * dashes), and the instant they must still be open at.
     */
    public record Narrowing(
            String words, String code, @Nullable Instant openAt) {}

    /** An invitation by its code, while it is open. */
    public Optional<Invitation> openByCode(String code, Instant now) {
        return jdbc.sql(SELECT + " WHERE code = ? AND expires_at > ?")
                .params(code, Timestamp.from(now))
                .query(this::invitation)
                .optional();
    }

    /** Whose an invitation is: its hub and who made it. */
    public record Owner(HubId hub, String createdBy) {}

    public Optional<Owner> owner(UUID id) {
        return jdbc.sql("SELECT hub_id, created_by FROM voice.invitation WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Owner(new HubId(rs.getString(1)), rs.getString(2)))
                .optional();
    }

    /** Closes the invitation now, if it is still open; whether it was. */
    public boolean close(UUID id, Instant now) {
        return jdbc.sql("UPDATE voice.invitation SET expires_at = ? WHERE id = ? AND expires_at > ?")
                        .params(Timestamp.from(now), id, Timestamp.from(now))
                        .update()
                == 1;
    }

    public Optional<Invitation> byId(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id)
                .query(this::invitation)
                .optional();
    }

    private static final String SELECT = """
            SELECT id, code, kind, hub_id, case_id, label, age_band, created_at, expires_at, answers
            FROM voice.invitation""";

    private Invitation invitation(ResultSet rs, int n) throws SQLException {
        HubId hub = new HubId(rs.getString(4));
        String band = rs.getString(7);
        return new Invitation(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                InvitationKind.valueOf(rs.getString(3)),
                hub,
                hubs.publicName(hub).orElse(hub.value()),
                rs.getObject(5, UUID.class),
                rs.getString(6),
                band == null ? null : AgeBand.valueOf(band),
                rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant(),
                rs.getInt(10));
    }
}
